using System.Collections.Concurrent;

namespace IqosBot.Storage;

/// <summary>
/// The conversation state a turn saved, kept in this instance's memory for the conversation's next turn, which then
/// takes the same objects instead of reading the JSON back: turning a registration step's state back into objects was
/// the largest single cost of the step (bench/README.md, change 14). The store still decides: it hands a value over
/// only while the row in the database has the etag written with it (<see cref="IStateStore.ReadHandedOverAsync"/>), so
/// a write by another instance, retention or an erasure always wins, and the turn reads what is stored.
/// </summary>
/// <remarks>
/// A value is taken once: the turn that takes it owns it, and a turn that fails (and so saves nothing) leaves nothing
/// behind for the next one, which reads the last saved state from the database. What is kept is bounded by
/// <see cref="Capacity"/> and by <see cref="KeepFor"/> (a timer drops older values even when no turn comes), and is
/// forgotten when the store deletes or overwrites the key or an erasure through the running bot names it. An erasure
/// made by another process (the command-line tool) makes a kept value unusable at once, as its row is gone, and the
/// timer drops it within <see cref="KeepFor"/>: personal data stays in memory at most two minutes after the
/// conversation's last turn.
/// </remarks>
public sealed class StateHandOver : IDisposable
{
    /// <summary>
    /// At most this many conversations are kept; beyond it the oldest are dropped (their next turn reads the row). A
    /// kept registration state is some 35 kB of objects (measured: 1,024 of them added about 40 MB to the peak resident
    /// memory under load), so this keeps it near 20 MB, within the 300 MB an instance is given (issue #17).
    /// </summary>
    public const int Capacity = 512;

    /// <summary>How long a saved state waits for the conversation's next turn (customers mostly answer within a minute).</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(2);

    /// <summary>How often states no turn came for are dropped.</summary>
    private static readonly TimeSpan SweepEvery = KeepFor / 4;

    private readonly ConcurrentDictionary<string, Kept> _kept = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ITimer _sweeper;

    public StateHandOver(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _sweeper = _time.CreateTimer(static self => ((StateHandOver)self!).DropExpired(), this, SweepEvery, SweepEvery);
    }

    /// <summary>How many conversations' states are held.</summary>
    public int Count => _kept.Count;

    private long Now => _time.GetTimestamp();

    /// <summary>Keeps <paramref name="value"/>, just written under <paramref name="etag"/>; the writer gives it up.</summary>
    public void Keep(string key, string etag, object value)
    {
        _kept[key] = new Kept(etag, value, Now);
        if (_kept.Count > Capacity)
        {
            DropOldest();
        }
    }

    /// <summary>Takes what was kept for <paramref name="key"/>, if it is not too old; nothing is left for a second taker.</summary>
    public bool TryTake(string key, out string etag, out object value)
    {
        if (_kept.TryRemove(key, out var kept) && _time.GetElapsedTime(kept.At) <= KeepFor)
        {
            (etag, value) = (kept.Etag, kept.Value);
            return true;
        }

        (etag, value) = (string.Empty, null!);
        return false;
    }

    /// <summary>Drops what is kept for these keys (deleted, overwritten or erased).</summary>
    public void Forget(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            _kept.TryRemove(key, out _);
        }
    }

    public void Dispose()
    {
        _sweeper.Dispose();
        _kept.Clear();
    }

    private void DropExpired() => DropOlderThan(Now - (long)(KeepFor.TotalSeconds * _time.TimestampFrequency));

    private void DropOlderThan(long cutoff)
    {
        foreach (var (key, kept) in _kept)
        {
            if (kept.At < cutoff)
            {
                _kept.TryRemove(key, out _);
            }
        }
    }

    /// <summary>Over capacity: the oldest quarter goes, so trimming is rare rather than on every later save.</summary>
    private void DropOldest()
    {
        var ages = _kept.Select(pair => pair.Value.At).Order().ToArray();
        if (ages.Length > Capacity)
        {
            DropOlderThan(ages[ages.Length / 4]);
        }
    }

    private sealed record Kept(string Etag, object Value, long At);
}
