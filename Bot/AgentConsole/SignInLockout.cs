using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace IqosBot.AgentConsole;

/// <summary>
/// Locks a configured agent account for a while after repeated failed sign-ins, so a password cannot be
/// guessed by trying many; while locked, no password is checked (and no hash computed). Only configured
/// accounts are tracked, so made-up names cannot grow the table; the per-address rate limit covers them.
/// </summary>
public sealed class SignInLockout(IOptionsMonitor<AgentConsoleOptions> options, TimeProvider time)
{
    /// <summary>Failures within <see cref="Window"/> that lock the account.</summary>
    public const int MaxFailures = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long the account stays locked; null when it is not.</summary>
    public TimeSpan? LockedFor(string? userName)
    {
        if (Key(userName) is not { } key || !_failures.TryGetValue(key, out var failures))
        {
            return null;
        }

        var now = time.GetUtcNow();
        lock (failures)
        {
            var until = failures.LockedUntil;
            return until is { } end && end > now ? end - now : null;
        }
    }

    public void Failed(string? userName)
    {
        if (Key(userName) is not { } key)
        {
            return;
        }

        var now = time.GetUtcNow();
        var failures = _failures.GetOrAdd(key, _ => new Failures());
        lock (failures)
        {
            failures.Times.RemoveAll(at => now - at > Window);
            failures.Times.Add(now);
            if (failures.Times.Count >= MaxFailures)
            {
                failures.LockedUntil = now + Window;
                failures.Times.Clear();
            }
        }
    }

    public void Succeeded(string? userName)
    {
        if (Key(userName) is { } key)
        {
            _failures.TryRemove(key, out _);
        }
    }

    /// <summary>The configured account's name, or null for a name no account has.</summary>
    private string? Key(string? userName)
        => options.CurrentValue.Accounts.FirstOrDefault(account => string.Equals(account.UserName, userName?.Trim(), StringComparison.OrdinalIgnoreCase))?.UserName;

    private sealed class Failures
    {
        public List<DateTimeOffset> Times { get; } = [];

        public DateTimeOffset? LockedUntil { get; set; }
    }
}
