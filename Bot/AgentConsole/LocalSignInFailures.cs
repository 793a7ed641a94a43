using System.Collections.Concurrent;

namespace IqosBot.AgentConsole;

/// <summary>One instance's own count of failed sign-ins per account, over a sliding <see cref="SignInLockout.Window"/>.</summary>
internal sealed class LocalSignInFailures(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan? LockedFor(string key)
    {
        if (!_failures.TryGetValue(key, out var failures))
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

    public void Failed(string key)
    {
        var now = time.GetUtcNow();
        var failures = _failures.GetOrAdd(key, _ => new Failures());
        lock (failures)
        {
            failures.Times.RemoveAll(at => now - at > SignInLockout.Window);
            failures.Times.Add(now);
            if (failures.Times.Count >= SignInLockout.MaxFailures)
            {
                failures.LockedUntil = now + SignInLockout.Window;
                failures.Times.Clear();
            }
        }
    }

    public void Succeeded(string key) => _failures.TryRemove(key, out _);

    private sealed class Failures
    {
        public List<DateTimeOffset> Times { get; } = [];

        public DateTimeOffset? LockedUntil { get; set; }
    }
}
