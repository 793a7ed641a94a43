using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Listening;

/// <summary>"Oh wait, it works again now", "vänta nu funkar den igen!": the problem went away while the bot was asking about it.</summary>
public static class SolvedSignals
{
    private static readonly HashSet<string> WorksWords = ["fungerar", "funkar", "fungerade", "funkade", "works", "working", "worked"];

    private static readonly HashSet<string> AgainWords = ["igen", "nu", "again", "now"];

    private static readonly string[] Phrases = ["loste sig", "loste det", "har lost det", "gar igen", "fixed it", "sorted it", "all good now", "it s fine now", "its fine now"];

    private static readonly HashSet<string> Negations =
    [
        "inte", "ej", "int", "not", "doesn", "isn", "don", "dont", "doesnt", "isnt", "never", "aldrig", "no", "nej", "still", "fortfarande",
        "ingenting", "inget", "nothing", "om", "if", "forut", "before", "until",
    ];

    public static bool Mentions(string? text)
    {
        var tokens = TextNormalizer.Tokens(text);
        if (tokens.Length is 0 or > 20 || tokens.Any(Negations.Contains) || text!.Contains('?', StringComparison.Ordinal))
        {
            // "it works again?" is hopeful, "funkar inte igen" the opposite, "nu funkar ingenting" worse.
            return false;
        }

        return (tokens.Any(WorksWords.Contains) && tokens.Any(AgainWords.Contains)) || new FoldedText(text).HasAny(Phrases);
    }
}
