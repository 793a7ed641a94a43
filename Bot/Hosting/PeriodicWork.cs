namespace IqosBot.Hosting;

/// <summary>
/// Background work repeated every <see cref="Interval"/> for the life of the host (retention, clean-ups, sweeps,
/// heartbeats). A round that fails is handed to <see cref="OnFailed"/> and the next tick tries again: such work
/// must never stop the host, nor stop itself over one bad round.
/// </summary>
public abstract class PeriodicWork(TimeProvider time) : BackgroundService
{
    /// <summary>The clock the rounds are timed by (a test's fake one), for the work's own use too.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>Time between rounds.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether the first round runs as the host starts (retention) or one interval later (sweeps of what is new).</summary>
    protected virtual bool RunsAtStart => false;

    /// <summary>One round.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>A round failed (logged by the work in its own words; the next round comes anyway).</summary>
    protected abstract void OnFailed(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Time);
        try
        {
            if (RunsAtStart)
            {
                await RoundAsync(stoppingToken).ConfigureAwait(false);
            }

            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await RoundAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Background work retries at the next tick; it must not stop the host.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            OnFailed(exception);
        }
    }
}
