using IqosBot.Handoff;

namespace IqosBot.AgentConsole;

/// <summary>
/// Which agents are at their console: a live SignalR connection (an agent may have two tabs), or a call
/// to the console's API within the last two minutes (the page polls the queue every 30 s, so an agent
/// whose socket is reconnecting still counts).
/// </summary>
public sealed class AgentPresence(TimeProvider time) : IAgentPresence
{
    private static readonly TimeSpan RecentlySeen = TimeSpan.FromMinutes(2);

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

    public void Connected(AgentIdentity agent) => Update(agent, entry => entry.Connections++);

    public void Disconnected(AgentIdentity agent) => Update(agent, entry => entry.Connections = Math.Max(0, entry.Connections - 1));

    /// <summary>The agent used the console's API just now.</summary>
    public void Seen(AgentIdentity agent) => Update(agent, entry => entry.LastSeen = time.GetUtcNow());

    private void Update(AgentIdentity agent, Action<Agent> change)
    {
        ArgumentNullException.ThrowIfNull(agent);
        lock (_agents)
        {
            if (!_agents.TryGetValue(agent.UserName, out var entry))
            {
                entry = new Agent(agent.DisplayName);
                _agents[agent.UserName] = entry;
            }

            change(entry);
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
