using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// The sandbox CRM's SQLite file, configured like the bot's own state (Bot/Storage/SqliteStorage): WAL,
/// pooled connections, a busy timeout, and one writer at a time queued in-process. Every write runs in
/// one BEGIN IMMEDIATE transaction, so "check, then register" can never interleave with another request.
/// </summary>
internal sealed class SandboxDatabase : IDisposable
{
    private const int BusyTimeoutMilliseconds = 5000;

    // Serials and e-mail addresses are stored normalized (SerialNumber, EmailAddress), dates as YYYY-MM-DD
    // text, which SQLite compares in calendar order. A device is registered when it has a registrations row.
    private const string SchemaSql = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS devices (
            serial TEXT PRIMARY KEY NOT NULL,
            model  TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS accounts (
            id         INTEGER PRIMARY KEY,
            email      TEXT NOT NULL UNIQUE,
            status     TEXT NOT NULL CHECK (status IN ('active', 'pendingActivation')),
            created_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS registrations (
            serial                       TEXT PRIMARY KEY NOT NULL REFERENCES devices (serial),
            account_id                   INTEGER NOT NULL REFERENCES accounts (id),
            purchase_date                TEXT NOT NULL,
            registration_date            TEXT NOT NULL,
            accidental_damage_claim_used INTEGER NOT NULL DEFAULT 0,
            marketing_consent            INTEGER NOT NULL,
            language                     TEXT NOT NULL,
            created_at                   TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS registrations_by_account ON registrations (account_id, purchase_date);
        CREATE TABLE IF NOT EXISTS idempotency_keys (
            client      TEXT NOT NULL,
            key         TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            status      INTEGER NOT NULL,
            body        TEXT NOT NULL,
            created_at  TEXT NOT NULL,
            PRIMARY KEY (client, key)
        );
        """;

    private readonly string _connectionString;

    // See SqliteStorage: in-process writers wait here asynchronously; busy_timeout covers other processes.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    // Per-connection pragmas that pooled connections keep, applied once per native connection.
    private readonly ConditionalWeakTable<sqlite3, object?> _configuredHandles = [];

    public SandboxDatabase(IOptions<BenefitsSandboxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.GetFullPath(options.Value.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FilePath = path;

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();

        // Once, up front, so no request pays for schema checks.
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Configure(connection);
        using var command = connection.CreateCommand();
        command.CommandText = SchemaSql;
        command.ExecuteNonQuery();
    }

    public string FilePath { get; }

    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await read(connection).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one immediate transaction, committed when it returns. Commands created
    /// from the connection join the transaction by themselves (Microsoft.Data.Sqlite assigns the current one).
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

            // Non-deferred is BEGIN IMMEDIATE: the write lock is held before anything is read.
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await write(connection).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public void Dispose()
    {
        // Pooled connections hold the file open; closing them lets the WAL be checkpointed and the file moved or deleted.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _writeGate.Dispose();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
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

    private void Configure(SqliteConnection connection)
    {
        var handle = connection.Handle!;
        if (!_configuredHandles.TryAdd(handle, null))
        {
            return;
        }

        try
        {
            // NORMAL is durable in WAL mode except against power loss; foreign keys are off by default in SQLite.
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA foreign_keys = ON;";
            command.ExecuteNonQuery();
        }
        catch
        {
            _configuredHandles.Remove(handle);
            throw;
        }
    }
}
