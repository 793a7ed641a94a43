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

    public async Task<IDisposable> AcquireAsync(string conversationKey, CancellationToken cancellationToken)
    {
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
