using System.Globalization;
using IqosBot.Dialogs.Insights;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Insights;

/// <summary>
/// The team's figures for a range of days, computed from stored events alone (no clock, no store: the unit tests give
/// it fixed events). A conversation belongs to the day, in the support's time zone, of its first event; everything it
/// did counts with it, also after midnight. Definitions are in CONTRACT.md ("Insights").
/// </summary>
public static class InsightsReport
{
    private const int TopIntentsShown = 15;

    /// <summary>
    /// How far before the range the events are read, so a conversation already going when the range began is
    /// not taken for a new one (a conversation quiet for longer than this counts as new when it returns).
    /// </summary>
    public static readonly TimeSpan LookBehind = TimeSpan.FromDays(2);

    /// <summary>How far after the range events are read: what the range's conversations did after its last midnight.</summary>
    public static readonly TimeSpan LookAhead = TimeSpan.FromDays(1);

    /// <summary>The first and the last instant (exclusive) of the range's days in <paramref name="zone"/>.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Bounds(InsightQuery query, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(zone);
        return (Midnight(query.From, zone), Midnight(query.To.AddDays(1), zone));
    }

    /// <summary>The events and messages to read for <paramref name="query"/>: its bounds widened by <see cref="LookBehind"/> and <see cref="LookAhead"/>.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) ReadWindow(InsightQuery query, TimeZoneInfo zone)
    {
        var (start, end) = Bounds(query, zone);
        return (start - LookBehind, end + LookAhead);
    }

    public static InsightFigures Compute(InsightRows rows, InsightQuery query, TimeZoneInfo zone, Func<DateTimeOffset, bool> isOpen)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(isOpen);
        var (start, end) = Bounds(query, zone);
        var conversations = rows.Events
            .GroupBy(e => e.ConversationKey, StringComparer.Ordinal)
            .Select(group => new ConversationTrail([.. group.OrderBy(e => e.At)]))
            .Where(trail => trail.StartedAt >= start && trail.StartedAt < end)
            .Where(trail => query.Language is null || trail.Language == query.Language)
            .ToList();
        var keys = conversations.Select(trail => trail.Events[0].ConversationKey).ToHashSet(StringComparer.Ordinal);
        var events = conversations.SelectMany(trail => trail.Events).ToList();
        var engaged = conversations.Where(trail => trail.Engaged).ToList();

        var ratings = events.Where(e => e.Kind == InsightKinds.Rating && e.Number is >= 1 and <= 5).Select(e => (int)e.Number!.Value).ToList();
        return new InsightFigures(
            query.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            query.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            query.Language,
            zone.Id,
            conversations.Count,
            engaged.Count,
            Rate(engaged.Count(trail => !trail.Escalated), engaged.Count),
            Rate(engaged.Count(trail => trail.Escalated), engaged.Count),
            Rate(engaged.Count(trail => trail.Abandoned), engaged.Count),
            ratings.Count == 0 ? null : Math.Round(ratings.Average(), 2),
            [.. Enumerable.Range(1, 5).Select(rating => new RatingCount(rating, ratings.Count(given => given == rating)))],
            [.. conversations.SelectMany(trail => trail.EscalationTriggers())
                .GroupBy(trigger => trigger, StringComparer.Ordinal)
                .Select(group => new EscalationCount(group.Key, group.Count()))
                .OrderByDescending(count => count.Count).ThenBy(count => count.Trigger, StringComparer.Ordinal)],
            new HandoffCounts(
                Count(events, InsightKinds.HandoffRequested), Count(events, InsightKinds.Queued), Count(events, InsightKinds.Accepted),
                Count(events, InsightKinds.Closed), Count(events, InsightKinds.Callback), Count(events, InsightKinds.QueueLeft)),
            new FallbackCounts(
                events.Count(e => e.Kind == InsightKinds.Fallback && e.Value == InsightKinds.NotUnderstood),
                events.Count(e => e.Kind == InsightKinds.Fallback && e.Value == InsightKinds.DidYouMean)),
            TopIntents(events),
            FaqAnswers(events),
            Funnels.Of(conversations),
            Percentiles.Of(events.Where(e => e.Kind == InsightKinds.Accepted && e.Number is >= 0).Select(e => e.Number!.Value)),
            Percentiles.Of(events.Where(e => e.Kind == InsightKinds.Closed && e.Number is >= 0).Select(e => e.Number!.Value)),
            VolumeByHour(conversations, zone, isOpen),
            UnansweredGroups.Of(rows.Unanswered.Where(message => keys.Contains(message.ConversationKey))));
    }

    /// <summary>Local midnight of <paramref name="day"/> (Stockholm's clocks change at 02:00 and 03:00, never at midnight).</summary>
    private static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static int Count(List<InsightEvent> events, string kind) => events.Count(e => e.Kind == kind);

    /// <summary>What customers' messages were acted on as (by the recognizer or a rule; answers to a question are no intent).</summary>
    private static List<IntentCount> TopIntents(List<InsightEvent> events)
        => [.. events
            .Where(e => e.Kind == InsightKinds.Recognized && e.Name is { } name && name != Intents.None && name != TurnDecision.DidYouMean
                        && (e.Value?.StartsWith(RecognizerTrace.ByRecognizer, StringComparison.Ordinal) == true || e.Value?.StartsWith(RecognizerTrace.ByRulePrefix, StringComparison.Ordinal) == true))
            .GroupBy(e => e.Name!, StringComparer.Ordinal)
            .Select(group => new IntentCount(group.Key, group.Count()))
            .OrderByDescending(count => count.Count).ThenBy(count => count.Intent, StringComparer.Ordinal)
            .Take(TopIntentsShown)];

    private static List<FaqAnswerFigures> FaqAnswers(List<InsightEvent> events)
        => [.. events
            .Where(e => e.Kind is InsightKinds.FaqAnswer or InsightKinds.FaqFeedback && e.Name is not null)
            .GroupBy(e => e.Name!, StringComparer.Ordinal)
            .Select(group => new FaqAnswerFigures(
                group.Key,
                group.Count(e => e.Kind == InsightKinds.FaqAnswer),
                group.Count(e => e.Kind == InsightKinds.FaqFeedback && e.Value == InsightKinds.Helped),
                group.Count(e => e.Kind == InsightKinds.FaqFeedback && e.Value == InsightKinds.NotHelped)))
            .OrderByDescending(figures => figures.Shown).ThenBy(figures => figures.Answer, StringComparer.Ordinal)];

    private static List<HourVolume> VolumeByHour(List<ConversationTrail> conversations, TimeZoneInfo zone, Func<DateTimeOffset, bool> isOpen)
    {
        var all = new int[24];
        var closed = new int[24];
        foreach (var trail in conversations)
        {
            var hour = TimeZoneInfo.ConvertTime(trail.StartedAt, zone).Hour;
            all[hour]++;
            if (!isOpen(trail.StartedAt))
            {
                closed[hour]++;
            }
        }

        return [.. Enumerable.Range(0, 24).Select(hour => new HourVolume(hour, all[hour], closed[hour]))];
    }
}
