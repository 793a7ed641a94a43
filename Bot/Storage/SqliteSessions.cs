using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace IqosBot.Storage;

/// <summary>
/// The sessions kept open on one SQLite file: idle readers, lent to one caller at a time, and the one writer, lent
/// only under the file's write gate. Shared by every <see cref="SqliteFile"/> object on the same path (<see cref="For"/>):
/// the state, the Direct Line log and the handoff tables live in one file, and SQLite throws away a connection's
/// page cache whenever another connection wrote, so separate writers per store re-read their pages from the file
/// on every turn (measured in bench/README.md). Clearing (before a file is moved, deleted or reclaimed) closes what
/// is idle at once and what is lent when it comes back.
/// </summary>
internal sealed class SqliteSessions
{
    // Weak: the sessions (and their open connections) go with the last SqliteFile object that uses them, so a
    // process that opens many files (the tests) does not keep every one of them open.
    private static readonly Dictionary<string, WeakReference<SqliteSessions>> ByFile = new(StringComparer.Ordinal);

    /// <summary>The sessions of the file opened with <paramref name="key"/> (its full path and per-connection settings).</summary>
    public static SqliteSessions For(string key)
    {
        lock (ByFile)
        {
            if (ByFile.TryGetValue(key, out var weak) && weak.TryGetTarget(out var existing))
            {
                return existing;
            }

            var created = new SqliteSessions();
            ByFile[key] = new WeakReference<SqliteSessions>(created);
            return created;
        }
    }

    // Reads on SQLite run synchronously on the calling thread, so more readers at once than threads busy with
    // turns are never needed; beyond this many idle ones, a returned session is closed instead of kept (each
    // holds its page cache).
    private static readonly int MaxIdleReaders = Math.Max(4, 2 * Environment.ProcessorCount);

    private readonly ConcurrentBag<SqliteSession> _idleReaders = [];
    private int _idleCount;
    private int _generation;

    // Only touched by the holder of the file's write gate.
    private SqliteSession? _writer;

    private SqliteGroupCommit? _groupCommit;

    /// <summary>
    /// The file's one group commit, shared by every store on it like the writer: the state and the Direct Line log
    /// live in one file, and with a queue per store a turn's state write and another conversation's log line took
    /// turns at the write gate, each in a commit of its own, instead of sharing one (bench/README.md).
    /// </summary>
    public SqliteGroupCommit GroupCommit(SqliteFile file)
        => LazyInitializer.EnsureInitialized(ref _groupCommit, () => new SqliteGroupCommit(file));

    public SqliteSession TakeReader(Func<SqliteConnection> open)
    {
        if (_idleReaders.TryTake(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            return session;
        }

        return new SqliteSession(open(), Volatile.Read(ref _generation));
    }

    public void ReturnReader(SqliteSession session, bool succeeded)
    {
        if (!Reusable(session, succeeded))
        {
            session.Dispose();
            return;
        }

        if (Interlocked.Increment(ref _idleCount) > MaxIdleReaders)
        {
            Interlocked.Decrement(ref _idleCount);
            session.Dispose();
            return;
        }

        _idleReaders.Add(session);

        // A clear that ran between the check above and the add would have missed this session.
        if (session.Generation != Volatile.Read(ref _generation))
        {
            DrainIdle();
        }
    }

    /// <summary>Only under the write gate.</summary>
    public SqliteSession TakeWriter(Func<SqliteConnection> open)
    {
        if (_writer is { } kept && kept.Generation == Volatile.Read(ref _generation))
        {
            return kept;
        }

        _writer?.Dispose();
        _writer = null;
        return _writer = new SqliteSession(open(), Volatile.Read(ref _generation));
    }

    /// <summary>Only under the write gate: a writer that failed, or was left inside a transaction, is closed.</summary>
    public void ReturnWriter(SqliteSession session, bool succeeded)
    {
        if (!Reusable(session, succeeded))
        {
            session.Dispose();
            if (ReferenceEquals(_writer, session))
            {
                _writer = null;
            }
        }
    }

    /// <summary>Closes the idle sessions now, and the writer if no one holds the gate; lent ones are closed when returned.</summary>
    public void Clear(SemaphoreSlim writeGate)
    {
        Interlocked.Increment(ref _generation);
        DrainIdle();
        if (writeGate.Wait(0))
        {
            try
            {
                _writer?.Dispose();
                _writer = null;
            }
            finally
            {
                writeGate.Release();
            }
        }
    }

    private bool Reusable(SqliteSession session, bool succeeded)
        => succeeded && session.Generation == Volatile.Read(ref _generation) && !session.InTransaction;

    private void DrainIdle()
    {
        while (_idleReaders.TryTake(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            session.Dispose();
        }
    }
}
