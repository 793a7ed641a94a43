using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Language;

/// <summary>The two languages the bot speaks, and where the current turn's language is kept.</summary>
public static class CustomerLanguage
{
    public const string Swedish = "sv";
    public const string English = "en";

    /// <summary>A Swedish service: customers who give no sign of their language are greeted in Swedish.</summary>
    public const string Default = Swedish;

    private const string TurnStateKey = "IqosBot.CustomerLanguage";

    public static string GetLanguage(this ITurnContext turnContext)
        => turnContext.FindLanguage() ?? Default;

    /// <summary>The language chosen for this turn, or null before the bot has chosen one.</summary>
    public static string? FindLanguage(this ITurnContext turnContext)
        => turnContext.TurnState.Get<string>(TurnStateKey);

    public static void SetLanguage(this ITurnContext turnContext, string language)
        => turnContext.TurnState.Set(TurnStateKey, Normalize(language) ?? Default);

    /// <summary>"sv-SE", "sv", "SV" → "sv"; "en-US", "en-GB" → "en"; anything else → null.</summary>
    public static string? Normalize(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var primary = locale.Split('-', '_')[0].Trim().ToLowerInvariant();
        return primary switch
        {
            Swedish or "swe" => Swedish,
            English or "eng" => English,
            _ => null,
        };
    }
}
