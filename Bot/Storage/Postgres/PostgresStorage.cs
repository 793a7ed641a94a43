using Microsoft.Bot.Builder;
using Npgsql;
using NpgsqlTypes;

namespace IqosBot.Storage.Postgres;

/// <summary>
/// <see cref="IStorage"/> on PostgreSQL (Storage:Provider=Postgres), for several bot instances sharing one
/// state: the same JSON and the same semantics as <see cref="SqliteStorage"/>. Optimistic concurrency is the
/// database's: an upsert whose WHERE names the etag the writer read waits for a concurrent writer's row lock
/// and then finds the etag changed, so of two instances writing one conversation, one wins and the other's
/// turn is refused (and retried), never silently lost.
/// </summary>
public sealed class PostgresStorage(NpgsqlDataSource dataSource, TimeProvider? time = null, StateHandOver? handOver = null) : IStateStore, IDisposable
{
    // As in SqliteStorage: the JSON comes back only when the row's etag is not the kept value's (@known NULL: nothing kept).
    private const string SelectUnlessKnownSql = "SELECT etag, CASE WHEN etag = @known THEN NULL ELSE value END FROM bot_state WHERE key = @key";

    private const string UpsertSql = """
        INSERT INTO bot_state (key, etag, value, updated_at) VALUES (@key, @etag, @value, @now)
        ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at
        WHERE @overwrite OR bot_state.etag = @expected
        """;

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly bool _ownsHandOver = handOver is null;
    private readonly StateHandOver _handOver = handOver ?? new StateHandOver(time);

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            StateChanges.ThrowIfInvalidKey(key);
        }

        var items = new Dictionary<string, object>(keys.Length);
        if (keys.Length == 0)
        {
            return items;
        }

        await using var command = dataSource.CreateCommand("SELECT key, etag, value FROM bot_state WHERE key = ANY(@keys)");
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", keys));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (StateChanges.Read(reader.GetString(2), reader.GetString(1)) is { } value)
            {
                items[reader.GetString(0)] = value;
            }
        }

        return items;
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        var rows = StateChanges.Writes(changes);
        _handOver.Forget(rows.Select(row => row.Key));
        return WriteRowsAsync(rows, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        var rows = StateChanges.Deletes(keys);
        _handOver.Forget(keys);
        return WriteRowsAsync(rows, cancellationToken);
    }

    /// <summary>With several instances a conversation's next turn may come to another one: its etag then differs, and it reads the row.</summary>
    public async Task<object?> ReadHandedOverAsync(string key, CancellationToken cancellationToken)
    {
        StateChanges.ThrowIfInvalidKey(key);
        var kept = _handOver.TryTake(key, out var keptEtag, out var keptValue);
        await using var command = dataSource.CreateCommand(SelectUnlessKnownSql);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.Add(new NpgsqlParameter("known", NpgsqlDbType.Text) { Value = kept ? keptEtag : DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return reader.IsDBNull(1) ? StateChanges.HandedOver(keptValue, reader.GetString(0)) : StateChanges.Read(reader.GetString(1), reader.GetString(0));
    }

    public async Task WriteAndHandOverAsync(string key, object value, CancellationToken cancellationToken)
    {
        var rows = StateChanges.Writes(new Dictionary<string, object>(1) { [key] = value });
        _handOver.Forget([key]);
        await WriteRowsAsync(rows, cancellationToken).ConfigureAwait(false);
        StateChanges.HandOver(_handOver, rows[0], value);
    }

    public void Dispose()
    {
        if (_ownsHandOver)
        {
            _handOver.Dispose();
        }
    }

    public async Task<IReadOnlyList<string>> KeysNotWrittenSinceAsync(DateTimeOffset cutoff, string after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(after);
        await using var command = dataSource.CreateCommand("SELECT key FROM bot_state WHERE updated_at < @cutoff AND key > @after ORDER BY key LIMIT @limit");
        command.Parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("limit", limit);
        return await StateChanges.KeysAsync(command, limit, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> NotWrittenSinceAsync(string key, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT COUNT(*) FROM bot_state WHERE key = @key AND updated_at < @cutoff");
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0;
    }

    /// <summary>
    /// PostgreSQL reuses the space of deleted rows through (auto)vacuum; the operator's backups and WAL archive
    /// follow their own retention, which the README's table names.
    /// </summary>
    public Task ReclaimAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// All rows in one transaction: a batch with one stale etag changes nothing. A turn saves one row, and one statement
    /// is atomic by itself: it goes alone, one round trip instead of four (open, BEGIN, the upsert, COMMIT).
    /// </summary>
    private async Task WriteRowsAsync(IReadOnlyList<StateRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (rows.Count == 1)
        {
            await using var alone = dataSource.CreateCommand();
            await WriteRowAsync(alone, rows[0], now, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await using var command = new NpgsqlCommand(null, connection, transaction);
            await WriteRowAsync(command, row, now, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the row, or upserts it if its etag is still the one the writer read (else the conflict is thrown).</summary>
    private static async Task WriteRowAsync(NpgsqlCommand command, StateRow row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (row.Json is null)
        {
            command.CommandText = "DELETE FROM bot_state WHERE key = @key";
            command.Parameters.AddWithValue("key", row.Key);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        command.CommandText = UpsertSql;
        command.Parameters.AddWithValue("key", row.Key);
        command.Parameters.AddWithValue("etag", row.Etag!);
        command.Parameters.AddWithValue("value", row.Json);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("overwrite", row.Overwrite);
        command.Parameters.Add(new NpgsqlParameter("expected", NpgsqlDbType.Text) { Value = (object?)row.ExpectedEtag ?? DBNull.Value });
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw StateChanges.Conflict(row);
        }
    }
}
