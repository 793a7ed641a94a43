using System.Text.RegularExpressions;
using IqosBot.Dialogs.Choices;

namespace IqosBot.Dialogs.Understanding;

/// <summary>
/// Recognises help, cancel and "I want a person" in Swedish and English. These are explicit phrasings,
/// matched on the whole (folded) message or a clear phrase, so that an answer like "person" in a form
/// field is rare and an answer that merely contains "help" is not taken for a cry for help.
/// </summary>
public static partial class InterruptionDetector
{
    private static readonly HashSet<string> HelpMessages =
    [
        "help", "help me", "hjalp", "hjalp mig", "hjalpa", "what can i say", "what can i do", "what do i do", "vad kan jag skriva",
        "vad gor jag", "vad ska jag gora", "jag forstar inte", "i don t understand", "i dont understand", "meny", "menu", "?",
    ];

    private static readonly HashSet<string> CancelMessages =
    [
        "cancel", "avbryt", "stop", "stopp", "sluta", "quit", "exit", "avsluta", "glom det", "forget it", "never mind",
        "nevermind", "nvm", "borja om", "start over", "restart", "avbryt registreringen", "cancel that", "avbryt det",
        "skit samma", "strunta i det", "struntar i det", "forget about it", "doesn t matter", "spelar ingen roll", "jag ger upp",
        "i give up", "angra", "avbryt allt", "cancel it", "stop it", "sluta fraga", "forget that", "never mind that", "skippa det",
    ];

    /// <summary>Words that may stand around a cancel phrase without changing it: "nej, glöm det", "ok never mind then", "avbryt tack".</summary>
    private static readonly HashSet<string> CancelFiller =
    [
        "ok", "okej", "okay", "nej", "no", "nah", "na", "nae", "then", "da", "please", "pls", "tack", "bara", "just", "oh", "oj", "hmm",
        "ah", "ahh", "aah", "asch", "ach", "usch", "meh", "nja", "men", "but", "well", "tja", "aja", "ojdå", "ojda", "sorry", "forlat",
        "anyway", "anyways", "sa", "so", "actually", "faktiskt", "i", "forresten", "the", "registration", "registreringen", "claim", "arendet",
    ];

    private static readonly HashSet<string> HumanMessages =
    [
        "person", "human", "agent", "manniska", "kundtjanst", "kundservice", "operator", "handlaggare", "real person",
        "riktig person", "en person", "en manniska", "a person", "a human", "live agent", "customer service", "customer care",
        "support agent", "talk to a person", "prata med en person", "person please", "a person please", "agent please", "person tack",
        "en person tack", "manniska tack", "en manniska tack", "kundtjanst tack", "customer service please",
    ];

    public static Interruption Detect(string? text)
    {
        // Messages longer than the bot reads (Messages:MaxLength) never get here; this keeps the detector cheap alone too.
        if (text is { Length: > 2000 })
        {
            return Interruption.None;
        }

        var folded = TextNormalizer.Fold(text);
        if (folded.Length == 0)
        {
            // "?" alone folds to nothing but is a plain request for help.
            return text?.Trim() == "?" ? Interruption.Help : Interruption.None;
        }

        if (HumanMessages.Contains(folded) || AsksForHuman(folded))
        {
            return Interruption.HumanAgent;
        }

        if (CancelMessages.Contains(folded) || CancelMessages.Contains(WithoutCancelFiller(folded)))
        {
            return Interruption.Cancel;
        }

        return HelpMessages.Contains(folded) ? Interruption.Help : Interruption.None;
    }

    private static bool AsksForHuman(string folded)
    {
        try
        {
            return WantsHuman().IsMatch(folded);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string WithoutCancelFiller(string folded)
    {
        var words = folded.Split(' ');
        return words.Length > 8 ? folded : string.Join(' ', words.Where(word => !CancelFiller.Contains(word)));
    }

    /// <summary>"can I talk to a human", "jag vill prata med någon på kundtjänst", "koppla mig till en handläggare".</summary>
    [GeneratedRegex(
        @"\b(?:(?:talk|speak|chat)\s+(?:to|with)\s+(?:a\s+|an\s+|some\s+)?(?:real\s+|live\s+)?(?:human|person|agent|someone|somebody|customer\s+(?:service|care))|(?:prata|tala|chatta)\s+med\s+(?:en\s+)?(?:riktig\s+)?(?:manniska|person|nagon|handlaggare|kundtjanst|agent)|koppla\s+(?:mig|vidare)\b.*\b(?:manniska|person|handlaggare|kundtjanst|agent)|(?:human|real\s+person|live\s+agent)\s+please|connect\s+me\s+(?:to|with)\s+(?:a\s+|an\s+)?(?:human|person|agent|someone))\b",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex WantsHuman();
}
