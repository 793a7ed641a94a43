using System.Globalization;

namespace IqosBot.DirectLine;

/// <summary>
/// Which turns a conversation still owes its customer: <c>customer_through</c> is the newest customer activity kept,
/// <c>turns_through</c> the newest whose turn ran, <c>welcomed</c> whether the welcome's did. A partial index holds
/// only conversations that owe something, so looking for stalled ones stays cheap however many there are.
/// </summary>
public sealed partial class SqliteDirectLineStore
{
    /// <summary>Files made before turns were tracked: everything in them counts as answered.</summary>
    private const string TurnsSchemaStep = """
        ALTER TABLE directline_conversations ADD COLUMN welcomed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE directline_conversations ADD COLUMN customer_through INTEGER NOT NULL DEFAULT -1;
        ALTER TABLE directline_conversations ADD COLUMN turns_through INTEGER NOT NULL DEFAULT -1;
        ALTER TABLE directline_activities ADD COLUMN customer_turn INTEGER NOT NULL DEFAULT 0;
        UPDATE directline_conversations SET welcomed = started, customer_through = next_seq - 1, turns_through = next_seq - 1;
        CREATE INDEX directline_conversations_turns_due ON directline_conversations (last_activity_at)
            WHERE customer_through > turns_through OR (started = 1 AND welcomed = 0);
        """;

    public Task<DueTurns?> ReadDueTurnsAsync(string conversationId, long through, CancellationToken cancellationToken)
        => _file.WithReaderAsync(session => ReadDueTurnsAsync(session, conversationId, through, cancellationToken), cancellationToken);

    private static async Task<DueTurns?> ReadDueTurnsAsync(Storage.SqliteSession session, string conversationId, long through, CancellationToken cancellationToken)
    {
        await using var transaction = session.Connection.BeginTransaction(deferred: true);
        var state = session.Command("SELECT started = 1 AND welcomed = 0, turns_through, customer_through FROM directline_conversations WHERE id = $id", transaction);
        state.Parameters.AddWithValue("$id", conversationId);
        bool welcomeDue;
        long after;
        long last;
        await using (var reader = await state.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            (welcomeDue, after, last) = (reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2));
        }

        var activities = new List<(long, string)>();
        var sent = new List<string>();
        if (welcomeDue || Math.Min(through, last) > after)
        {
            var command = session.Command("SELECT seq, json, customer_turn FROM directline_activities WHERE conversation_id = $id AND seq > $after ORDER BY seq", transaction);
            command.Parameters.AddWithValue("$id", conversationId);
            command.Parameters.AddWithValue("$after", after);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var sequence = reader.GetInt64(0);
                if (reader.GetInt64(2) == 0)
                {
                    sent.Add(reader.GetString(1));
                }
                else if (sequence <= through)
                {
                    activities.Add((sequence, reader.GetString(1)));
                }
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new DueTurns(welcomeDue, activities, sent, Math.Min(through, last) > after ? Math.Min(through, last) : -1);
    }

    public Task MarkWelcomedAsync(string conversationId, CancellationToken cancellationToken)
        => ExecuteAsync("UPDATE directline_conversations SET welcomed = 1 WHERE id = $id AND welcomed = 0", conversationId, null, cancellationToken);

    public Task MarkTurnRanAsync(string conversationId, long sequence, CancellationToken cancellationToken)
        => ExecuteAsync("UPDATE directline_conversations SET turns_through = $seq WHERE id = $id AND turns_through < $seq", conversationId, sequence, cancellationToken);

    public async Task<IReadOnlyList<string>> FindStalledAsync(DateTimeOffset quietSince, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        // The same condition as the partial index, word for word, so SQLite uses it.
        command.CommandText = """
            SELECT id FROM directline_conversations
            WHERE (customer_through > turns_through OR (started = 1 AND welcomed = 0)) AND last_activity_at < $quietSince
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$quietSince", quietSince.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$limit", limit);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>One statement, in a transaction shared with the other writes of the moment (<see cref="SqliteFile.WriteInGroupAsync"/>).</summary>
    private Task ExecuteAsync(string sql, string conversationId, long? sequence, CancellationToken cancellationToken)
        => _file.WriteInGroupAsync(
            async (session, transaction) =>
            {
                var command = session.Command(sql, transaction);
                command.Parameters.AddWithValue("$id", conversationId);
                if (sequence is { } value)
                {
                    command.Parameters.AddWithValue("$seq", value);
                }

                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            oneStatement: true,
            cancellationToken);
}
