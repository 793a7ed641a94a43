using Microsoft.Extensions.Options;

namespace IqosBot.DirectLine;

/// <summary>
/// Every few seconds, on every instance: conversations that owe the customer a turn and have been quiet for
/// <see cref="DirectLineOptions.StalledTurnAfter"/> lost it with an instance that stopped (killed, crashed, cut off
/// mid-turn), or took it while this one restarted; their turns are queued here. Two instances finding the same one
/// is harmless: the turn lock lets one run it, the other then finds nothing owed.
/// </summary>
public sealed partial class StalledTurnSweeper(
    IDirectLineStore store,
    DirectLineTurnQueue turns,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    ILogger<StalledTurnSweeper> logger) : Hosting.PeriodicWork(time)
{
    /// <summary>The most conversations queued per sweep: a backlog after an outage is worked off a batch at a Time.</summary>
    private const int Batch = 50;

    /// <summary>One sweep, as the timer runs it; returns how many conversations were queued.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var stalled = await store.FindStalledAsync(Time.GetUtcNow() - options.Value.StalledTurnAfter, Batch, cancellationToken).ConfigureAwait(false);
        var queued = stalled.Count(turns.TryEnqueueStalled);
        if (queued > 0)
        {
            LogQueued(queued);
        }

        return queued;
    }

    /// <summary>A third of the quiet time: an owed turn is picked up at most a third late.</summary>
    protected override TimeSpan Interval => TimeSpan.FromTicks(Math.Max(options.Value.StalledTurnAfter.Ticks / 3, TimeSpan.FromSeconds(1).Ticks));

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    protected override void OnFailed(Exception exception)
        => logger.LogError(exception, "Looking for Direct Line turns left unanswered failed; it runs again in {Seconds} seconds", Interval.TotalSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} Direct Line conversations owed the customer a turn nobody ran (an instance stopped); they are answered now")]
    private partial void LogQueued(int count);
}
