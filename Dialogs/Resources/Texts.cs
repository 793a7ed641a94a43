using System.Globalization;
using System.Resources;
using IqosBot.Dialogs.Language;

namespace IqosBot.Dialogs.Resources;

/// <summary>Customer-facing texts in the customer's language, from Strings.resx / Strings.sv.resx.</summary>
public static class Texts
{
    private static readonly ResourceManager Resources = new("IqosBot.Dialogs.Resources.Strings", typeof(Texts).Assembly);
    private static readonly CultureInfo SwedishCulture = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-GB");

    public static string Get(string language, string key)
        => Resources.GetString(key, Culture(language))
           ?? throw new KeyNotFoundException($"No text named '{key}' in the bot's resources.");

    public static string Format(string language, string key, params object[] args)
        => string.Format(Culture(language), Get(language, key), args);

    /// <summary>The culture for dates and day names: Swedish, or British English (24-hour clock, day before month).</summary>
    public static CultureInfo Culture(string language)
        => language == CustomerLanguage.English ? EnglishCulture : SwedishCulture;
}
