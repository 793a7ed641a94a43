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

    // ResourceManager takes a lock on every lookup, and a turn looks up several texts: under load the turns queued
    // on it (measured in bench/). The texts never change while the bot runs, so each is looked up once.
    // Keyed by the culture, not the language string given: two cultures, so the cache holds each text at most twice.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(CultureInfo Culture, string Key), string> Cache = new();

    public static string Get(string language, string key)
        => Cache.GetOrAdd((Culture(language), key), static entry => Resources.GetString(entry.Key, entry.Culture)
           ?? throw new KeyNotFoundException($"No text named '{entry.Key}' in the bot's resources."));

    public static string Format(string language, string key, params object[] args)
        => string.Format(Culture(language), Get(language, key), args);

    /// <summary>The culture for dates and day names: Swedish, or British English (24-hour clock, day before month).</summary>
    public static CultureInfo Culture(string language)
        => language == CustomerLanguage.English ? EnglishCulture : SwedishCulture;
}
