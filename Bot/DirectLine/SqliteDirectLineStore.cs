using System.Globalization;
using IqosBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IqosBot.DirectLine;

/// <summary>
/// Conversations and their activity logs in the bot's state file (<c>Storage:Path</c>), in tables of
/// their own, so open chats and their watermarks survive a restart. Each activity is kept as the JSON
/// sent to clients, under its sequence number; only the newest few hundred per conversation are kept.
/// One instance only: timestamps come from this process's clock, kept strictly increasing. Writes go through the
/// file's write gate like every other store in it (<see cref="SqliteFile.WriteGate"/>): a writer that met another's
/// lock inside SQLite would spin on SQLITE_BUSY.
/// </summary>
public sealed partial class SqliteDirectLineStore : IDirectLineStore
{
    private readonly SqliteFile _file;
    private readonly int _maxActivities;
    private readonly TimeProvider _time;
    private readonly object _clockLock = new();
    private long _lastTimestampMs;

    /// <param name="time">When conversations were last used, for retention; the system clock when not given.</param>
    public SqliteDirectLineStore(IOptions<SqliteStorageOptions> storage, IOptions<DirectLineOptions> options, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(options);
        _maxActivities = options.Value.MaxActivitiesPerConversation;
        _file = new SqliteFile(storage.Value.Path, "directline", [(1, """
            CREATE TABLE IF NOT EXISTS directline_conversations (
                id               TEXT PRIMARY KEY NOT NULL,
                user_id          TEXT NOT NULL,
                user_name        TEXT,
                locale           TEXT,
                started          INTEGER NOT NULL DEFAULT 0,
                next_seq         INTEGER NOT NULL DEFAULT 0,
                created_at       TEXT NOT NULL,
                last_activity_at TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS directline_activities (
                conversation_id TEXT NOT NULL,
                seq             INTEGER NOT NULL,
                activity_id     TEXT NOT NULL,
                json            TEXT NOT NULL,
                PRIMARY KEY (conversation_id, seq)
            ) WITHOUT ROWID;
            """), (2, TurnsSchemaStep), (3, LogInRowOrderStep)]);
    }

    /// <summary>
    /// The log as an ordinary (rowid) table, its rows in the order they were written, found through the primary key's
    /// index. Made WITHOUT ROWID at first, the table kept each row in its key's B-tree, where a row over about 1,000
    /// bytes (most bot replies: a card, suggested actions) spills into an overflow page of its own, and every append
    /// landed on the page of its conversation: a reply wrote five pages to the WAL (header, pointer map, conversation,
    /// log page, overflow page), now about three, and the file is about half the size (bench/README.md). A customer's
    /// clientActivityID has a column of its own, ahead of the JSON, so a retry is looked for without reading the JSON
    /// of the newest activities (a card's is over a kilobyte) under the write gate on every message.
    /// </summary>
    private const string LogInRowOrderStep = """
        CREATE TABLE directline_activities_by_row (
            conversation_id    TEXT NOT NULL,
            seq                INTEGER NOT NULL,
            activity_id        TEXT NOT NULL,
            customer_turn      INTEGER NOT NULL DEFAULT 0,
            client_activity_id TEXT,
            json               TEXT NOT NULL,
            PRIMARY KEY (conversation_id, seq)
        );
        INSERT INTO directline_activities_by_row (conversation_id, seq, activity_id, customer_turn, client_activity_id, json)
            SELECT conversation_id, seq, activity_id, customer_turn,
                   CASE WHEN json_valid(json) AND json_extract(json, '$.from.role') = 'user'
                        THEN json_extract(json, '$.channelData.clientActivityID') END,
                   json
            FROM directline_activities;
        DROP TABLE directline_activities;
        ALTER TABLE directline_activities_by_row RENAME TO directline_activities;
        """;

    /// <summary>Creates the conversation, or leaves an existing one as it is. Returns whether it was created.</summary>
    public async Task<bool> CreateAsync(string id, string userId, string? userName, string? locale, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var writer = await _file.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var command = writer.Session.Command("""
            INSERT INTO directline_conversations (id, user_id, user_name, locale, created_at, last_activity_at)
            VALUES ($id, $user, $name, $locale, $now, $now)
            ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$name", (object?)userName ?? DBNull.Value);
        command.Parameters.AddWithValue("$locale", (object?)locale ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public Task<DirectLineConversationRecord?> FindAsync(string id, CancellationToken cancellationToken)
        => _file.WithReaderAsync(async session =>
        {
            var command = session.Command("SELECT id, user_id, user_name, locale, started FROM directline_conversations WHERE id = $id");
            command.Parameters.AddWithValue("$id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return DirectLineConversationRecord.Read(reader);
        }, cancellationToken);

    /// <summary>Marks the conversation started, with the locale the client asked for. True only for the one caller that did it.</summary>
    public async Task<bool> TryMarkStartedAsync(string id, string? locale, CancellationToken cancellationToken)
    {
        await using var writer = await _file.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var command = writer.Session.Command("UPDATE directline_conversations SET started = 1, locale = COALESCE($locale, locale) WHERE id = $id AND started = 0");
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$locale", (object?)locale ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<(long Sequence, string Json)> AppendAsync(string conversationId, Func<long, DateTimeOffset, string> render, LogEntry entry, CancellationToken cancellationToken)
    {
        var (sequence, json, _) = await AppendCoreAsync(conversationId, null, render, entry, cancellationToken).ConfigureAwait(false);
        return (sequence, json);
    }

    public Task<(long Sequence, string Json, bool Appended)> AppendOnceAsync(string conversationId, string clientActivityId, Func<long, DateTimeOffset, string> render, CancellationToken cancellationToken)
        => AppendCoreAsync(conversationId, clientActivityId, render, LogEntry.CustomerTurn, cancellationToken);

    /// <summary>
    /// In a transaction shared with the turn's other writes of the moment (<see cref="SqliteFile.WriteInGroupAsync"/>),
    /// which holds the file's write lock from its start: the retry is looked for and the number claimed with no
    /// other writer in between.
    /// </summary>
    private Task<(long Sequence, string Json, bool Appended)> AppendCoreAsync(string conversationId, string? clientActivityId, Func<long, DateTimeOffset, string> render, LogEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(render);
        return _file.WriteInGroupAsync<(long, string, bool)>(async (session, transaction) =>
        {
            if (clientActivityId is not null)
            {
                // Among the newest activities (their numbers run without gaps up to next_seq - 1), by the column.
                var recent = session.Command("""
                    SELECT seq, json FROM directline_activities
                    WHERE conversation_id = $id AND client_activity_id = $clientActivityId
                      AND seq >= (SELECT next_seq FROM directline_conversations WHERE id = $id) - $window
                    ORDER BY seq DESC
                    """, transaction);
                recent.Parameters.AddWithValue("$id", conversationId);
                recent.Parameters.AddWithValue("$clientActivityId", clientActivityId);
                recent.Parameters.AddWithValue("$window", ClientActivityRetry.Window);
                if (await ClientActivityRetry.FindAsync(recent, clientActivityId, cancellationToken).ConfigureAwait(false) is { } stored)
                {
                    return (stored.Sequence, stored.Json, false);
                }
            }

            long sequence;
            {
                var command = session.Command("UPDATE directline_conversations SET next_seq = next_seq + 1, last_activity_at = $now WHERE id = $id RETURNING next_seq - 1", transaction);
                command.Parameters.AddWithValue("$id", conversationId);
                command.Parameters.AddWithValue("$now", Now());
                sequence = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } next and not DBNull
                    ? Convert.ToInt64(next, CultureInfo.InvariantCulture)
                    : throw new KeyNotFoundException($"No Direct Line conversation {conversationId}.");
            }

            var json = render(sequence, NextTimestamp());
            if (entry != LogEntry.Typing)
            {
                var command = session.Command(entry == LogEntry.CustomerTurn ? InsertCustomerTurnWithKeepNewestSql : InsertWithKeepNewestSql, transaction);
                command.Parameters.AddWithValue("$id", conversationId);
                command.Parameters.AddWithValue("$seq", sequence);
                command.Parameters.AddWithValue("$activityId", DirectLineHub.ActivityId(conversationId, sequence));
                command.Parameters.AddWithValue("$json", json);
                command.Parameters.AddWithValue("$max", _maxActivities);
                if (entry == LogEntry.CustomerTurn)
                {
                    command.Parameters.AddWithValue("$clientActivityId", (object?)clientActivityId ?? DBNull.Value);
                }
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return (sequence, json, true);
        }, oneStatement: false, cancellationToken);
    }

    private const string InsertWithKeepNewestSql = InsertSql + KeepNewestSql;

    private const string InsertCustomerTurnWithKeepNewestSql = InsertCustomerTurnSql + KeepNewestSql;

    private const string InsertSql = "INSERT OR REPLACE INTO directline_activities (conversation_id, seq, activity_id, json) VALUES ($id, $seq, $activityId, $json);";

    private const string KeepNewestSql = "DELETE FROM directline_activities WHERE conversation_id = $id AND seq <= $seq - $max;";

    /// <summary>Marked as owed a turn, in the same commit as it is kept (<see cref="ReadDueTurnsAsync"/>).</summary>
    private const string InsertCustomerTurnSql = """
        INSERT OR REPLACE INTO directline_activities (conversation_id, seq, activity_id, json, customer_turn, client_activity_id) VALUES ($id, $seq, $activityId, $json, 1, $clientActivityId);
        UPDATE directline_conversations SET customer_through = $seq WHERE id = $id;
        """;

    /// <summary>Now, or a millisecond after the last timestamp handed out when the clock has not moved on (or went back).</summary>
    private DateTimeOffset NextTimestamp()
    {
        lock (_clockLock)
        {
            _lastTimestampMs = Math.Max(_time.GetUtcNow().ToUnixTimeMilliseconds(), _lastTimestampMs + 1);
            return DateTimeOffset.FromUnixTimeMilliseconds(_lastTimestampMs);
        }
    }

    /// <summary>Replaces a stored activity (the bot updated it). Returns its sequence number, or null when it is not stored.</summary>
    public async Task<long?> ReplaceAsync(string conversationId, string activityId, string json, CancellationToken cancellationToken)
    {
        await using var writer = await _file.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var command = writer.Session.Command("UPDATE directline_activities SET json = $json WHERE conversation_id = $id AND activity_id = $activityId RETURNING seq");
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$activityId", activityId);
        command.Parameters.AddWithValue("$json", json);
        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return result is null or DBNull ? null : Convert.ToInt64(result, CultureInfo.InvariantCulture);
    }

    public async Task DeleteAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        await using var writer = await _file.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var command = writer.Session.Command("DELETE FROM directline_activities WHERE conversation_id = $id AND activity_id = $activityId");
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$activityId", activityId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <remarks>On a kept reader session: polling clients read here on every GET, and each stream socket when it opens.</remarks>
    public Task<ActivityPage?> ReadPageAsync(string conversationId, long from, int limit, CancellationToken cancellationToken)
        => _file.WithReaderAsync(async session =>
        {
            // One read transaction: the next number and the rows from the same snapshot of the file.
            await using var transaction = session.Connection.BeginTransaction(deferred: true);
            var next = session.Command("SELECT next_seq FROM directline_conversations WHERE id = $id", transaction);
            next.Parameters.AddWithValue("$id", conversationId);
            if (await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not { } nextValue || nextValue is DBNull)
            {
                return null;
            }

            var command = session.Command("SELECT seq, json FROM directline_activities WHERE conversation_id = $id AND seq >= $from ORDER BY seq LIMIT $limit", transaction);
            command.Parameters.AddWithValue("$id", conversationId);
            command.Parameters.AddWithValue("$from", from);
            command.Parameters.AddWithValue("$limit", limit);
            var rows = new List<(long, string)>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add((reader.GetInt64(0), reader.GetString(1)));
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (ActivityPage?)new ActivityPage(rows, Convert.ToInt64(nextValue, CultureInfo.InvariantCulture));
        }, cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="batch"/> conversations whose last activity is older than <paramref name="cutoff"/>,
    /// with their activities, in one transaction; returns how many went.
    /// </summary>
    public async Task<int> DeleteIdleAsync(DateTimeOffset cutoff, int batch, CancellationToken cancellationToken)
    {
        await using var writer = await _file.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var connection = writer.Connection;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            CREATE TEMP TABLE IF NOT EXISTS idle_ids (id TEXT PRIMARY KEY);
            DELETE FROM idle_ids;
            INSERT INTO idle_ids SELECT id FROM directline_conversations WHERE last_activity_at < $cutoff LIMIT $batch;
            DELETE FROM directline_activities WHERE conversation_id IN (SELECT id FROM idle_ids);
            DELETE FROM directline_conversations WHERE id IN (SELECT id FROM idle_ids);
            """;
        command.Parameters.AddWithValue("$cutoff", cutoff.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$batch", batch);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using var count = connection.CreateCommand();
        count.Transaction = transaction;
        count.CommandText = "SELECT COUNT(*) FROM idle_ids";
        var deleted = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    /// <summary>After deletions: freed pages back to the file system, the write-ahead log checkpointed and emptied.</summary>
    public Task ReclaimAsync(CancellationToken cancellationToken) => _file.ReclaimAsync(cancellationToken);
}
