using IqosBot.Dialogs.Choices;

namespace IqosBot.Dialogs.Listening;

/// <summary>"Oh wait, it works again now", "den funkar igen": the problem went away while the bot was asking about it.</summary>
public static class SolvedSignals
{
    private static readonly string[] Phrases =
    [
        "fungerar igen", "funkar igen", "fungerar nu", "funkar nu", "fungerar som den ska", "den gar igen", "loste sig", "loste det", "har lost det",
        "works again", "working again", "works now", "working now", "it works", "fixed it", "sorted it", "it s fine now", "its fine now", "all good now",
    ];

    private static readonly HashSet<string> Negations = ["inte", "ej", "not", "doesn", "isn", "dont", "doesnt", "isnt", "never", "aldrig", "no", "nej"];

    public static bool Mentions(string? text)
    {
        var folded = " " + TextNormalizer.Fold(text) + " ";
        if (folded.Length > 200 || !Phrases.Any(phrase => folded.Contains(" " + phrase + " ", StringComparison.Ordinal)))
        {
            return false;
        }

        // "it works again?" is hopeful, "funkar inte igen" is the opposite.
        return !folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(Negations.Contains);
    }
}
