using Microsoft.Extensions.Options;
using Npgsql;

namespace IqosBot.DirectLine.Postgres;

/// <summary>
/// Direct Line conversations and activity logs in PostgreSQL (Storage:Provider=Postgres), shared by every
/// instance. An append takes the conversation's row lock with the UPDATE that hands out its sequence number and
/// timestamp, and inserts the activity in the same transaction: instances appending to one conversation at once
/// queue on that lock, so numbers are unique and gapless, timestamps increase with them whatever each
/// instance's clock says, and a reader never sees a number whose activity is not there yet.
/// </summary>
public sealed partial class PostgresDirectLineStore(NpgsqlDataSource dataSource, IOptions<DirectLineOptions> options, TimeProvider? time = null) : IDirectLineStore
{
    private readonly int _maxActivities = options?.Value.MaxActivitiesPerConversation ?? throw new ArgumentNullException(nameof(options));
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<bool> CreateAsync(string id, string userId, string? userName, string? locale, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO directline_conversations (id, user_id, user_name, locale, created_at, last_activity_at)
            VALUES (@id, @user, @name, @locale, @now, @now)
            ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("name", (object?)userName ?? DBNull.Value);
        command.Parameters.AddWithValue("locale", (object?)locale ?? DBNull.Value);
        command.Parameters.AddWithValue("now", _time.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<DirectLineConversationRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id, user_id, user_name, locale, started FROM directline_conversations WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return DirectLineConversationRecord.Read(reader);
    }

    public async Task<bool> TryMarkStartedAsync(string id, string? locale, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE directline_conversations SET started = TRUE, locale = COALESCE(@locale, locale) WHERE id = @id AND NOT started");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("locale", (object?)locale ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<(long Sequence, string Json)> AppendAsync(string conversationId, Func<long, DateTimeOffset, string> render, LogEntry entry, CancellationToken cancellationToken)
    {
        var (sequence, json, _) = await AppendCoreAsync(conversationId, null, render, entry, cancellationToken).ConfigureAwait(false);
        return (sequence, json);
    }

    public Task<(long Sequence, string Json, bool Appended)> AppendOnceAsync(string conversationId, string clientActivityId, Func<long, DateTimeOffset, string> render, CancellationToken cancellationToken)
        => AppendCoreAsync(conversationId, clientActivityId, render, LogEntry.CustomerTurn, cancellationToken);

    private async Task<(long Sequence, string Json, bool Appended)> AppendCoreAsync(string conversationId, string? clientActivityId, Func<long, DateTimeOffset, string> render, LogEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(render);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        long sequence;
        DateTimeOffset timestamp;
        await using (var claim = new NpgsqlCommand(
            """
            UPDATE directline_conversations
            SET next_seq = next_seq + 1,
                last_timestamp = GREATEST(@now, last_timestamp + INTERVAL '1 millisecond'),
                last_activity_at = @now
            WHERE id = @id
            RETURNING next_seq - 1, last_timestamp
            """,
            connection,
            transaction))
        {
            claim.Parameters.AddWithValue("id", conversationId);
            claim.Parameters.AddWithValue("now", DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds()));
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new KeyNotFoundException($"No Direct Line conversation {conversationId}.");
            }

            sequence = reader.GetInt64(0);
            timestamp = reader.GetFieldValue<DateTimeOffset>(1);
        }

        // The conversation's row lock is held from the UPDATE on, on every instance: a retry racing its original
        // waits here, then finds it; the claim is rolled back with the transaction.
        if (clientActivityId is not null)
        {
            await using var recent = new NpgsqlCommand("SELECT seq, json FROM directline_activities WHERE conversation_id = @id ORDER BY seq DESC LIMIT @window", connection, transaction);
            recent.Parameters.AddWithValue("id", conversationId);
            recent.Parameters.AddWithValue("window", (long)ClientActivityRetry.Window);
            if (await ClientActivityRetry.FindAsync(recent, clientActivityId, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                return (stored.Sequence, stored.Json, false);
            }
        }

        var json = render(sequence, timestamp);
        if (entry != LogEntry.Typing)
        {
            await using var insert = new NpgsqlCommand(entry == LogEntry.CustomerTurn ? InsertCustomerTurnSql : InsertSql, connection, transaction);
            insert.Parameters.AddWithValue("id", conversationId);
            insert.Parameters.AddWithValue("seq", sequence);
            insert.Parameters.AddWithValue("activityId", DirectLineHub.ActivityId(conversationId, sequence));
            insert.Parameters.AddWithValue("json", json);
            insert.Parameters.AddWithValue("max", (long)_maxActivities);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (sequence, json, true);
    }

    private const string InsertSql = """
        INSERT INTO directline_activities (conversation_id, seq, activity_id, json) VALUES (@id, @seq, @activityId, @json);
        DELETE FROM directline_activities WHERE conversation_id = @id AND seq <= @seq - @max;
        """;

    /// <summary>Marked as owed a turn, in the same commit as it is kept (<see cref="ReadDueTurnsAsync"/>).</summary>
    private const string InsertCustomerTurnSql = """
        INSERT INTO directline_activities (conversation_id, seq, activity_id, json, customer_turn) VALUES (@id, @seq, @activityId, @json, TRUE);
        UPDATE directline_conversations SET customer_through = @seq WHERE id = @id;
        DELETE FROM directline_activities WHERE conversation_id = @id AND seq <= @seq - @max;
        """;

    public async Task<long?> ReplaceAsync(string conversationId, string activityId, string json, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE directline_activities SET json = @json WHERE conversation_id = @id AND activity_id = @activityId RETURNING seq");
        command.Parameters.AddWithValue("id", conversationId);
        command.Parameters.AddWithValue("activityId", activityId);
        command.Parameters.AddWithValue("json", json);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long sequence ? sequence : null;
    }

    public async Task DeleteAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM directline_activities WHERE conversation_id = @id AND activity_id = @activityId");
        command.Parameters.AddWithValue("id", conversationId);
        command.Parameters.AddWithValue("activityId", activityId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<ActivityPage?> ReadPageAsync(string conversationId, long from, int limit, CancellationToken cancellationToken)
    {
        // One statement, one snapshot: the next number and the rows below it agree (READ COMMITTED would let two
        // statements see different commits, and a socket could skip an activity committed in between).
        await using var command = dataSource.CreateCommand("""
            SELECT c.next_seq, a.seq, a.json
            FROM directline_conversations AS c
            LEFT JOIN LATERAL (
                SELECT seq, json FROM directline_activities
                WHERE conversation_id = c.id AND seq >= @from
                ORDER BY seq LIMIT @limit) AS a ON TRUE
            WHERE c.id = @id
            ORDER BY a.seq
            """);
        command.Parameters.AddWithValue("id", conversationId);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("limit", (long)limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        long? next = null;
        var rows = new List<(long, string)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            next = reader.GetInt64(0);
            if (!reader.IsDBNull(1))
            {
                rows.Add((reader.GetInt64(1), reader.GetString(2)));
            }
        }

        return next is { } nextSequence ? new ActivityPage(rows, nextSequence) : null;
    }

    public async Task<int> DeleteIdleAsync(DateTimeOffset cutoff, int batch, CancellationToken cancellationToken)
    {
        // SKIP LOCKED: two instances' janitors sweeping at once take different conversations, and one being appended to right now is left for the next sweep.
        await using var command = dataSource.CreateCommand("""
            DELETE FROM directline_conversations
            WHERE id IN (SELECT id FROM directline_conversations WHERE last_activity_at < @cutoff LIMIT @batch FOR UPDATE SKIP LOCKED)
            """);
        command.Parameters.AddWithValue("cutoff", cutoff);
        command.Parameters.AddWithValue("batch", (long)batch);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Nothing to do: PostgreSQL's autovacuum reclaims deleted rows' space.</summary>
    public Task ReclaimAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
