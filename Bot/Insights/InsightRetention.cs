using IqosBot.Handoff;
using Microsoft.Extensions.Options;

namespace IqosBot.Insights;

/// <summary>
/// Deletes unanswered messages older than the transcripts' retention (Handoff:TranscriptRetentionDays: they are the
/// same kind of text) and events older than Insights:EventRetentionDays, in bounded batches; at start and hourly.
/// The log says how many, nothing else.
/// </summary>
public sealed partial class InsightRetention(
    IInsightStore store, IOptions<HandoffSettings> handoff, IOptions<InsightsOptions> insights, TimeProvider time, ILogger<InsightRetention> logger) : Hosting.PeriodicWork(time)
{
    private const int Batch = 5_000;

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override bool RunsAtStart => true;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var texts = await DeleteAllAsync(limit => store.DeleteUnansweredBeforeAsync(now.AddDays(-handoff.Value.TranscriptRetentionDays), limit, cancellationToken)).ConfigureAwait(false);
        var events = await DeleteAllAsync(limit => store.DeleteEventsBeforeAsync(now.AddDays(-insights.Value.EventRetentionDays), limit, cancellationToken)).ConfigureAwait(false);
        if (texts + events > 0)
        {
            await store.ReclaimAsync(cancellationToken).ConfigureAwait(false);
            LogDeleted(logger, texts, events);
        }
    }

    protected override void OnFailed(Exception exception) => LogFailed(logger, exception);

    private static async Task<int> DeleteAllAsync(Func<int, Task<int>> deleteBatch)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await deleteBatch(Batch).ConfigureAwait(false);
            total += deleted;
        }
        while (deleted == Batch);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Insights retention deleted {Texts} unanswered messages and {Events} events")]
    private static partial void LogDeleted(ILogger logger, int texts, int events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Insights retention failed; it runs again within the hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
