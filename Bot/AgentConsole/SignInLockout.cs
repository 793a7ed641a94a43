using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IqosBot.AgentConsole;

/// <summary>
/// Locks a configured agent account for a while after repeated failed sign-ins, so a password cannot be
/// guessed by trying many; while locked, no password is checked (and no hash computed). Only configured
/// accounts are tracked, so made-up names cannot grow the table; the per-address rate limit covers them.
/// With Redis (ConnectionStrings:Redis) the failures are counted once for every instance, so a balancer
/// spreading the guesses over N instances does not give N times the tries; while Redis cannot be reached,
/// each instance counts its own (<see cref="LocalSignInFailures"/>).
/// </summary>
public sealed partial class SignInLockout(
    IOptionsMonitor<AgentConsoleOptions> options,
    TimeProvider time,
    ILogger<SignInLockout> logger,
    IConnectionMultiplexer? redis = null)
{
    /// <summary>Failures within <see cref="Window"/> that lock the account.</summary>
    public const int MaxFailures = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Counts a failure; locks the account (and starts counting afresh) at <see cref="MaxFailures"/>. Atomic on the server.</summary>
    private const string FailScript = """
        local failures = redis.call('INCR', KEYS[1])
        if failures == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        if failures >= tonumber(ARGV[2]) then
            redis.call('SET', KEYS[2], '1', 'PX', ARGV[1])
            redis.call('DEL', KEYS[1])
        end
        return failures
        """;

    private readonly LocalSignInFailures _local = new(time);

    /// <summary>How long the account stays locked; null when it is not.</summary>
    public async Task<TimeSpan?> LockedForAsync(string? userName)
    {
        if (Key(userName) is not { } key)
        {
            return null;
        }

        var shared = await SharedAsync(async database =>
        {
            var left = await database.KeyTimeToLiveAsync(LockedKey(key)).ConfigureAwait(false);
            return (TimeSpan?)(left is { } value && value > TimeSpan.Zero ? value : null);
        }).ConfigureAwait(false);
        return shared.Reached ? shared.Value : _local.LockedFor(key);
    }

    public async Task FailedAsync(string? userName)
    {
        if (Key(userName) is not { } key)
        {
            return;
        }

        var shared = await SharedAsync(database => database.ScriptEvaluateAsync(
            FailScript,
            [FailuresKey(key), LockedKey(key)],
            [(long)Window.TotalMilliseconds, MaxFailures])).ConfigureAwait(false);
        if (!shared.Reached)
        {
            _local.Failed(key);
        }
    }

    public async Task SucceededAsync(string? userName)
    {
        if (Key(userName) is { } key)
        {
            _local.Succeeded(key);
            await SharedAsync(database => database.KeyDeleteAsync(FailuresKey(key))).ConfigureAwait(false);
        }
    }

    /// <summary>Redis keys name the account, an agent's login name: no customer data.</summary>
    private static RedisKey FailuresKey(string key) => "iqosbot:agents:signin-failures:" + key.ToUpperInvariant();

    private static RedisKey LockedKey(string key) => "iqosbot:agents:signin-locked:" + key.ToUpperInvariant();

    /// <summary>Runs <paramref name="command"/> on Redis when there is one and it answers; otherwise says it did not.</summary>
    private async Task<(bool Reached, T? Value)> SharedAsync<T>(Func<IDatabase, Task<T>> command)
    {
        if (redis is null)
        {
            return (false, default);
        }

        if (!redis.IsConnected)
        {
            LogUnreachable(logger, "not connected");
            return (false, default);
        }

        try
        {
            return (true, await command(redis.GetDatabase()).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogUnreachable(logger, exception.GetType().Name);
            return (false, default);
        }
    }

    /// <summary>The configured account's name, or null for a name no account has.</summary>
    private string? Key(string? userName)
        => options.CurrentValue.Accounts.FirstOrDefault(account => string.Equals(account.UserName, userName?.Trim(), StringComparison.OrdinalIgnoreCase))?.UserName;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent sign-in failures are counted on this instance only: Redis is unreachable ({Reason})")]
    private static partial void LogUnreachable(ILogger logger, string reason);
}
