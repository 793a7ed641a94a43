using IqosBot.Handoff;

namespace IqosBot.AgentConsole;

/// <summary>
/// Presence as the console feeds it (hub connections, API use) and reads it (the transfer list). One instance
/// keeps it in memory (<see cref="AgentPresence"/>); several share it in Redis (<see cref="RedisAgentPresence"/>).
/// </summary>
public interface IAgentPresenceTracker : IAgentPresence
{
    /// <summary>A console tab of the agent connected to the hub on this instance.</summary>
    Task ConnectedAsync(AgentIdentity agent);

    /// <summary>One of the agent's hub connections on this instance ended.</summary>
    Task DisconnectedAsync(AgentIdentity agent);

    /// <summary>The agent used the console's API just now.</summary>
    Task SeenAsync(AgentIdentity agent);

    /// <summary>Every agent online now, with the display name they signed in with.</summary>
    ValueTask<IReadOnlyList<AgentIdentity>> OnlineAsync(CancellationToken cancellationToken);
}
