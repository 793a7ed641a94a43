using IqosBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// The sandbox CRM's SQLite file, configured like the bot's own state (Bot/Storage/SqliteStorage): WAL,
/// kept reader and writer connections, a busy timeout, and one writer at a time queued in-process. Every write runs in
/// one BEGIN IMMEDIATE transaction, so "check, then register" can never interleave with another request.
/// </summary>
internal sealed class SandboxDatabase : IDisposable
{
    // Serials and e-mail addresses are stored normalized (SerialNumberFormat, EmailAddressFormat), dates as YYYY-MM-DD
    // text, which SQLite compares in calendar order. A device is registered when it has a registrations row.
    private const string SchemaSql = """
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
        CREATE TABLE IF NOT EXISTS claims (
            case_number       TEXT PRIMARY KEY NOT NULL,
            serial            TEXT NOT NULL REFERENCES devices (serial),
            account_id        INTEGER NOT NULL REFERENCES accounts (id),
            kind              TEXT NOT NULL CHECK (kind IN ('warranty-replacement', 'accidental-damage')),
            damage            TEXT NOT NULL CHECK (damage IN ('none', 'dropped', 'liquid', 'cracked', 'other')),
            fault_description TEXT NOT NULL,
            street            TEXT NOT NULL,
            postal_code       TEXT NOT NULL,
            city              TEXT NOT NULL,
            language          TEXT NOT NULL,
            created_at        TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS claims_by_serial ON claims (serial);
        """;

    private readonly SqliteFile _file;

    public SandboxDatabase(IOptions<BenefitsSandboxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _file = new SqliteFile(options.Value.DatabasePath, "sandbox", [(1, SchemaSql)], extraPragmas: "PRAGMA foreign_keys = ON;");
    }

    public string FilePath => _file.Path;

    /// <summary>After deletions: freed pages back to the file system, the write-ahead log checkpointed and emptied.</summary>
    public Task ReclaimAsync(CancellationToken cancellationToken) => _file.ReclaimAsync(cancellationToken);

    /// <summary>On one of the file's kept reader connections: a request does not pay for opening one.</summary>
    public Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        return _file.WithReaderAsync(session => read(session.Connection), cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one immediate transaction, committed when it returns, on the file's kept writer
    /// connection (one writer at a time in-process; busy_timeout covers other processes). Connections are not pooled
    /// (SqliteFile says why), so opening one per request would cost a file open and its pragmas every time. Commands
    /// created from the connection join the transaction by themselves (Microsoft.Data.Sqlite assigns the current one).
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await using var writer = await _file.OpenWriterAsync(cancellationToken).ConfigureAwait(false);

        // Non-deferred is BEGIN IMMEDIATE: the write lock is held before anything is read.
        await using var transaction = writer.Connection.BeginTransaction(deferred: false);
        var result = await write(writer.Connection).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    public void Dispose() => _file.ClearPool();
}
