using Microsoft.Extensions.Options;

namespace IqosBot.DirectLine;

/// <summary>
/// Every few minutes: lets go of idle conversations in memory, and deletes conversations idle longer than
/// <see cref="DirectLineOptions.ConversationRetention"/> from the database in bounded batches (every page load
/// creates one, most are never used again). Logs counts only.
/// </summary>
public sealed partial class DirectLineJanitor(DirectLineHub hub, IDirectLineStore store, IOptions<DirectLineOptions> options, TimeProvider time, ILogger<DirectLineJanitor> logger)
    : Hosting.PeriodicWork(time)
{
    private const int Batch = 500;

    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(5);

    /// <summary>One sweep, as the timer runs it; returns how many conversations were let go and how many deleted.</summary>
    public async Task<(int Evicted, int Deleted)> SweepAsync(CancellationToken cancellationToken)
    {
        var evicted = hub.EvictIdle(options.Value.IdleEviction);
        var cutoff = Time.GetUtcNow() - options.Value.ConversationRetention;
        var deleted = 0;
        int round;
        do
        {
            round = await store.DeleteIdleAsync(cutoff, Batch, cancellationToken).ConfigureAwait(false);
            deleted += round;
        }
        while (round == Batch && !cancellationToken.IsCancellationRequested);

        if (deleted > 0)
        {
            // secure_delete zeroed the rows in the file; this empties the write-ahead log of them too.
            await store.ReclaimAsync(cancellationToken).ConfigureAwait(false);
        }

        if (evicted + deleted > 0)
        {
            LogSwept(evicted, deleted);
        }

        return (evicted, deleted);
    }

    protected override TimeSpan Interval => SweepInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    protected override void OnFailed(Exception exception)
        => logger.LogError(exception, "The Direct Line clean-up failed; it runs again in {Minutes} minutes", SweepInterval.TotalMinutes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Direct Line clean-up: {Evicted} idle conversations let go from memory, {Deleted} deleted from the database")]
    private partial void LogSwept(int evicted, int deleted);
}
