using IqosBot.Dialogs.Choices;

namespace IqosBot.Dialogs.Language;

/// <summary>
/// Tells Swedish from English in short customer messages, by marker words (folded, so "hjalp" counts
/// like "hjälp") and by å/ä/ö. Words that fold into another language's word ("för" → "for", "än" → "an")
/// and words both languages use ("i", "person") are left out of the lists. Returns null when the text gives no clear sign ("ok", "1", an e-mail).
/// </summary>
public static class LanguageDetector
{
    private static readonly HashSet<string> SwedishWords =
    [
        "hej", "hejsan", "tjena", "tja", "halla", "god", "morgon", "dag", "kvall", "jag", "ar", "och", "inte", "min",
        "mitt", "mina", "hur", "vad", "nar", "varfor", "vill", "har", "hjalp", "tack", "ja", "nej", "japp", "na", "registrera",
        "garanti", "garantin", "enhet", "enheten", "kopte", "kopt", "till", "med", "pa", "ett", "ni", "mig", "dig", "oppet",
        "oppettider", "avbryt", "prata", "nagon", "manniska", "kundtjanst", "fraga", "fragor", "hjalpa", "kan", "du", "det",
        "som", "att", "av", "fran", "ska", "skulle", "finns", "galler", "trasig", "funkar", "fungerar", "laddar", "igen",
        "varsagod", "hejda", "adjo", "snalla", "garna", "behover", "kolla", "ocksa", "bara", "eller", "nu", "sen",
    ];

    private static readonly HashSet<string> EnglishWords =
    [
        "hi", "hello", "hey", "good", "morning", "evening", "is", "the", "and", "not", "my", "how", "what", "when", "why",
        "want", "have", "help", "thanks", "thank", "yes", "no", "register", "warranty", "device", "bought", "to", "with",
        "on", "you", "me", "open", "opening", "hours", "cancel", "talk", "someone", "human", "agent", "question", "questions",
        "can", "it", "that", "of", "from", "will", "would", "does", "do", "broken", "works", "working", "charging", "again",
        "bye", "goodbye", "please", "need", "check", "also", "just", "or", "now", "am", "are", "where", "which", "there",
        "get", "could", "should", "a", "about", "yeah", "yep", "nope", "sure", "okay",
    ];

    public static string? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var swedish = 0;
        var english = 0;
        foreach (var token in TextNormalizer.Tokens(text))
        {
            if (SwedishWords.Contains(token))
            {
                swedish++;
            }

            if (EnglishWords.Contains(token))
            {
                english++;
            }
        }

        // å, ä and ö are a strong sign even in words the lists don't know.
        if (text.AsSpan().IndexOfAny("åäöÅÄÖ") >= 0)
        {
            swedish += 2;
        }

        if (swedish == english)
        {
            return null;
        }

        return swedish > english ? CustomerLanguage.Swedish : CustomerLanguage.English;
    }
}
