using IqosBot.Handoff;
using StackExchange.Redis;

namespace IqosBot.AgentConsole;

/// <summary>
/// Presence shared by every instance through Redis (ConnectionStrings:Redis): an agent whose console is connected
/// to one instance is online on all of them, so the wait estimate and the transfer list agree wherever a request
/// lands. One sorted set holds an entry per agent and instance with a live hub connection, and one per agent for
/// API use, each scored with the moment it stops counting. A connection's entry is renewed by its instance's
/// heartbeat (<see cref="AgentPresenceHeartbeat"/>), so the entry of an instance that crashed lapses within
/// <see cref="ConnectionLifetime"/> instead of keeping the agent online forever. When Redis cannot be reached,
/// this instance answers from what it knows itself (<see cref="AgentPresence"/>), which it always keeps too.
/// </summary>
public sealed partial class RedisAgentPresence(IConnectionMultiplexer redis, TimeProvider time, ILogger<RedisAgentPresence> logger) : IAgentPresenceTracker
{
    /// <summary>The sorted set of entries: member "owner|userName" (owner: an instance id, or "seen"), score: until when, in Unix ms.</summary>
    public const string PresenceKey = "iqosbot:agents:presence";

    /// <summary>Display names by user name (OpenID Connect agents are in no configuration).</summary>
    public const string NamesKey = "iqosbot:agents:names";

    /// <summary>The owner of the entries that API use writes, whichever instance served the call.</summary>
    public const string SeenOwner = "seen";

    /// <summary>How long a connection's entry counts unless its instance renews it (the heartbeat does, three times as often).</summary>
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromSeconds(90);

    /// <summary>When every instance is gone, Redis itself drops the keys after this.</summary>
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(1);

    private readonly AgentPresence _local = new(time);

    /// <summary>This instance's name in the entries; new at every start, so no instance ever renews a dead one's entries.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public static string Member(string owner, string userName) => owner + "|" + userName;

    public async Task ConnectedAsync(AgentIdentity agent)
    {
        _local.Connected(agent);
        await WriteAsync(agent, Member(InstanceId, agent.UserName), ConnectionLifetime).ConfigureAwait(false);
    }

    public async Task DisconnectedAsync(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (_local.Disconnected(agent) == 0)
        {
            await RunAsync(database => database.SortedSetRemoveAsync(PresenceKey, Member(InstanceId, agent.UserName))).ConfigureAwait(false);
        }
    }

    public async Task SeenAsync(AgentIdentity agent)
    {
        _local.Seen(agent);
        await WriteAsync(agent, Member(SeenOwner, agent.UserName), AgentPresence.RecentlySeen).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<AgentIdentity>> OnlineAsync(CancellationToken cancellationToken)
    {
        // A disconnected multiplexer would hold the command for its whole timeout; a customer's turn should not wait for that.
        if (!redis.IsConnected)
        {
            return _local.Online();
        }

        try
        {
            var database = redis.GetDatabase();
            var members = await database.SortedSetRangeByScoreAsync(PresenceKey, Until(TimeSpan.Zero), double.PositiveInfinity, Exclude.Start).ConfigureAwait(false);
            var userNames = members.Select(member => UserName(member.ToString())).Distinct(StringComparer.Ordinal).ToArray();
            if (userNames.Length == 0)
            {
                return [];
            }

            var names = await database.HashGetAsync(NamesKey, [.. userNames.Select(userName => (RedisValue)userName)]).ConfigureAwait(false);
            return [.. userNames.Select((userName, index) => new AgentIdentity(userName, names[index].HasValue ? names[index].ToString() : userName))];
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogUnreadable(logger, exception.GetType().Name);
            return _local.Online();
        }
    }

    public async ValueTask<int> OnlineCountAsync(CancellationToken cancellationToken)
        => (await OnlineAsync(cancellationToken).ConfigureAwait(false)).Count;

    public async ValueTask<bool> IsOnlineAsync(string userName, CancellationToken cancellationToken)
        => (await OnlineAsync(cancellationToken).ConfigureAwait(false)).Any(agent => agent.UserName == userName);

    /// <summary>Renews this instance's connection entries and removes every entry that has lapsed (a crashed instance's).</summary>
    public Task BeatAsync() => RunAsync(async database =>
    {
        var until = Until(ConnectionLifetime);
        var entries = _local.Connected().Select(agent => new SortedSetEntry(Member(InstanceId, agent.UserName), until)).ToArray();
        if (entries.Length > 0)
        {
            await database.SortedSetAddAsync(PresenceKey, entries).ConfigureAwait(false);
            await database.KeyExpireAsync(PresenceKey, KeyLifetime).ConfigureAwait(false);
        }

        await database.SortedSetRemoveRangeByScoreAsync(PresenceKey, double.NegativeInfinity, Until(TimeSpan.Zero)).ConfigureAwait(false);
    });

    /// <summary>On a clean stop this instance's connections end now, not when their entries lapse.</summary>
    public Task WithdrawAsync() => RunAsync(database =>
        database.SortedSetRemoveAsync(PresenceKey, [.. _local.Connected().Select(agent => (RedisValue)Member(InstanceId, agent.UserName))]));

    private Task WriteAsync(AgentIdentity agent, string member, TimeSpan lifetime) => RunAsync(database => Task.WhenAll(
        database.SortedSetAddAsync(PresenceKey, member, Until(lifetime)),
        database.HashSetAsync(NamesKey, agent.UserName, agent.DisplayName),
        database.KeyExpireAsync(PresenceKey, KeyLifetime),
        database.KeyExpireAsync(NamesKey, KeyLifetime)));

    /// <summary>A write that cannot reach Redis is logged and dropped: this instance still counts the agent itself, and the heartbeat writes again.</summary>
    private async Task RunAsync(Func<IDatabase, Task> command)
    {
        if (!redis.IsConnected)
        {
            LogUnwritable(logger, "not connected");
            return;
        }

        try
        {
            await command(redis.GetDatabase()).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogUnwritable(logger, exception.GetType().Name);
        }
    }

    private double Until(TimeSpan lifetime) => (time.GetUtcNow() + lifetime).ToUnixTimeMilliseconds();

    private static string UserName(string member) => member[(member.IndexOf('|', StringComparison.Ordinal) + 1)..];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent presence could not be read from Redis ({Reason}); this instance answers from its own connections.")]
    private static partial void LogUnreadable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent presence could not be written to Redis ({Reason}); the heartbeat will write it again.")]
    private static partial void LogUnwritable(ILogger logger, string reason);
}
