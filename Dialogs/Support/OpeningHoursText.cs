using System.Text;
using IqosBot.Dialogs.Resources;

namespace IqosBot.Dialogs.Support;

/// <summary>Writes opening hours the way each language writes them: "måndag–fredag 08.00–19.00".</summary>
public static class OpeningHoursText
{
    public static string Describe(SupportOptions options, string language)
    {
        ArgumentNullException.ThrowIfNull(options);
        var culture = Texts.Culture(language);
        var builder = new StringBuilder();
        foreach (var rule in options.OpeningHours)
        {
            if (builder.Length > 0)
            {
                builder.Append(", ");
            }

            var from = culture.DateTimeFormat.GetDayName(rule.From);
            var to = culture.DateTimeFormat.GetDayName(rule.To);
            var days = rule.From == rule.To ? from : $"{from}–{to}";

            // Swedish writes day names in lower case, but a line should still start with a capital.
            if (builder.Length == 0)
            {
                days = char.ToUpper(days[0], culture) + days[1..];
            }

            builder.Append(days).Append(' ').Append(Time(rule.Open)).Append('–').Append(Time(rule.Close));
        }

        return builder.ToString();
    }

    /// <summary>08.00, as the Swedish seed writes it; the same form reads fine in English.</summary>
    private static string Time(TimeOnly time) => time.ToString("HH'.'mm", System.Globalization.CultureInfo.InvariantCulture);
}
