namespace IqosBot.Insights;

/// <summary>The range a report covers: whole days in the support's time zone, both inclusive, and optionally one language.</summary>
public sealed record InsightQuery(DateOnly From, DateOnly To, string? Language)
{
    /// <summary>The longest range one report covers.</summary>
    public const int MaxDays = 366;
}

/// <summary>
/// The figures of <c>GET /agent/api/insights</c> (CONTRACT.md, "Insights"). Rates are fractions, null when there is
/// nothing to divide by; times are seconds.
/// </summary>
public sealed record InsightFigures(
    string From,
    string To,
    string? Language,
    string TimeZone,
    int Conversations,
    int EngagedConversations,
    double? ContainmentRate,
    double? EscalationRate,
    double? AbandonmentRate,
    double? AverageRating,
    IReadOnlyList<RatingCount> Ratings,
    IReadOnlyList<EscalationCount> Escalations,
    HandoffCounts Handoffs,
    FallbackCounts Fallbacks,
    IReadOnlyList<IntentCount> TopIntents,
    IReadOnlyList<FaqAnswerFigures> FaqAnswers,
    IReadOnlyList<Funnel> Funnels,
    Percentiles QueueWait,
    Percentiles HandlingTime,
    IReadOnlyList<HourVolume> VolumeByHour,
    IReadOnlyList<UnansweredGroup> Unanswered);

public sealed record RatingCount(int Rating, int Count);

public sealed record EscalationCount(string Trigger, int Count);

public sealed record HandoffCounts(int Requested, int Queued, int Accepted, int Closed, int Callbacks, int LeftQueue);

public sealed record FallbackCounts(int NotUnderstood, int DidYouMean);

public sealed record IntentCount(string Intent, int Count);

public sealed record FaqAnswerFigures(string Answer, int Shown, int Helped, int NotHelped);

public sealed record Funnel(string Journey, IReadOnlyList<FunnelStep> Steps);

/// <param name="Conversations">How many conversations reached the step.</param>
/// <param name="DropOff">How many of those reached no later step.</param>
public sealed record FunnelStep(string Step, int Conversations, int DropOff);

/// <summary>Nearest-rank percentiles in seconds; all null without any value.</summary>
public sealed record Percentiles(int Count, double? P50, double? P90, double? P95, double? Max)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Percentiles(0, null, null, null, null);
        }

        double Rank(double p) => Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 1);
        return new Percentiles(sorted.Length, Rank(0.50), Rank(0.90), Rank(0.95), Math.Round(sorted[^1], 1));
    }
}

/// <param name="Hour">Hour of the day in the support's time zone, 0–23.</param>
/// <param name="OutsideOpeningHours">Of <paramref name="Conversations"/>, those that started while customer care was closed.</param>
public sealed record HourVolume(int Hour, int Conversations, int OutsideOpeningHours);

public sealed record UnansweredGroup(string Text, int Count, IReadOnlyList<UnansweredExample> Examples);

public sealed record UnansweredExample(string Text, DateTimeOffset At, string Language);
