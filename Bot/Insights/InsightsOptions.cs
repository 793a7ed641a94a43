using System.ComponentModel.DataAnnotations;

namespace IqosBot.Insights;

/// <summary>Section "Insights": how long the team's counts are kept (the unanswered messages follow the transcripts' retention).</summary>
public sealed class InsightsOptions
{
    public const string SectionName = "Insights";

    /// <summary>Events hold no personal data; a little over a year lets a lead compare a month with the same month last year.</summary>
    [Range(1, 3650)]
    public int EventRetentionDays { get; set; } = 400;
}
