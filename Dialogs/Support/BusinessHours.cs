using System.Globalization;
using IqosBot.Dialogs.Resources;
using Microsoft.Extensions.Options;

namespace IqosBot.Dialogs.Support;

/// <summary>
/// Whether customer care is open, and when it next opens, by the clock in its own time zone
/// (<see cref="SupportOptions.TimeZone"/>) rather than the server's: a customer at 18.30 on a Friday
/// must hear "on Saturday at 10.00" whatever zone the bot happens to run in, DST included.
/// </summary>
/// <remarks>
/// The weekly <see cref="SupportOptions.OpeningHours"/> apply except on dates listed in
/// <see cref="SupportOptions.Exceptions"/>, which replace them for the whole day. Hours are read off the
/// local wall clock: open from Open (inclusive) until Close (exclusive).
/// </remarks>
public sealed class BusinessHours
{
    /// <summary>How far <see cref="NextOpening"/> looks: past any holiday run, short of a pointless scan.</summary>
    public const int SearchDays = 60;

    private volatile Schedule _schedule;

    /// <summary>Fixed hours (tests, tools): they never change after construction.</summary>
    public BusinessHours(SupportOptions options)
    {
        _schedule = Schedule.From(options);
    }

    /// <summary>
    /// The hours as configured now: a team lead who changes the opening hours or adds a holiday in
    /// configuration changes what the bot says from the next message on, without a restart.
    /// </summary>
    public BusinessHours(IOptionsMonitor<SupportOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _schedule = Schedule.From(options.CurrentValue);
        options.OnChange(changed => _schedule = Schedule.From(changed));
    }

    /// <summary>True when <paramref name="instant"/> falls in opening hours on the local clock.</summary>
    public bool IsOpen(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, _schedule.Zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        foreach (var (open, close) in Periods(DateOnly.FromDateTime(local.DateTime)))
        {
            if (open <= time && time < close)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// When customer care can next be reached: <paramref name="instant"/> itself (in the support zone's
    /// offset) when open now; otherwise the start of the next open period strictly after it, with that
    /// date's UTC offset. Null when nothing opens within <see cref="SearchDays"/> days, so callers fall
    /// back to the weekly hours text instead of naming a far-off or wrong date.
    /// </summary>
    public DateTimeOffset? NextOpening(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, _schedule.Zone);
        if (IsOpen(instant))
        {
            return local;
        }

        var today = DateOnly.FromDateTime(local.DateTime);
        for (var day = 0; day <= SearchDays; day++)
        {
            var date = today.AddDays(day);
            DateTimeOffset? earliest = null;
            foreach (var (open, _) in Periods(date))
            {
                var start = ToInstant(date, open);
                if (start > instant && (earliest is null || start < earliest))
                {
                    earliest = start;
                }
            }

            if (earliest is not null)
            {
                return earliest;
            }
        }

        return null;
    }

    /// <summary>
    /// The opening as a customer would say it, relative to <paramref name="now"/>: "i dag kl. 10.00",
    /// "i morgon kl. 08.00", "på måndag kl. 08.00" within the week, "den 2 januari kl. 08.00" from seven
    /// days on, where a bare weekday would be ambiguous. Days are counted in the support zone, so
    /// "tomorrow" means tomorrow where customer care is.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="opening"/> is on an earlier date than <paramref name="now"/>.</exception>
    public string DescribeOpening(DateTimeOffset now, DateTimeOffset opening, string language)
    {
        var localNow = TimeZoneInfo.ConvertTime(now, _schedule.Zone);
        var localOpening = TimeZoneInfo.ConvertTime(opening, _schedule.Zone);
        var days = DateOnly.FromDateTime(localOpening.DateTime).DayNumber - DateOnly.FromDateTime(localNow.DateTime).DayNumber;
        var culture = Texts.Culture(language);
        var time = Time(TimeOnly.FromDateTime(localOpening.DateTime));

        return days switch
        {
            < 0 => throw new ArgumentOutOfRangeException(nameof(opening), opening, "The opening lies before now."),
            0 => Texts.Format(language, TextKey.NextOpeningToday, time),
            1 => Texts.Format(language, TextKey.NextOpeningTomorrow, time),
            < 7 => Texts.Format(language, TextKey.NextOpeningWeekday, culture.DateTimeFormat.GetDayName(localOpening.DayOfWeek), time),
            _ => Texts.Format(language, TextKey.NextOpeningDate, localOpening.ToString("d MMMM", culture), time),
        };
    }

    /// <summary>The open periods on a local date: the exception's, if the date has one, else the weekly rules'.</summary>
    private IEnumerable<(TimeOnly Open, TimeOnly Close)> Periods(DateOnly date)
    {
        if (_schedule.Exceptions.TryGetValue(date, out var exception))
        {
            if (!exception.Closed && exception.Open is { } open && exception.Close is { } close)
            {
                yield return (open, close);
            }

            yield break;
        }

        foreach (var rule in _schedule.Rules)
        {
            if (Covers(rule, date.DayOfWeek))
            {
                yield return (rule.Open, rule.Close);
            }
        }
    }

    /// <summary>Whether a run of weekdays includes the day; a run may wrap past Sunday (Friday–Monday).</summary>
    private static bool Covers(OpeningHoursRule rule, DayOfWeek day)
        => ((day - rule.From + 7) % 7) <= ((rule.To - rule.From + 7) % 7);

    /// <summary>
    /// The instant the local clock first reads <paramref name="time"/> on <paramref name="date"/>. In the
    /// spring gap that wall time never occurs, so it is the end of the gap (the clock then reads past it,
    /// which <see cref="IsOpen"/> counts as open); in the autumn repeat it is the first of the two.
    /// </summary>
    private DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (_schedule.Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = _schedule.Zone.IsAmbiguousTime(local) ? _schedule.Zone.GetAmbiguousTimeOffsets(local).Max() : _schedule.Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>08.00, as <see cref="OpeningHoursText"/> writes times in both languages.</summary>
    private static string Time(TimeOnly time) => time.ToString("HH'.'mm", CultureInfo.InvariantCulture);

    /// <summary>One consistent reading of the options: swapped whole, so a turn never mixes old and new hours.</summary>
    private sealed class Schedule
    {
        private Schedule(TimeZoneInfo zone, IReadOnlyList<OpeningHoursRule> rules, Dictionary<DateOnly, OpeningHoursException> exceptions)
        {
            Zone = zone;
            Rules = rules;
            Exceptions = exceptions;
        }

        public TimeZoneInfo Zone { get; }

        public IReadOnlyList<OpeningHoursRule> Rules { get; }

        public Dictionary<DateOnly, OpeningHoursException> Exceptions { get; }

        public static Schedule From(SupportOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);

            // Copied so that later edits to the options object cannot change the answers half-way.
            var exceptions = new Dictionary<DateOnly, OpeningHoursException>();
            foreach (var exception in options.Exceptions)
            {
                // Startup validation rejects duplicates; if they got here anyway, picking one silently would hide it.
                if (!exceptions.TryAdd(exception.Date, exception))
                {
                    throw new ArgumentException(
                        $"Opening hours exception {exception.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is listed more than once.",
                        nameof(options));
                }
            }

            return new Schedule(TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone), [.. options.OpeningHours], exceptions);
        }
    }
}
