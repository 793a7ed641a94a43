namespace IqosBot.AgentConsole;

/// <summary>
/// Keeps this instance's agent connections alive in Redis: renews their entries three times per
/// <see cref="RedisAgentPresence.ConnectionLifetime"/> (so one missed beat loses nothing), and withdraws them
/// when the instance stops cleanly. An instance that dies stops beating, and its entries lapse by themselves.
/// </summary>
public sealed class AgentPresenceHeartbeat(RedisAgentPresence presence, TimeProvider time, ILogger<AgentPresenceHeartbeat> logger) : Hosting.PeriodicWork(time)
{
    public static TimeSpan BeatInterval => RedisAgentPresence.ConnectionLifetime / 3;

    protected override TimeSpan Interval => BeatInterval;

    /// <summary>Redis failures are logged by the presence itself; the next beat writes again.</summary>
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => presence.BeatAsync();

    protected override void OnFailed(Exception exception) => logger.LogWarning(exception, "An agent presence heartbeat failed; the next one writes again");

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await presence.WithdrawAsync().ConfigureAwait(false);
    }
}
