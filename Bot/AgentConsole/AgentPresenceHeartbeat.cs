namespace IqosBot.AgentConsole;

/// <summary>
/// Keeps this instance's agent connections alive in Redis: renews their entries three times per
/// <see cref="RedisAgentPresence.ConnectionLifetime"/> (so one missed beat loses nothing), and withdraws them
/// when the instance stops cleanly. An instance that dies stops beating, and its entries lapse by themselves.
/// </summary>
public sealed class AgentPresenceHeartbeat(RedisAgentPresence presence, TimeProvider time) : BackgroundService
{
    public static TimeSpan Interval => RedisAgentPresence.ConnectionLifetime / 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await presence.BeatAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await presence.WithdrawAsync().ConfigureAwait(false);
    }
}
