using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Listening;

/// <summary>
/// A customer changing their mind in so many words: "kan jag kolla garantin istället?", "I'd rather just
/// register it". The words that say "instead" and the journey's own verb decide, where a classifier trained on
/// whole requests is unsure because half the message is about something else.
/// </summary>
public static class RequestCues
{
    /// <summary>Words that say the customer changes their mind: enough on their own, even where any text is an answer.</summary>
    private static readonly HashSet<string> InsteadWords = ["istallet", "stallet", "hellre", "egentligen", "instead", "rather", "actually"];

    /// <summary>Words that make a request of a message; enough where the message is not the answer to the question.</summary>
    private static readonly HashSet<string> AskingWords = ["forst", "bara", "vill", "kan", "first", "just", "want", "can", "could", "would", "please"];

    /// <summary>"I'd rather not register it", "jag vill helst inte": a no to the journey, not a request for it.</summary>
    private static readonly HashSet<string> Negations = ["not", "inte", "ej", "dont", "don", "never", "aldrig"];

    private static readonly HashSet<string> WarrantyWords = ["garanti", "garantin", "garantier", "warranty"];

    private static readonly HashSet<string> CheckWords = ["kolla", "kollar", "kontrollera", "se", "check", "look", "see", "status"];

    /// <summary>The verb as a request ("can you register it"), not the noun of a question ("what do I get for registering?").</summary>
    private static readonly HashSet<string> RegisterWords = ["registrera", "register"];

    /// <summary>The journey intent the message asks to switch to, or null.</summary>
    /// <param name="changeOfMind">Only a message that says "instead" counts (where any text would otherwise be an answer).</param>
    public static string? Detect(string? text, bool changeOfMind = false)
    {
        var tokens = TextNormalizer.Tokens(text);
        if (tokens.Length is < 2 or > 25 || tokens.Any(Negations.Contains)
            || !tokens.Any(token => InsteadWords.Contains(token) || (!changeOfMind && AskingWords.Contains(token))))
        {
            return null;
        }

        if (tokens.Any(WarrantyWords.Contains) && tokens.Any(CheckWords.Contains))
        {
            return Intents.WarrantyStatus;
        }

        return tokens.Any(RegisterWords.Contains) ? Intents.RegisterDevice : null;
    }
}
