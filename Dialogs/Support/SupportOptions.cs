using System.ComponentModel.DataAnnotations;
using System.Globalization;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Support;

/// <summary>
/// Customer care's contact details and opening hours: business facts that change without a release,
/// so they come from configuration (section "Support"), never from dialog code.
/// </summary>
/// <remarks>
/// Implements <see cref="IValidatableObject"/> because DataAnnotations does not look inside list items:
/// without it a holiday with its hours back to front would bind fine and only surface as a wrong
/// "we open at" answer to a customer. Options validation at startup calls <see cref="Validate"/>.
/// </remarks>
public sealed class SupportOptions : IValidatableObject
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

    /// <summary>
    /// Dated exceptions to <see cref="OpeningHours"/> (holidays, shortened days). On these dates the
    /// weekly rules do not apply at all; at most one exception per date.
    /// </summary>
    public List<OpeningHoursException> Exceptions { get; set; } = [];

    /// <summary>
    /// The checks DataAnnotations cannot make: each rule and exception opens before it closes, exceptions
    /// say either closed or their hours (not both), no date is listed twice, and the time zone exists here.
    /// </summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Time zone '{TimeZone}' is not known on this machine.", [nameof(TimeZone)]);
        }

        for (var i = 0; i < OpeningHours.Count; i++)
        {
            var rule = OpeningHours[i];
            if (rule.Open >= rule.Close)
            {
                yield return new ValidationResult(
                    string.Create(CultureInfo.InvariantCulture, $"Opening hours rule {i} opens at {rule.Open:HH:mm}, not before it closes at {rule.Close:HH:mm}."),
                    [nameof(OpeningHours)]);
            }
        }

        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < Exceptions.Count; i++)
        {
            var exception = Exceptions[i];
            var date = exception.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (!seen.Add(exception.Date))
            {
                yield return new ValidationResult($"Opening hours exception {date} is listed more than once.", [nameof(Exceptions)]);
            }

            if (exception.Closed)
            {
                if (exception.Open is not null || exception.Close is not null)
                {
                    yield return new ValidationResult($"Opening hours exception {date} is closed but also gives hours.", [nameof(Exceptions)]);
                }
            }
            else if (exception.Open is not { } open || exception.Close is not { } close || open >= close)
            {
                yield return new ValidationResult(
                    $"Opening hours exception {date} must be either Closed or have Open before Close.",
                    [nameof(Exceptions)]);
            }
        }
    }
}

/// <summary>One line of the opening hours: a run of weekdays open from one time to another.</summary>
public sealed class OpeningHoursRule
{
    public DayOfWeek From { get; set; }

    public DayOfWeek To { get; set; }

    public TimeOnly Open { get; set; }

    public TimeOnly Close { get; set; }
}
