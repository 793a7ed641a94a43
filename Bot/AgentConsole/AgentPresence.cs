using IqosBot.Handoff;

namespace IqosBot.AgentConsole;

/// <summary>
/// Which agents are at their console, as one instance knows it: a live SignalR connection (an agent may have two
/// tabs), or a call to the console's API within the last two minutes (the page polls the queue every 30 s, so an
/// agent whose socket is reconnecting still counts). With Redis, <see cref="RedisAgentPresence"/> shares this
/// across instances and falls back to this instance's own view when Redis cannot be read.
/// </summary>
public sealed class AgentPresence(TimeProvider time) : IAgentPresenceTracker
{
    /// <summary>How long a call to the console's API keeps an agent online.</summary>
    public static readonly TimeSpan RecentlySeen = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, Agent> _agents = new(StringComparer.Ordinal);

    public int OnlineCount
    {
        get
        {
            lock (_agents)
            {
                return _agents.Values.Count(IsPresent);
            }
        }
    }

    public bool IsOnline(string userName)
    {
        lock (_agents)
        {
            return _agents.TryGetValue(userName, out var agent) && IsPresent(agent);
        }
    }

    public IReadOnlyList<AgentIdentity> Online()
    {
        lock (_agents)
        {
            return [.. _agents.Where(pair => IsPresent(pair.Value)).Select(pair => new AgentIdentity(pair.Key, pair.Value.DisplayName))];
        }
    }

    /// <summary>The agents with at least one live hub connection to this instance.</summary>
    public IReadOnlyList<AgentIdentity> Connected()
    {
        lock (_agents)
        {
            return [.. _agents.Where(pair => pair.Value.Connections > 0).Select(pair => new AgentIdentity(pair.Key, pair.Value.DisplayName))];
        }
    }

    /// <summary>Counts a new connection; returns how many the agent now has on this instance.</summary>
    public int Connected(AgentIdentity agent) => Update(agent, entry => ++entry.Connections);

    /// <summary>Counts a connection gone; returns how many the agent still has on this instance.</summary>
    public int Disconnected(AgentIdentity agent) => Update(agent, entry => entry.Connections = Math.Max(0, entry.Connections - 1));

    /// <summary>The agent used the console's API just now.</summary>
    public void Seen(AgentIdentity agent) => Update(agent, entry =>
    {
        entry.LastSeen = time.GetUtcNow();
        return entry.Connections;
    });

    Task IAgentPresenceTracker.ConnectedAsync(AgentIdentity agent)
    {
        Connected(agent);
        return Task.CompletedTask;
    }

    Task IAgentPresenceTracker.DisconnectedAsync(AgentIdentity agent)
    {
        Disconnected(agent);
        return Task.CompletedTask;
    }

    Task IAgentPresenceTracker.SeenAsync(AgentIdentity agent)
    {
        Seen(agent);
        return Task.CompletedTask;
    }

    ValueTask<IReadOnlyList<AgentIdentity>> IAgentPresenceTracker.OnlineAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Online());

    ValueTask<int> IAgentPresence.OnlineCountAsync(CancellationToken cancellationToken) => ValueTask.FromResult(OnlineCount);

    ValueTask<bool> IAgentPresence.IsOnlineAsync(string userName, CancellationToken cancellationToken) => ValueTask.FromResult(IsOnline(userName));

    private int Update(AgentIdentity agent, Func<Agent, int> change)
    {
        ArgumentNullException.ThrowIfNull(agent);
        lock (_agents)
        {
            if (!_agents.TryGetValue(agent.UserName, out var entry))
            {
                entry = new Agent(agent.DisplayName);
                _agents[agent.UserName] = entry;
            }

            return change(entry);
        }
    }

    private bool IsPresent(Agent agent) => agent.Connections > 0 || time.GetUtcNow() - agent.LastSeen < RecentlySeen;

    private sealed class Agent(string displayName)
    {
        public string DisplayName { get; } = displayName;

        public int Connections { get; set; }

        public DateTimeOffset LastSeen { get; set; } = DateTimeOffset.MinValue;
    }
}
