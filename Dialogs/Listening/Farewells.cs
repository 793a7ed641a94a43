using IqosBot.Dialogs.Choices;

namespace IqosBot.Dialogs.Listening;

/// <summary>What a closing message is: a goodbye ("hejdå!", "tack, ha det bra", "ok cheers, bye") or thanks alone.</summary>
public enum Farewell
{
    None,
    Thanks,
    Goodbye,
}

/// <summary>
/// Thanks and goodbyes in Swedish and English, slang included. A message counts only when it says nothing
/// else: "tack, ha det bra" is a goodbye, "tack" is thanks, but "ja tack" answers a question and
/// "tack, men var hittar jag koden?" is a question.
/// </summary>
public static class Farewells
{
    /// <summary>Folded phrases, longest first so "ha det bra" is taken before "ha det".</summary>
    private static readonly string[] GoodbyePhrases =
    [
        "catch you later", "puss och kram", "vi ses snart", "natti natti", "skot om dig", "bye for now", "ses snart", "sov gott", "peace out", "ha re bra",
        "have a nice day", "have a good day", "have a great day", "ha en fin dag", "ha en bra dag", "ha en trevlig dag", "ha det sa bra",
        "det var allt", "det var bara det", "that s all", "thats all", "talk to you later", "see you later", "ha det bra", "ha det gott",
        "ha det fint", "ha de bra", "ha de gott", "ha de", "good bye", "bye bye", "see you", "see ya", "take care", "hej da", "vi hors", "vi ses", "ha det", "hejda", "hejdo",
        "hejsan da", "adjo", "adios", "ciao", "tjing", "tjingeling", "hors", "bye", "goodbye", "byebye", "cya", "farval", "godnatt",
        "good night", "goodnight", "later", "laters", "hejdaa", "hejdaaa", "hej daa", "natti", "ha re",
    ];

    private static readonly string[] ThanksPhrases =
    [
        "thank you very much", "thank you so much", "thanks a lot", "many thanks", "thank you", "thank u", "thanks u", "tack sa mycket", "tack ska du ha",
        "tusen tack", "stort tack", "tack tack", "tackar", "tack", "thanks", "thx", "ty", "cheers", "tnx", "tacksam",
    ];

    /// <summary>Words that may stand beside a thanks or a goodbye without making it anything else.</summary>
    private static readonly HashSet<string> Filler =
    [
        "ok", "okay", "okej", "okey", "oki", "k", "kk", "ah", "aha", "ahh", "oh", "oj", "a", "and", "och", "so", "sa", "then", "da", "nu", "now",
        "for", "idag", "today", "bra", "great", "perfect", "perfekt", "toppen", "super", "fint", "kanon", "nice", "awesome", "lovely",
        "grymt", "snyggt", "mycket", "jattemycket", "snalla", "much", "very", "so", "you", "du", "dig", "er", "again", "igen", "hej", "hi", "alright", "allright",
        "fine", "good", "cool", "mvh", "hälsningar", "halsningar", "regards", "best", "all", "alla", "the", "help", "hjalpen",
    ];

    private static readonly HashSet<string> GoodbyeOnlyFiller = ["na", "nae", "nej", "no", "nah", "nope", "nix"];

    public static Farewell Read(string? text)
    {
        var folded = " " + TextNormalizer.Fold(text) + " ";
        if (folded.Length <= 2 || folded.Length > 120)
        {
            return Farewell.None;
        }

        var goodbye = Remove(ref folded, PaddedGoodbyes);
        var thanks = Remove(ref folded, PaddedThanks);
        if (!goodbye && !thanks)
        {
            return Farewell.None;
        }

        // "nä hejdå", "nej tack, hejdå": a no beside a goodbye is still a goodbye; beside thanks it answers a question.
        var rest = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rest.Any(word => !Filler.Contains(word) && !(goodbye && GoodbyeOnlyFiller.Contains(word))))
        {
            return Farewell.None;
        }

        return goodbye ? Farewell.Goodbye : Farewell.Thanks;
    }

    // Padded with spaces once, so a phrase is only found as whole words ("tack" not in "tacksam"); padding on every call
    // made a string per phrase per message, half of what reading a message's signals allocated (bench/README.md).
    private static readonly string[] PaddedGoodbyes = Padded(GoodbyePhrases);

    private static readonly string[] PaddedThanks = Padded(ThanksPhrases);

    private static string[] Padded(string[] phrases) => [.. phrases.Select(phrase => " " + phrase + " ")];

    private static bool Remove(ref string folded, string[] paddedPhrases)
    {
        var found = false;
        foreach (var padded in paddedPhrases)
        {
            while (folded.Contains(padded, StringComparison.Ordinal))
            {
                folded = folded.Replace(padded, " ", StringComparison.Ordinal);
                found = true;
            }
        }

        return found;
    }
}
