namespace IqosBot.Dialogs.Support;

/// <summary>
/// One dated departure from the weekly opening hours, such as Christmas Eve: customer care is either
/// closed all day, or open from <see cref="Open"/> to <see cref="Close"/> that day instead of the weekly
/// rule. Holidays move from year to year, so they are listed by date in configuration rather than
/// computed; <see cref="SupportOptions"/> rejects an exception that says neither at startup.
/// </summary>
public sealed class OpeningHoursException
{
    /// <summary>The date in the support time zone (<see cref="SupportOptions.TimeZone"/>), not UTC.</summary>
    public DateOnly Date { get; set; }

    /// <summary>Closed all day; <see cref="Open"/> and <see cref="Close"/> must then be left out.</summary>
    public bool Closed { get; set; }

    /// <summary>Opening time that day (inclusive) when not <see cref="Closed"/>.</summary>
    public TimeOnly? Open { get; set; }

    /// <summary>Closing time that day (exclusive) when not <see cref="Closed"/>; must be after <see cref="Open"/>.</summary>
    public TimeOnly? Close { get; set; }

    /// <summary>What the day is, e.g. "Julafton": only for people reading the configuration.</summary>
    public string? Name { get; set; }
}
