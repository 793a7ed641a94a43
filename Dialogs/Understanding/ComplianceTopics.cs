using IqosBot.Dialogs.Choices;

namespace IqosBot.Dialogs.Understanding;

/// <summary>
/// Topics the bot must answer neutrally whatever the classifier thinks: questions about health (no
/// health claims, point to official information) and buying tobacco products (never promoted).
/// Matched on folded words, so "hälsa" and "halsa" both count.
/// </summary>
public static class ComplianceTopics
{
    public const string HealthQuestion = nameof(HealthQuestion);
    public const string TobaccoPurchase = nameof(TobaccoPurchase);

    private static readonly HashSet<string> HealthWords =
    [
        "halsa", "halsan", "halsosam", "halsosamt", "halsosammare", "halsofarlig", "halsofarligt", "halsorisk", "halsorisker", "skadlig",
        "skadligt", "skadligare", "farligt", "farligare", "cancer", "lungor", "lungorna", "nikotin", "beroende", "beroendeframkallande",
        "gravid", "astma", "sjukdom", "sjukdomar", "giftigt", "giftig",
        "health", "healthy", "healthier", "harmful", "harmless", "safer", "dangerous", "lungs", "nicotine", "addictive",
        "addiction", "pregnant", "asthma", "disease", "toxic", "carcinogenic",
    ];

    private static readonly HashSet<string> TobaccoWords =
    [
        "terea", "heets", "fiit", "heatsticks", "heatstick", "tobak", "tobaken", "tobaksprodukter", "tobacco", "cigaretter",
        "cigarettes", "cigarett", "cigarette", "snus", "sticks", "stickor", "paket", "limpa", "carton",
    ];

    private static readonly HashSet<string> BuyingWords =
    [
        "kopa", "kop", "koper", "bestalla", "bestaller", "billig", "billigt", "billigast", "pris", "kostar", "rabatt", "erbjudande",
        "buy", "buying", "purchase", "order", "cheap", "cheapest", "price", "cost", "costs", "deal", "discount", "sell", "sells",
    ];

    /// <summary>The compliance topic of a message, or null.</summary>
    public static string? Detect(string? text)
    {
        var tokens = TextNormalizer.Tokens(text);
        if (tokens.Any(HealthWords.Contains))
        {
            return HealthQuestion;
        }

        return tokens.Any(TobaccoWords.Contains) && tokens.Any(BuyingWords.Contains) ? TobaccoPurchase : null;
    }
}
