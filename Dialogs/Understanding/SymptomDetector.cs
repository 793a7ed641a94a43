using IqosBot.Dialogs.Choices;

namespace IqosBot.Dialogs.Understanding;

/// <summary>What happened to the device, when it was an accident rather than a fault.</summary>
public static class Accidents
{
    public const string Dropped = "dropped";
    public const string Liquid = "liquid";
    public const string Cracked = "cracked";

    public static IReadOnlyList<string> All { get; } = [Dropped, Liquid, Cracked];
}

/// <summary>
/// Reads a customer's description of a broken device, in Swedish or English, with or without å/ä/ö:
/// which symptom (<see cref="Symptoms"/>) or accident (<see cref="Accidents"/>) it names, and which model.
/// A message that only says the device is broken ("den är trasig", "funkar inte") names neither.
/// </summary>
public static class SymptomDetector
{
    /// <summary>How many words apart "inte" and "laddar" may be in "den laddar faktiskt inte".</summary>
    private const int Window = 3;

    /// <summary>How many words apart a colour and its light may be in "the light on the charger is red".</summary>
    private const int ColourWindow = 5;

    private static readonly HashSet<string> Negations =
    [
        "inte", "ej", "int", "ingen", "inget", "inga", "aldrig",
        "not", "no", "never", "wont", "doesnt", "dont", "isnt", "cant", "cannot", "didnt", "wasnt", "arent", "wouldnt",
    ];

    /// <summary>"won't" folds to "won t": these are the halves that join up again.</summary>
    private static readonly HashSet<string> ContractionHeads = ["won", "doesn", "don", "isn", "can", "didn", "wasn", "aren", "wouldn"];

    private static readonly HashSet<string> LightWords =
    [
        "lampa", "lampan", "lampor", "lamporna", "lampen", "ljus", "ljuset", "ljusen", "lyser", "lyste", "lysande",
        "blinkar", "blinka", "blinkade", "blinkande", "blinkat", "lysdiod", "lysdioden",
        "light", "lights", "lamp", "led", "leds", "blink", "blinks", "blinking", "blinked", "flash", "flashes", "flashing", "flashed",
        "glows", "glowing", "shows", "showing", "turns", "turned",
    ];

    private static readonly HashSet<string> BlinkWords =
    [
        "blinkar", "blinka", "blinkade", "blinkande", "blinkat", "blink", "blinks", "blinking", "blinked",
        "flash", "flashes", "flashing", "flashed", "flimrar",
    ];

    private static readonly HashSet<string> RedWords = ["rod", "roda", "rott", "rodt", "red"];
    private static readonly HashSet<string> WhiteWords = ["vit", "vita", "vitt", "white"];

    private static readonly HashSet<string> HeatWords =
    [
        "varmer", "varma", "varm", "varms", "varmde", "varmt", "het", "hett", "uppvarmning",
        "heat", "heats", "heating", "heated", "hot", "warm", "warms", "warming", "warmed",
    ];

    private static readonly HashSet<string> ChargeWords =
    [
        "laddar", "ladda", "laddas", "laddat", "laddade", "laddning", "laddningen", "laddare", "laddaren", "uppladdning",
        "charge", "charges", "charging", "charged", "charger",
    ];

    private static readonly HashSet<string> StickWords =
    [
        "sticka", "stickan", "stickor", "stickorna", "tobaksstickan", "tobak", "tobaken", "terea", "heets",
        "stick", "sticks", "heatstick", "heatsticks", "tobacco",
    ];

    private static readonly HashSet<string> StuckWords =
    [
        "fast", "fastnat", "fastnade", "fastnar", "inuti", "brots", "stuck", "jammed", "snapped", "broke",
    ];

    private static readonly HashSet<string> DropWords =
    [
        "tappade", "tappat", "tappa", "tappar", "foll", "fallit", "ramlade", "ramlat", "trillade", "trillat",
        "dropped", "drop", "dropping", "fell",
    ];

    private static readonly HashSet<string> LiquidWords =
    [
        "blot", "blott", "blota", "vatten", "vattnet", "kaffe", "kaffet", "spillde", "spillt", "spilla", "spiller", "vatska",
        "fukt", "fuktig", "fuktskada", "regn", "regnet", "toaletten", "diskmaskinen", "tvattmaskinen", "dranktes", "blotte",
        "wet", "water", "coffee", "tea", "spilled", "spilt", "spill", "liquid", "rain", "soaked", "damp", "toilet", "drenched",
    ];

    private static readonly HashSet<string> CrackWords =
    [
        "sprucken", "spruckit", "sprack", "spricka", "sprickor", "sprackt", "sprackte", "krossad", "krossat", "krossades",
        "cracked", "crack", "cracks", "shattered", "smashed",
    ];

    /// <summary>
    /// One of the <see cref="Symptoms"/> or <see cref="Accidents"/> keys, or null. An accident wins over a
    /// symptom ("I dropped it and now it blinks red"): it decides how the claim is handled.
    /// </summary>
    public static string? Detect(string? text)
    {
        var tokens = Tokens(text);
        if (tokens.Count == 0)
        {
            return null;
        }

        // Liquid before dropped: "I dropped it in the toilet" is water damage.
        if (tokens.Any(LiquidWords.Contains))
        {
            return Accidents.Liquid;
        }

        if (IsDropped(tokens))
        {
            return Accidents.Dropped;
        }

        if (tokens.Any(CrackWords.Contains))
        {
            return Accidents.Cracked;
        }

        if (IsStickStuck(tokens))
        {
            return Symptoms.StickStuck;
        }

        if (Near(tokens, RedWords, LightWords, ColourWindow) || tokens.Any(IsRedCompound))
        {
            return Symptoms.RedLight;
        }

        if (Near(tokens, WhiteWords, BlinkWords, ColourWindow))
        {
            return Symptoms.WhiteBlinking;
        }

        if (Near(tokens, ChargeWords, Negations))
        {
            return Symptoms.NotCharging;
        }

        if (Near(tokens, HeatWords, Negations))
        {
            return Symptoms.NotHeating;
        }

        return IsStopping(tokens) ? Symptoms.Stops : null;
    }

    /// <summary>
    /// The display name of the model the text names, as in the troubleshooting guide's models
    /// ("min prime" → "IQOS ILUMA PRIME", "iqos 3 duo" → "IQOS 3 DUO"), or null.
    /// </summary>
    public static string? DetectModel(string? text)
    {
        var tokens = ModelTokens(text);
        var iluma = tokens.IndexOf("iluma");
        if (iluma >= 0)
        {
            var next = iluma + 1;
            var generationI = At(tokens, next) == "i" && IsGenerationI(tokens, next);
            if (generationI)
            {
                next++;
            }

            return (At(tokens, next), generationI) switch
            {
                ("prime", true) => "IQOS ILUMA i PRIME",
                ("one", true) => "IQOS ILUMA i ONE",
                (_, true) => "IQOS ILUMA i",
                ("prime", false) => "IQOS ILUMA PRIME",
                ("one", false) => "IQOS ILUMA ONE",
                _ => "IQOS ILUMA",
            };
        }

        // "min prime": PRIME is only an ILUMA; "i prime" is the ILUMA i PRIME.
        var prime = tokens.IndexOf("prime");
        if (prime >= 0)
        {
            return At(tokens, prime - 1) == "i" ? "IQOS ILUMA i PRIME" : "IQOS ILUMA PRIME";
        }

        if (tokens.Contains("duo"))
        {
            return "IQOS 3 DUO";
        }

        // "multi" alone is too common a word ("multipack" folds to one word, "multi pack" does not).
        var multi = tokens.IndexOf("multi");
        if (multi >= 0 && At(tokens, multi - 1) is "3" or "iqos" or "min" or "my")
        {
            return "IQOS 3 MULTI";
        }

        var iqos = tokens.IndexOf("iqos");
        return iqos >= 0 && At(tokens, iqos + 1) == "3" ? "IQOS 3" : null;
    }

    /// <summary>
    /// "iluma i" is the ILUMA i only when the "i" is not the Swedish preposition: "min iluma i" and
    /// "iluma i prime" are, "min iluma i fickan" (in my pocket) is not.
    /// </summary>
    private static bool IsGenerationI(List<string> tokens, int index)
        => At(tokens, index + 1) is null or "prime" or "one" or "ar" or "har" or "som" or "och" or "blinkar" or "laddar"
            or "varmer" or "funkar" or "fungerar" or "stanger" or "is" or "has" or "and" or "won" or "doesn" or "keeps";

    private static string? At(List<string> tokens, int index)
        => index >= 0 && index < tokens.Count ? tokens[index] : null;

    private static bool IsDropped(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            // "jag tappade bort den" is lost, not dropped.
            if (DropWords.Contains(tokens[i]) && At(tokens, i + 1) != "bort")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStickStuck(List<string> tokens)
    {
        if (!tokens.Any(StickWords.Contains))
        {
            return false;
        }

        if (tokens.Any(StuckWords.Contains) || Phrase(tokens, "gick", "av") || Phrase(tokens, "gatt", "av")
            || Phrase(tokens, "gick", "sonder") || Phrase(tokens, "sitter", "kvar") || Phrase(tokens, "satt", "kvar")
            || Phrase(tokens, "left", "inside") || Phrase(tokens, "broken", "off"))
        {
            return true;
        }

        // "får inte ut stickan", "can't get the stick out".
        return Near(tokens, ["ut", "out"], Negations);
    }

    private static bool IsStopping(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var next = At(tokens, i + 1);
            var stops = tokens[i] switch
            {
                "stanger" or "stangs" or "stangde" or "stangdes" or "slar" or "slog" or "stangt" => next is "av" or "ner",
                "turns" or "turned" or "turning" or "switches" or "switched" or "switching" or "shuts" or "shut" or "shutting"
                    or "powers" or "powered" or "powering" or "goes" or "went" or "going" or "cuts" or "cut" or "cutting" => next is "off" or "down" or "out" or "itself",
                "dor" or "dog" or "dies" or "died" or "stannar" or "stannade" or "avbryts" or "avbrots" => true,
                "slutar" or "slutade" or "stops" or "stopped" or "stopping" =>
                    next is not ("fungera" or "funka" or "fungerar" or "working" or "work" or "functioning"),
                _ => false,
            };
            if (stops)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRedCompound(string token)
        => token.StartsWith("rod", StringComparison.Ordinal) && (token.Contains("blink", StringComparison.Ordinal)
            || token.Contains("lamp", StringComparison.Ordinal) || token.Contains("ljus", StringComparison.Ordinal));

    private static bool Phrase(List<string> tokens, string first, string second)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i] == first && tokens[i + 1] == second)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word from each set, at most <paramref name="window"/> words apart, in either order.</summary>
    private static bool Near(List<string> tokens, IReadOnlySet<string> first, IReadOnlySet<string> second, int window = Window)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!first.Contains(tokens[i]))
            {
                continue;
            }

            for (var j = Math.Max(0, i - window); j <= Math.Min(tokens.Count - 1, i + window); j++)
            {
                if (j != i && second.Contains(tokens[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Near(List<string> tokens, string[] first, IReadOnlySet<string> second)
        => Near(tokens, first.ToHashSet(StringComparer.Ordinal), second);

    /// <summary>Folded words, with "won t" and "doesn t" joined back into "wont" and "doesnt".</summary>
    private static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        foreach (var token in TextNormalizer.Tokens(text))
        {
            if (token == "t" && tokens.Count > 0 && ContractionHeads.Contains(tokens[^1]))
            {
                tokens[^1] += "t";
                continue;
            }

            tokens.Add(token);
        }

        return tokens;
    }

    /// <summary>Folded words with run-together model names split: "iqos3" → "iqos 3", "ilumai" → "iluma i".</summary>
    private static List<string> ModelTokens(string? text)
    {
        var tokens = new List<string>();
        foreach (var token in TextNormalizer.Tokens(text))
        {
            switch (token)
            {
                case "iqos3":
                    tokens.AddRange(["iqos", "3"]);
                    break;
                case "3duo":
                    tokens.AddRange(["3", "duo"]);
                    break;
                case "3multi":
                    tokens.AddRange(["3", "multi"]);
                    break;
                case "ilumai":
                case "illumai":
                    tokens.AddRange(["iluma", "i"]);
                    break;
                case "illuma":
                case "ilumma":
                    tokens.Add("iluma");
                    break;
                case "ilumaone":
                    tokens.AddRange(["iluma", "one"]);
                    break;
                case "ilumaprime":
                    tokens.AddRange(["iluma", "prime"]);
                    break;
                default:
                    tokens.Add(token);
                    break;
            }
        }

        return tokens;
    }
}
