using Microsoft.Data.Sqlite;

namespace IqosBot.Storage;

/// <summary>
/// One SQLite file used from many concurrent requests: sessions kept open and lent out (<see cref="SqliteSessions"/>),
/// each connection configured once when opened with the per-connection pragmas (synchronous, busy_timeout, and any
/// extra), the folder created on first use, and the schema applied once up front so no operation pays for it.
/// </summary>
internal sealed class SqliteFile
{
    private const int BusyTimeoutMilliseconds = 5000;

    // One gate per file for the whole process, however many SqliteFile objects open it (the bot state
    // and the handoff tables share the state database). A second writer that bypassed it would meet
    // SQLITE_BUSY, and Microsoft.Data.Sqlite retries a busy statement by spinning: measured in bench/
    // as ten times the CPU per turn.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> WriteGates = new(StringComparer.Ordinal);

    private readonly string _connectionString;
    private readonly string _pragmas;

    private readonly SqliteSessions _sessions;

    /// <summary>A file of its own beside the state database: "…/iqosbot.db" with "-transcripts" → "…/iqosbot-transcripts.db".</summary>
    public static string Beside(string statePath, string suffix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statePath);
        var full = System.IO.Path.GetFullPath(statePath);
        var name = System.IO.Path.GetFileNameWithoutExtension(full) + suffix + System.IO.Path.GetExtension(full);
        return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, name);
    }

    /// <param name="component">The schema's name in the file's schema_migrations (several stores share a file).</param>
    /// <param name="steps">The component's versioned schema steps; those not yet applied to the file run now (<see cref="SqliteMigrations"/>).</param>
    /// <param name="extraPragmas">Per-connection pragmas beyond the defaults, e.g. "PRAGMA foreign_keys = ON;".</param>
    public SqliteFile(string path, string component, IReadOnlyList<(int Version, string Sql)> steps, string extraPragmas = "")
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,

            // The kept sessions (SqliteSessions) are this file's pool. Microsoft.Data.Sqlite's own pool can lend
            // one native connection to two concurrent opens (it marks a connection in use before naming its new
            // owner, outside its lock, so another open or a ClearPool in between reclaims it as leaked): one
            // caller then finds its connection closed under it, or two turns share a transaction. Seen in CI as
            // ObjectDisposedException on SQLitePCL.sqlite3; tested in SqliteFileOpenTests.
            Pooling = false,
            // Microsoft.Data.Sqlite retries busy statements itself until this many seconds have passed;
            // keep it in line with busy_timeout so a stuck lock fails after seconds, not half a minute.
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();

        // NORMAL is durable in WAL mode except against power loss, and spares an fsync per commit.
        // busy_timeout makes SQLite itself wait for another process's write lock. secure_delete zeroes what a
        // delete or an update frees: personal data removed by retention or on request is not left readable in
        // free pages of the file.
        _pragmas = $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA secure_delete = ON; {extraPragmas}";
        _sessions = SqliteSessions.For(Path + "\n" + _pragmas);

        using var connection = Open();
        using var command = connection.CreateCommand();

        // Incremental auto-vacuum lets ReclaimAsync hand freed pages back to the file system; it can only be
        // chosen before the first table exists (an older file keeps its setting and is still zeroed). WAL is stored
        // in the file itself (readers never block the writer nor each other) and cannot be set inside a transaction.
        command.CommandText = "PRAGMA auto_vacuum = INCREMENTAL; PRAGMA journal_mode = WAL; " + SqliteMigrations.TableSql;
        command.ExecuteNonQuery();
        SqliteMigrations.Apply(connection, component, steps);
    }

    /// <summary>
    /// After deleting: returns freed pages to the file system and checkpoints the write-ahead log into the file
    /// and truncates it, so no copy of a deleted row stays in the WAL either. Holds the write gate.
    /// </summary>
    public Task ReclaimAsync(CancellationToken cancellationToken) => WriteAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = ReclaimSql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }, cancellationToken);

    public string Path { get; }

    /// <summary>Freed pages back to the file system; the WAL checkpointed into the file and truncated.</summary>
    public const string ReclaimSql = "PRAGMA incremental_vacuum; PRAGMA wal_checkpoint(TRUNCATE);";

    /// <summary>
    /// Held by every writer of this file in this process: SQLite allows one writer at a time, and waiting
    /// here is asynchronous instead of busy-waiting in SQLite. Other processes are covered by busy_timeout.
    /// </summary>
    public SemaphoreSlim WriteGate => WriteGates.GetOrAdd(Path, static _ => new SemaphoreSlim(1, 1));

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Configure(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="write"/> on the file's writer connection, holding <see cref="WriteGate"/>.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return WithWriterAsync(session => write(session.Connection), cancellationToken);
    }

    /// <summary>
    /// A connection to write with, holding <see cref="WriteGate"/> until it is disposed: for a write that is a
    /// transaction of several statements (<see cref="WriteAsync{T}"/> for one callback). Nothing written through
    /// it may write through another writer of the same file before it is disposed: the gate is not re-entrant.
    /// </summary>
    public async Task<Writer> OpenWriterAsync(CancellationToken cancellationToken)
    {
        await WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new Writer(this, _sessions.TakeWriter(Open));
        }
        catch
        {
            WriteGate.Release();
            throw;
        }
    }

    /// <summary>The file's writer connection, lent until disposed; the write gate is held as long.</summary>
    public sealed class Writer(SqliteFile file, SqliteSession session) : IAsyncDisposable
    {
        public SqliteConnection Connection => Session.Connection;

        public SqliteSession Session { get; } = session;

        public ValueTask DisposeAsync()
        {
            try
            {
                file._sessions.ReturnWriter(Session, succeeded: true);
            }
            finally
            {
                file.WriteGate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Runs <paramref name="write"/> on the file's writer session (statements prepared once), holding <see cref="WriteGate"/>.</summary>
    public async Task<T> WithWriterAsync<T>(Func<SqliteSession, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunLentAsync(_sessions.TakeWriter(Open), write, _sessions.ReturnWriter).ConfigureAwait(false);
        }
        finally
        {
            WriteGate.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction it may share with other writes of this file that arrive at the
    /// same time (<see cref="SqliteGroupCommit"/>); completes once it is committed. <paramref name="oneStatement"/>:
    /// the write is a single statement (atomic by itself), so when it runs alone it needs no BEGIN and COMMIT and
    /// is given no transaction.
    /// </summary>
    public Task<T> WriteInGroupAsync<T>(Func<SqliteSession, SqliteTransaction?, Task<T>> write, bool oneStatement, CancellationToken cancellationToken)
        => _sessions.GroupCommit(this).WriteAsync(write, oneStatement, cancellationToken);

    /// <summary>Writes one group of <see cref="SqliteGroupCommit"/> on the writer session, under the write gate.</summary>
    internal async Task CommitGroupAsync(IReadOnlyList<SqliteGroupCommit.IWrite> group)
    {
        await WriteGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        Exception? failure = null;
        var succeeded = false;
        SqliteSession? session = null;
        try
        {
            session = _sessions.TakeWriter(Open);
            if (group is [{ OneStatement: true } alone])
            {
                await alone.RunAsync(session, null).ConfigureAwait(false);
            }
            else
            {
                await using var transaction = session.Connection.BeginTransaction(deferred: false);
                if (group is [var only])
                {
                    if (!await only.RunAsync(session, transaction).ConfigureAwait(false))
                    {
                        await transaction.RollbackAsync().ConfigureAwait(false);
                        succeeded = true;
                        return;
                    }
                }
                else
                {
                    foreach (var write in group)
                    {
                        await session.Command("SAVEPOINT grouped", transaction).ExecuteNonQueryAsync().ConfigureAwait(false);
                        var done = await write.RunAsync(session, transaction).ConfigureAwait(false);
                        await session.Command(done ? "RELEASE grouped" : "ROLLBACK TO grouped; RELEASE grouped", transaction).ExecuteNonQueryAsync().ConfigureAwait(false);
                    }
                }

                await transaction.CommitAsync().ConfigureAwait(false);
            }

            succeeded = true;
        }
#pragma warning disable CA1031 // The group's transaction failed: every write in it is told, none is lost silently.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            failure = exception;
        }
        finally
        {
            if (session is not null)
            {
                _sessions.ReturnWriter(session, succeeded);
            }

            WriteGate.Release();
            foreach (var write in group)
            {
                write.Complete(failure);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="read"/> on a session of its own (statements prepared once, the connection kept open): for
    /// reads on the turn's path. A session that failed is closed rather than lent again.
    /// </summary>
    public Task<T> WithReaderAsync<T>(Func<SqliteSession, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        cancellationToken.ThrowIfCancellationRequested();
        return RunLentAsync(_sessions.TakeReader(Open), read, _sessions.ReturnReader);
    }

    /// <summary>Runs <paramref name="work"/> on a lent session and gives it back, saying whether the work succeeded.</summary>
    private static async Task<T> RunLentAsync<T>(SqliteSession session, Func<SqliteSession, Task<T>> work, Action<SqliteSession, bool> giveBack)
    {
        var succeeded = false;
        try
        {
            var result = await work(session).ConfigureAwait(false);
            succeeded = true;
            return result;
        }
        finally
        {
            giveBack(session, succeeded);
        }
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            Configure(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Kept sessions hold the file open; closing them lets the WAL be checkpointed and the file moved or deleted.</summary>
    public void ClearPool() => _sessions.Clear(WriteGate);

    // synchronous and busy_timeout are per-connection settings: set once on each connection as it is opened.
    private void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }
}
