using Dapper;
using Npgsql;

namespace IqosBot.Insights.Postgres;

/// <summary>The insights on PostgreSQL (Storage:Provider=Postgres), shared by every instance; tables of migration step <see cref="SchemaVersion"/>.</summary>
public sealed class PostgresInsightStore : IInsightStore
{
    public const int SchemaVersion = 5;

    public const string SchemaStep = """
        CREATE TABLE insight_events (
            id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at               TIMESTAMPTZ NOT NULL,
            conversation_key TEXT COLLATE "C" NOT NULL,
            channel          TEXT NOT NULL,
            language         TEXT NOT NULL,
            kind             TEXT NOT NULL,
            name             TEXT,
            value            TEXT,
            number           DOUBLE PRECISION
        );
        -- A report's range, and retention by age.
        CREATE INDEX insight_events_at ON insight_events (at);
        -- A data-subject erasure by conversation.
        CREATE INDEX insight_events_conversation ON insight_events (conversation_key);
        CREATE TABLE insight_unanswered (
            id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at               TIMESTAMPTZ NOT NULL,
            conversation_key TEXT COLLATE "C" NOT NULL,
            language         TEXT NOT NULL,
            text             TEXT NOT NULL
        );
        CREATE INDEX insight_unanswered_at ON insight_unanswered (at);
        CREATE INDEX insight_unanswered_conversation ON insight_unanswered (conversation_key);
        """;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresInsightStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
    }

    /// <summary>Two statements however many rows: the columns go as arrays and unnest into rows.</summary>
    public async Task AppendAsync(IReadOnlyList<InsightEvent> events, IReadOnlyList<UnansweredMessage> unanswered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(unanswered);
        if (events.Count == 0 && unanswered.Count == 0)
        {
            return;
        }

        // Both tables in one transaction; one statement alone is atomic without BEGIN and COMMIT (two round trips fewer).
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = events.Count > 0 && unanswered.Count > 0 ? await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        if (events.Count > 0)
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO insight_events (at, conversation_key, channel, language, kind, name, value, number)
                SELECT * FROM unnest(@ats, @keys, @channels, @languages, @kinds, @names, @values, @numbers)
                """, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<DateTime[]>("ats", [.. events.Select(row => row.At.UtcDateTime)]));
            command.Parameters.Add(new NpgsqlParameter<string[]>("keys", [.. events.Select(row => row.ConversationKey)]));
            command.Parameters.Add(new NpgsqlParameter<string[]>("channels", [.. events.Select(row => row.Channel)]));
            command.Parameters.Add(new NpgsqlParameter<string[]>("languages", [.. events.Select(row => row.Language)]));
            command.Parameters.Add(new NpgsqlParameter<string[]>("kinds", [.. events.Select(row => row.Kind)]));
            command.Parameters.Add(new NpgsqlParameter<string?[]>("names", [.. events.Select(row => row.Name)]));
            command.Parameters.Add(new NpgsqlParameter<string?[]>("values", [.. events.Select(row => row.Value)]));
            command.Parameters.Add(new NpgsqlParameter<double?[]>("numbers", [.. events.Select(row => row.Number)]));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (unanswered.Count > 0)
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO insight_unanswered (at, conversation_key, language, text) SELECT * FROM unnest(@ats, @keys, @languages, @texts)", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<DateTime[]>("ats", [.. unanswered.Select(row => row.At.UtcDateTime)]));
            command.Parameters.Add(new NpgsqlParameter<string[]>("keys", [.. unanswered.Select(row => row.ConversationKey)]));
            command.Parameters.Add(new NpgsqlParameter<string[]>("languages", [.. unanswered.Select(row => row.Language)]));
            command.Parameters.Add(new NpgsqlParameter<string[]>("texts", [.. unanswered.Select(row => row.Text)]));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<InsightRows> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var range = new { from = from.UtcDateTime, to = to.UtcDateTime };
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<InsightEvent>();
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT at, conversation_key, channel, language, kind, name, value, number FROM insight_events WHERE at >= @from AND at < @to ORDER BY at, id LIMIT {IInsightStore.MaxEventsRead}",
            range, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add(new InsightEvent(
                    new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetDouble(7)));
            }
        }

        var unanswered = (await connection.QueryAsync<(DateTime At, string ConversationKey, string Language, string Text)>(new CommandDefinition(
            $"SELECT at, conversation_key, language, text FROM insight_unanswered WHERE at >= @from AND at < @to ORDER BY at, id LIMIT {IInsightStore.MaxUnansweredRead}",
            range, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .Select(row => new UnansweredMessage(new DateTimeOffset(DateTime.SpecifyKind(row.At, DateTimeKind.Utc)), row.ConversationKey, row.Language, row.Text)).ToList();
        return new InsightRows(events, unanswered);
    }

    public Task<int> DeleteUnansweredBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
        => DeleteBeforeAsync("insight_unanswered", cutoff, limit, cancellationToken);

    public Task<int> DeleteEventsBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
        => DeleteBeforeAsync("insight_events", cutoff, limit, cancellationToken);

    /// <summary>Deleted rows' space is reused by (auto)vacuum, as for the other tables (README, Personal data).</summary>
    public Task ReclaimAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<int> DeleteBeforeAsync(string table, DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM {table} WHERE id IN (SELECT id FROM {table} WHERE at < @cutoff ORDER BY at LIMIT @limit)",
            new { cutoff = cutoff.UtcDateTime, limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
