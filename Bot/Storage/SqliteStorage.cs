using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;

namespace IqosBot.Storage;

/// <summary>
/// <see cref="IStorage"/> on an embedded SQLite file, with the semantics of the SDK's MemoryStorage:
/// values round-trip as the same .NET types, and an <see cref="IStoreItem"/> written with a stale
/// <see cref="IStoreItem.ETag"/> is rejected. Safe to share as a singleton across concurrent turns.
/// </summary>
public sealed partial class SqliteStorage : IStateStore, IDisposable
{
    private const string SelectSql = "SELECT etag, value FROM state WHERE key = $key";

    // The WHERE clause only guards the UPDATE branch: a key that is not stored yet is inserted whatever
    // the etag, exactly like MemoryStorage. An existing row is replaced when the write overwrites ("*",
    // or a value that is no IStoreItem) or names its current etag; a stale etag, or none at all (an item
    // created twice in a race), makes the statement change no row.
    private const string UpsertSql = """
        INSERT INTO state (key, etag, value, updated_at)
        VALUES ($key, $etag, $value, $now)
        ON CONFLICT (key) DO UPDATE
            SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at
            WHERE $overwrite = 1 OR state.etag = $expected
        """;

    private const string DeleteSql = "DELETE FROM state WHERE key = $key";

    private readonly SqliteFile _file;
    private readonly TimeProvider _time;
    private readonly StateHandOver _handOver;
    private readonly bool _ownsHandOver;

    private bool _disposed;

    /// <param name="time">When rows were written, for retention (<see cref="KeysNotWrittenSinceAsync"/>).</param>
    /// <param name="handOver">The instance's saved states kept for the next turn (a store of its own when not given).</param>
    public SqliteStorage(SqliteStorageOptions options, TimeProvider? time = null, StateHandOver? handOver = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        _time = time ?? TimeProvider.System;
        _ownsHandOver = handOver is null;
        _handOver = handOver ?? new StateHandOver(_time);

        _file = new SqliteFile(options.Path, "state", [(1, """
            CREATE TABLE IF NOT EXISTS state (
                key        TEXT PRIMARY KEY NOT NULL,
                etag       TEXT NOT NULL,
                value      TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            """)]);
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            StateChanges.ThrowIfInvalidKey(key);
        }

        ObjectDisposedException.ThrowIf(_disposed, this);

        var items = new Dictionary<string, object>(keys.Length);
        if (keys.Length == 0)
        {
            return items;
        }

        await _file.WithReaderAsync(async session =>
        {
            var command = session.Command(SelectSql);
            var keyParameter = command.Parameters.Add("$key", SqliteType.Text);
            foreach (var key in keys)
            {
                keyParameter.Value = key;
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                // The column, not the serialized property, holds the current etag: the value was serialized with
                // the etag the writer had read. A stored JSON null reads as "nothing stored", as in MemoryStorage.
                if (StateChanges.Read(reader.GetString(1), reader.GetString(0)) is { } value)
                {
                    items[key] = value;
                }
            }

            return items;
        }, cancellationToken).ConfigureAwait(false);

        return items;
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var rows = StateChanges.Writes(changes);
        _handOver.Forget(rows.Select(row => row.Key));
        return WriteRowsAsync(rows, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var rows = StateChanges.Deletes(keys);
        _handOver.Forget(keys);
        return WriteRowsAsync(rows, cancellationToken);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_ownsHandOver)
        {
            _handOver.Dispose();
        }

        _file.ClearPool();
    }

    /// <summary>Applies all rows in one transaction, so a batch with one stale etag changes nothing.</summary>
    private async Task WriteRowsAsync(IReadOnlyList<StateRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        // In a transaction shared with the other writes of the moment (SqliteFile.WriteInGroupAsync): the rows of
        // this call are undone together when one etag is stale. One row (the conversation state of every turn) is
        // one statement that compares the etag and writes: alone, it needs no BEGIN and COMMIT, which cost a third
        // of the write.
        await _file.WriteInGroupAsync(async (session, transaction) =>
        {
            var upsert = session.Command(UpsertSql, transaction);
            var upsertKey = upsert.Parameters.Add("$key", SqliteType.Text);
            var upsertEtag = upsert.Parameters.Add("$etag", SqliteType.Text);
            var upsertValue = upsert.Parameters.Add("$value", SqliteType.Text);
            var upsertExpected = upsert.Parameters.Add("$expected", SqliteType.Text);
            var upsertOverwrite = upsert.Parameters.Add("$overwrite", SqliteType.Integer);
            upsert.Parameters.Add("$now", SqliteType.Text).Value = WrittenAt(_time.GetUtcNow());

            var delete = session.Command(DeleteSql, transaction);
            var deleteKey = delete.Parameters.Add("$key", SqliteType.Text);

            foreach (var row in rows)
            {
                if (row.Json is null)
                {
                    deleteKey.Value = row.Key;
                    await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                upsertKey.Value = row.Key;
                upsertEtag.Value = row.Etag;
                upsertValue.Value = row.Json;
                upsertExpected.Value = (object?)row.ExpectedEtag ?? DBNull.Value;
                upsertOverwrite.Value = row.Overwrite ? 1 : 0;

                if (await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    throw StateChanges.Conflict(row);
                }
            }

            return rows.Count;
        }, oneStatement: rows.Count == 1, cancellationToken).ConfigureAwait(false);
    }

}
