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
        "definitely", "certainly", "yess", "yesss", "yah", "jep", "yes please", "alright",
        "ja", "jaa", "japp", "jepp", "jo", "joo", "jajamen", "javisst", "visst", "absolut", "okej", "okey", "garna",
        "precis", "stammer", "sjalvklart", "kor", "jadå", "jada", "ja tack", "jajjemen", "jadu", "aa", "ja ja",
    ];

    private static readonly HashSet<string> NoWords =
    [
        "no", "nope", "nah", "n", "nay", "negative", "never",
        "nej", "na", "naa", "nae", "nix", "icke", "ej", "inte", "nej tack", "nejtack",
    ];

    private static readonly string[] YesPhrases =
    [
        "of course", "go ahead", "sounds good", "that s right", "det stammer", "sa klart", "javisst", "why not", "varfor inte", "i think so",
        "tror det", "go for it", "please do", "gor det", "kor pa", "let s do it", "lets do it", "i am", "i m over", "jag ar over",
        "det hjalpte", "it helped", "that helped", "that worked", "it worked", "det funkade", "det fungerade",
    ];

    private static readonly string[] NoPhrases =
    [
        "not really", "no thanks", "no thank you", "inte nu", "helst inte", "inte riktigt", "absolut inte", "not now", "not yet", "inte an",
        "inte annu", "inte just nu", "don t think so", "dont think so", "tror inte det", "tror inte", "i m not", "im not", "i am not", "jag ar inte",
        "inte alls", "not at all", "rather not", "no way", "nej da", "kanske sen", "kanske senare", "maybe later", "not today", "inte idag",
        "skip", "hoppa over", "nah", "didn t help", "didnt help", "did not help", "hjalpte inte", "funkade inte", "fungerade inte",
        "no luck", "still not", "still doesn t", "still does not", "fortfarande inte", "samma sak", "same thing", "same problem", "nope",
    ];

    private static readonly string[] UnsurePhrases = ["not sure", "unsure", "no idea", "don t know", "dont know", "vet inte", "osaker", "inte saker", "ingen aning"];

    private static readonly HashSet<string> QuestionWords = ["can", "could", "how", "what", "where", "why", "kan", "hur", "vad", "var", "vart", "varfor", "vilken"];

    /// <returns>true for yes, false for no, null when the text says neither.</returns>
    public static bool? Recognize(string? utterance)
    {
        var folded = TextNormalizer.Fold(utterance);
        if (folded.Length == 0)
        {
            return null;
        }

        // Doubt is no answer: "I'm not sure" must not read as "I'm not".
        if (UnsurePhrases.Any(phrase => ContainsPhrase(folded, phrase)))
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

        // The first word decides: "ja, det vill jag", "no I don't think so" — unless the rest asks something
        // ("ok can you register it then?"): then the message is a question or a request, not an answer.
        var words = folded.Split(' ');
        if (words.Length >= 4 && (utterance!.Contains('?', StringComparison.Ordinal) || words.Skip(1).Any(QuestionWords.Contains)))
        {
            return null;
        }

        var first = words[0];
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
