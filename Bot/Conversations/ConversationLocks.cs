using Medallion.Threading;

namespace IqosBot.Conversations;

/// <summary>
/// One turn at a time per conversation. The Bot Connector may deliver a customer's message while an agent's
/// close runs a proactive turn on the same conversation; both read and write its state, and the last writer
/// would silently undo the other. In this process a gate per conversation; with several instances
/// (Storage:Provider=Postgres) also a lock in the shared database (DistributedLock's advisory lock), taken
/// after the local gate so turns queued on one instance wait here rather than each holding a connection.
/// </summary>
public sealed class ConversationLocks(IDistributedLockProvider? distributed = null)
{
    /// <summary>How long a turn waits for another instance's turn of the same conversation before giving up.</summary>
    public static readonly TimeSpan DistributedWait = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The locks <see cref="RunExclusiveAsync"/> holds for the code it runs (and only for that code).</summary>
    private readonly AsyncLocal<Held?> _held = new();

    /// <summary>
    /// Waits for the conversation's turn lock and holds it until the result is disposed. Inside
    /// <see cref="RunExclusiveAsync"/> for the same key it is already held: the result then releases nothing.
    /// </summary>
    public async Task<IDisposable> AcquireAsync(string conversationKey, CancellationToken cancellationToken)
    {
        if (IsHeldHere(conversationKey))
        {
            return NothingToRelease.Instance;
        }

        var local = await AcquireLocalAsync(conversationKey, cancellationToken).ConfigureAwait(false);
        if (distributed is null)
        {
            return local;
        }

        try
        {
            var shared = await distributed.CreateLock("conversation:" + conversationKey).AcquireAsync(DistributedWait, cancellationToken).ConfigureAwait(false);
            return new Both(shared, local);
        }
        catch
        {
            local.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> holding the conversation's turn lock, for work of several turns in a row (the
    /// Direct Line turns a conversation owes): the turns it runs take the same lock again without waiting for
    /// themselves. What the body leaves running after it returns does not hold the lock any more.
    /// </summary>
    public async Task RunExclusiveAsync(string conversationKey, Func<Task> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var handle = await AcquireAsync(conversationKey, cancellationToken).ConfigureAwait(false);

        // Set inside this method, the value flows into the body and what it awaits, never back out to the caller.
        var held = new Held(conversationKey, _held.Value);
        _held.Value = held;
        try
        {
            await body().ConfigureAwait(false);
        }
        finally
        {
            held.Released = true;
        }
    }

    private bool IsHeldHere(string conversationKey)
    {
        for (var held = _held.Value; held is not null; held = held.Outer)
        {
            if (!held.Released && string.Equals(held.Key, conversationKey, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<IDisposable> AcquireLocalAsync(string conversationKey, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(conversationKey, out entry!))
            {
                entry = new Entry();
                _entries[conversationKey] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Release(conversationKey, entry, held: false);
            throw;
        }

        return new Releaser(this, conversationKey, entry);
    }

    private void Release(string conversationKey, Entry entry, bool held)
    {
        if (held)
        {
            entry.Gate.Release();
        }

        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(conversationKey);
                entry.Gate.Dispose();
            }
        }
    }

    private sealed class Held(string key, Held? outer)
    {
        public string Key { get; } = key;

        public Held? Outer { get; } = outer;

        public bool Released { get; set; }
    }

    private sealed class NothingToRelease : IDisposable
    {
        public static readonly NothingToRelease Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }
    }

    /// <summary>The shared lock is let go first, then the local gate the next local turn waits at.</summary>
    private sealed class Both(IDistributedSynchronizationHandle shared, IDisposable local) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                shared.Dispose();
            }
            finally
            {
                local.Dispose();
            }
        }
    }

    private sealed class Releaser(ConversationLocks owner, string conversationKey, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release(conversationKey, entry, held: true);
            }
        }
    }
}
