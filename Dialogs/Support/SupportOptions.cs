using System.ComponentModel.DataAnnotations;

namespace IqosBot.Dialogs.Support;

/// <summary>
/// Customer care's contact details and opening hours: business facts that change without a release,
/// so they come from configuration (section "Support"), never from dialog code.
/// </summary>
public sealed class SupportOptions
{
    public const string SectionName = "Support";

    /// <summary>As customers dial it in Sweden, e.g. "020-25 10 10".</summary>
    [Required]
    public string Phone { get; set; } = string.Empty;

    [Required]
    [EmailAddress]
    public string Email { get; set; } = string.Empty;

    /// <summary>IANA time zone the opening hours are given in.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Stockholm";

    [MinLength(1)]
    public List<OpeningHoursRule> OpeningHours { get; set; } = [];
}

/// <summary>One line of the opening hours: a run of weekdays open from one time to another.</summary>
public sealed class OpeningHoursRule
{
    public DayOfWeek From { get; set; }

    public DayOfWeek To { get; set; }

    public TimeOnly Open { get; set; }

    public TimeOnly Close { get; set; }
}
