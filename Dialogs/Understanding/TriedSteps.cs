using IqosBot.Dialogs.Choices;

namespace IqosBot.Dialogs.Understanding;

/// <summary>
/// The kinds of troubleshooting step, as knowledge/troubleshooting/{sv,en}.json tags each step, so what
/// the customer says they already did can be matched to the steps whatever their wording.
/// </summary>
public static class StepKinds
{
    public const string Reset = "reset";
    public const string Charge = "charge";
    public const string Cable = "cable";
    public const string Port = "port";
    public const string Sticks = "sticks";
    public const string Temperature = "temperature";
    public const string WarmUp = "warm-up";
    public const string Magnet = "magnet";
    public const string Wait = "wait";
    public const string RemovePiece = "remove-piece";

    public static IReadOnlyList<string> All { get; } = [Reset, Charge, Cable, Port, Sticks, Temperature, WarmUp, Magnet, Wait, RemovePiece];
}

/// <summary>
/// What a customer says they have already tried ("har redan återställt den och laddat hela natten",
/// "I've reset it twice, tried another cable"), so the journey does not ask them to do it again. Only
/// things said as done count: "hur återställer jag den?" or "I haven't charged it" are not.
/// </summary>
public static class TriedSteps
{
    /// <summary>Folded phrases that say a kind of step was done; Swedish perfect forms and English past forms.</summary>
    private static readonly (string Kind, string[] Phrases)[] Done =
    [
        (StepKinds.Reset,
        [
            // English "reset" is also the present tense ("how do I reset it?"), so it counts only with a sign of the past.
            "aterstallt", "aterstallde", "gjort en aterstallning", "startat om", "startade om", "startat den om", "startade den om", "resetat", "resettat", "resetade", "resettade",
            "nollstallt", "nollstallde", "stangt av och pa", "stangde av och pa", "hallit in knappen", "holl in knappen",
            "ve reset", "have reset", "already reset", "reset it already", "reset it twice", "reset it several times", "reset it a few times", "did a reset", "done a reset", "tried a reset",
            "tried resetting", "tried to reset", "restarted", "rebooted", "turned it off and on", "switched it off and on", "held the button",
        ]),
        (StepKinds.Charge,
        [
            "laddat", "laddade", "laddat den", "fulladdad", "fulladdat", "full laddad", "har laddats", "charged", "charged it", "fully charged", "left it charging", "on charge",
        ]),
        (StepKinds.Cable,
        [
            "bytt sladd", "bytt kabel", "bytt laddsladd", "bytt adapter", "annan sladd", "annan kabel", "annan laddsladd", "annan adapter", "andra sladdar", "andra kablar", "originalsladden", "originalkabeln",
            "another cable", "different cable", "other cable", "another charger", "different charger", "another plug", "different plug", "original cable", "original charger", "original adaptor", "original adapter",
        ]),
        (StepKinds.Port,
        [
            "blast i porten", "blast rent", "rengjort porten", "gjort rent porten", "rensat porten", "kollat porten", "blew into", "blown into", "cleaned the port", "cleaned the charging port", "checked the port",
        ]),
        (StepKinds.Sticks,
        [
            "anvander terea", "anvander heets", "kor terea", "kor heets", "rokt terea", "bytt stickor", "andra stickor", "nya stickor", "annan stick", "ny stick",
            "using terea", "using heets", "other sticks", "different sticks", "new sticks", "another stick", "new pack",
        ]),
        (StepKinds.WarmUp,
        [
            "varmt den", "varmt upp den", "varmde den", "varmde upp den", "warmed it", "warmed it up", "warmed up",
        ]),
        (StepKinds.Temperature,
        [
            "inte kall", "inte for kall", "rumstemperatur", "inomhus hela tiden", "not cold", "not too cold", "room temperature", "been indoors",
        ]),
        (StepKinds.Magnet,
        [
            "ingen magnet", "inga magneter", "no magnet", "no magnets", "away from magnets",
        ]),
    ];

    /// <summary>Said of the step just shown: "har redan gjort det", "already tried that".</summary>
    private static readonly string[] ThatOneAlready =
    [
        "redan gjort", "gjort det redan", "gjort det", "redan provat", "provat det", "provat redan", "redan testat", "testat det", "testat redan", "redan forsokt", "forsokt med det",
        "gjorde det", "det har jag gjort", "har jag redan", "already did", "already done", "already tried", "did that", "done that", "tried that", "tried it", "did it already", "been there",
    ];

    private static readonly HashSet<string> Negations = ["inte", "ej", "aldrig", "inga", "not", "never", "havent", "didnt", "hasnt", "no"];

    /// <summary>"haven't" folds to "haven t"; a lone "t" after "won" ("won't charge") is the symptom, not a negated try.</summary>
    private static readonly HashSet<string> NegatedAuxiliaries = ["haven", "didn", "hasn"];

    /// <summary>The <see cref="StepKinds"/> the message says were already done; empty when it says none.</summary>
    public static IReadOnlySet<string> Read(string? text)
    {
        var tokens = Tokens(text);
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        if (tokens.Length == 0)
        {
            return kinds;
        }

        foreach (var (kind, phrases) in Done)
        {
            // Negations are part of the temperature and magnet phrases ("inte kall", "no magnet") themselves.
            var negationMatters = kind is not (StepKinds.Temperature or StepKinds.Magnet);
            if (phrases.Any(phrase => SaidAsDone(tokens, phrase, negationMatters)))
            {
                kinds.Add(kind);
            }
        }

        return kinds;
    }

    /// <summary>Whether the answer to "did that help?" says the step shown was already tried before.</summary>
    public static bool SaysAlreadyTried(string? text)
    {
        var tokens = Tokens(text);
        return ThatOneAlready.Any(phrase => SaidAsDone(tokens, phrase, negationMatters: true));
    }

    private static string[] Tokens(string? text)
        => TextNormalizer.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The phrase stands as whole words, and not right after a negation ("har inte laddat den").</summary>
    private static bool SaidAsDone(string[] tokens, string phrase, bool negationMatters)
    {
        var words = phrase.Split(' ');
        for (var start = 0; start + words.Length <= tokens.Length; start++)
        {
            if (!words.Select((word, i) => tokens[start + i] == word).All(same => same))
            {
                continue;
            }

            var negated = negationMatters && Enumerable.Range(Math.Max(0, start - 3), Math.Min(3, start)).Any(i => IsNegation(tokens, i));
            if (!negated)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNegation(string[] tokens, int index)
        => Negations.Contains(tokens[index]) || (tokens[index] == "t" && index > 0 && NegatedAuxiliaries.Contains(tokens[index - 1]));
}
