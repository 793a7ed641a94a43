namespace IqosBot.Dialogs.Choices;

/// <summary>
/// Understands yes and no as customers write them, in Swedish and English, with or without å/ä/ö:
/// "ja", "japp", "jo", "ja gärna", "nä", "nej tack", "yes", "yep", "sure", "nope", "no thanks".
/// </summary>
public static class ConfirmRecognizer
{
    private static readonly HashSet<string> YesWords =
    [
        "yes", "yeah", "yea", "yep", "yup", "ya", "y", "sure", "ok", "okay", "k", "correct", "right", "absolutely",
        "definitely", "certainly", "yess", "yesss",
        "ja", "jaa", "japp", "jepp", "jo", "joo", "jajamen", "javisst", "visst", "absolut", "okej", "okey", "garna",
        "precis", "stammer", "sjalvklart", "kor", "jadå", "jada", "ja tack",
    ];

    private static readonly HashSet<string> NoWords =
    [
        "no", "nope", "nah", "n", "nay", "negative", "never",
        "nej", "na", "naa", "nae", "nix", "icke", "ej", "inte", "nej tack", "nejtack",
    ];

    private static readonly string[] YesPhrases = ["of course", "go ahead", "sounds good", "that s right", "det stammer", "sa klart", "javisst"];

    private static readonly string[] NoPhrases = ["not really", "no thanks", "no thank you", "inte nu", "helst inte", "inte riktigt", "absolut inte", "not now"];

    /// <returns>true for yes, false for no, null when the text says neither.</returns>
    public static bool? Recognize(string? utterance)
    {
        var folded = TextNormalizer.Fold(utterance);
        if (folded.Length == 0)
        {
            return null;
        }

        // Phrases first: "absolut inte" is a no although it starts with a yes word.
        if (NoPhrases.Any(phrase => ContainsPhrase(folded, phrase)))
        {
            return false;
        }

        if (YesPhrases.Any(phrase => ContainsPhrase(folded, phrase)))
        {
            return true;
        }

        // The first word decides: "ja, det vill jag", "no I don't think so".
        var first = folded.Split(' ')[0];
        if (NoWords.Contains(first))
        {
            return false;
        }

        if (YesWords.Contains(first))
        {
            return true;
        }

        return null;
    }

    private static bool ContainsPhrase(string folded, string phrase)
        => folded == phrase || folded.StartsWith(phrase + " ", StringComparison.Ordinal)
           || folded.EndsWith(" " + phrase, StringComparison.Ordinal) || folded.Contains(" " + phrase + " ", StringComparison.Ordinal);
}
