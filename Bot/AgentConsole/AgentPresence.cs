using IqosBot.Handoff;

namespace IqosBot.AgentConsole;

/// <summary>Agents with the console open, counted by their live SignalR connections (an agent may have two tabs).</summary>
public sealed class AgentPresence : IAgentPresence
{
    private readonly Dictionary<string, (string DisplayName, int Connections)> _online = new(StringComparer.Ordinal);

    public int OnlineCount
    {
        get
        {
            lock (_online)
            {
                return _online.Count;
            }
        }
    }

    public bool IsOnline(string userName)
    {
        lock (_online)
        {
            return _online.ContainsKey(userName);
        }
    }

    public IReadOnlyList<AgentIdentity> Online()
    {
        lock (_online)
        {
            return [.. _online.Select(pair => new AgentIdentity(pair.Key, pair.Value.DisplayName))];
        }
    }

    public void Connected(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        lock (_online)
        {
            var connections = _online.TryGetValue(agent.UserName, out var existing) ? existing.Connections : 0;
            _online[agent.UserName] = (agent.DisplayName, connections + 1);
        }
    }

    public void Disconnected(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        lock (_online)
        {
            if (_online.TryGetValue(agent.UserName, out var existing))
            {
                if (existing.Connections <= 1)
                {
                    _online.Remove(agent.UserName);
                }
                else
                {
                    _online[agent.UserName] = (existing.DisplayName, existing.Connections - 1);
                }
            }
        }
    }
}
