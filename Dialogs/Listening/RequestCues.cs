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
    private static readonly HashSet<string> InsteadWords =
    [
        "istallet", "stallet", "hellre", "forst", "egentligen", "faktiskt", "bara", "vill", "kan",
        "instead", "rather", "first", "actually", "just", "want", "can", "could", "would",
    ];

    private static readonly HashSet<string> WarrantyWords = ["garanti", "garantin", "garantier", "warranty"];

    private static readonly HashSet<string> CheckWords = ["kolla", "kollar", "kontrollera", "se", "check", "look", "see", "status"];

    private static readonly HashSet<string> RegisterWords = ["registrera", "registrerar", "register", "registering"];

    /// <summary>The journey intent the message asks to switch to, or null.</summary>
    public static string? Detect(string? text)
    {
        var tokens = TextNormalizer.Tokens(text);
        if (tokens.Length is < 3 or > 25 || !tokens.Any(InsteadWords.Contains))
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
