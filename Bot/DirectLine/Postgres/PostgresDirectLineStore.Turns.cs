namespace IqosBot.DirectLine.Postgres;

/// <summary>
/// Which turns a conversation still owes its customer: <c>customer_through</c> is the newest customer activity kept,
/// <c>turns_through</c> the newest whose turn ran, <c>welcomed</c> whether the welcome's did. A partial index holds
/// only conversations that owe something, so every instance looking for stalled ones every few seconds stays cheap.
/// </summary>
public sealed partial class PostgresDirectLineStore
{
    /// <summary>Migration 4. Conversations from before it count as answered.</summary>
    public const string TurnsSchemaStep = """
        ALTER TABLE directline_conversations
            ADD COLUMN welcomed BOOLEAN NOT NULL DEFAULT FALSE,
            ADD COLUMN customer_through BIGINT NOT NULL DEFAULT -1,
            ADD COLUMN turns_through BIGINT NOT NULL DEFAULT -1;
        ALTER TABLE directline_activities ADD COLUMN customer_turn BOOLEAN NOT NULL DEFAULT FALSE;
        UPDATE directline_conversations SET welcomed = started, customer_through = next_seq - 1, turns_through = next_seq - 1;
        CREATE INDEX directline_conversations_turns_due ON directline_conversations (last_activity_at)
            WHERE customer_through > turns_through OR (started AND NOT welcomed);
        """;

    public async Task<DueTurns?> ReadDueTurnsAsync(string conversationId, long through, CancellationToken cancellationToken)
    {
        // One statement, one snapshot: the cursor and the activities after it agree.
        await using var command = dataSource.CreateCommand("""
            SELECT c.started AND NOT c.welcomed,
                CASE WHEN LEAST(@through, c.customer_through) > c.turns_through THEN LEAST(@through, c.customer_through) ELSE -1 END,
                a.seq, a.json, a.customer_turn
            FROM directline_conversations AS c
            LEFT JOIN directline_activities AS a
                ON a.conversation_id = c.id AND a.seq > c.turns_through AND (NOT a.customer_turn OR a.seq <= LEAST(@through, c.customer_through))
                AND (c.started AND NOT c.welcomed OR LEAST(@through, c.customer_through) > c.turns_through)
            WHERE c.id = @id
            ORDER BY a.seq
            """);
        command.Parameters.AddWithValue("id", conversationId);
        command.Parameters.AddWithValue("through", through);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        bool? welcomeDue = null;
        long owedThrough = -1;
        var activities = new List<(long, string)>();
        var sent = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            welcomeDue = reader.GetBoolean(0);
            owedThrough = reader.GetInt64(1);
            if (reader.IsDBNull(2))
            {
                continue;
            }

            if (reader.GetBoolean(4))
            {
                activities.Add((reader.GetInt64(2), reader.GetString(3)));
            }
            else
            {
                sent.Add(reader.GetString(3));
            }
        }

        return welcomeDue is { } due ? new DueTurns(due, activities, sent, owedThrough) : null;
    }

    public async Task MarkWelcomedAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE directline_conversations SET welcomed = TRUE WHERE id = @id AND NOT welcomed");
        command.Parameters.AddWithValue("id", conversationId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task MarkTurnRanAsync(string conversationId, long sequence, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE directline_conversations SET turns_through = @seq WHERE id = @id AND turns_through < @seq");
        command.Parameters.AddWithValue("id", conversationId);
        command.Parameters.AddWithValue("seq", sequence);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> FindStalledAsync(DateTimeOffset quietSince, int limit, CancellationToken cancellationToken)
    {
        // The same condition as the partial index, so the planner uses it.
        await using var command = dataSource.CreateCommand("""
            SELECT id FROM directline_conversations
            WHERE (customer_through > turns_through OR (started AND NOT welcomed)) AND last_activity_at < @quietSince
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("quietSince", quietSince);
        command.Parameters.AddWithValue("limit", (long)limit);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
