using Dapper;
using IqosBot.Storage;
using Microsoft.Data.Sqlite;

namespace IqosBot.Insights.Sqlite;

/// <summary>The insights in their own SQLite file (<see cref="InsightDatabase"/>).</summary>
public sealed class SqliteInsightStore : IInsightStore
{
    private readonly InsightDatabase _database;

    public SqliteInsightStore(InsightDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
    }

    /// <summary>
    /// One transaction, and a multi-row INSERT per <see cref="RowsPerStatement"/> rows on statements prepared once: a
    /// batch of many turns costs a few statements (bench/ measured a statement per row, through Dapper, as a tenth of
    /// a registration turn's CPU).
    /// </summary>
    public async Task AppendAsync(IReadOnlyList<InsightEvent> events, IReadOnlyList<UnansweredMessage> unanswered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(unanswered);
        if (events.Count == 0 && unanswered.Count == 0)
        {
            return;
        }

        await _database.WithWriterAsync(async session =>
        {
            await using var transaction = (SqliteTransaction)await session.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var chunk in events.Chunk(RowsPerStatement))
            {
                var command = session.Command(InsertSql(EventsInsert, chunk.Length), transaction);
                for (var row = 0; row < chunk.Length; row++)
                {
                    var e = chunk[row];
                    Add(command, row, e.At.ToUnixTimeMilliseconds(), e.ConversationKey, e.Channel, e.Language, e.Kind, e.Name, e.Value, e.Number);
                }

                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var chunk in unanswered.Chunk(RowsPerStatement))
            {
                var command = session.Command(InsertSql(UnansweredInsert, chunk.Length), transaction);
                for (var row = 0; row < chunk.Length; row++)
                {
                    var message = chunk[row];
                    Add(command, row, message.At.ToUnixTimeMilliseconds(), message.ConversationKey, message.Language, message.Text);
                }

                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    private const int RowsPerStatement = 100;

    private const string EventsInsert = "INSERT INTO insight_events (at, conversation_key, channel, language, kind, name, value, number) VALUES ";

    private const string UnansweredInsert = "INSERT INTO insight_unanswered (at, conversation_key, language, text) VALUES ";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, int), string> InsertStatements = new();

    /// <summary>The insert with <paramref name="rows"/> rows of as many parameters as the table's columns ($p0_0, $p0_1, …).</summary>
    private static string InsertSql(string insert, int rows)
        => InsertStatements.GetOrAdd((insert, rows), static key =>
        {
            var columns = key.Item1[(key.Item1.IndexOf('(', StringComparison.Ordinal) + 1)..key.Item1.IndexOf(')', StringComparison.Ordinal)].Split(',').Length;
            return key.Item1 + string.Join(", ", Enumerable.Range(0, key.Item2).Select(row =>
                "(" + string.Join(", ", Enumerable.Range(0, columns).Select(column => $"$p{row}_{column}")) + ")"));
        });

    private static void Add(SqliteCommand command, int row, params object?[] values)
    {
        for (var column = 0; column < values.Length; column++)
        {
            command.Parameters.AddWithValue($"$p{row}_{column}", values[column] ?? DBNull.Value);
        }
    }

    public async Task<InsightRows> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var range = new { from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds() };
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<InsightEvent>();
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT at, conversation_key, channel, language, kind, name, value, number FROM insight_events WHERE at >= @from AND at < @to ORDER BY at, id LIMIT {IInsightStore.MaxEventsRead}",
            range, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add(new InsightEvent(
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetDouble(7)));
            }
        }

        var unanswered = (await connection.QueryAsync<(long At, string ConversationKey, string Language, string Text)>(new CommandDefinition(
            $"SELECT at, conversation_key, language, text FROM insight_unanswered WHERE at >= @from AND at < @to ORDER BY at, id LIMIT {IInsightStore.MaxUnansweredRead}",
            range, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .Select(row => new UnansweredMessage(DateTimeOffset.FromUnixTimeMilliseconds(row.At), row.ConversationKey, row.Language, row.Text)).ToList();
        return new InsightRows(events, unanswered);
    }

    public Task<int> DeleteUnansweredBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
        => DeleteBeforeAsync("insight_unanswered", cutoff, limit, cancellationToken);

    public Task<int> DeleteEventsBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
        => DeleteBeforeAsync("insight_events", cutoff, limit, cancellationToken);

    public Task ReclaimAsync(CancellationToken cancellationToken) => _database.ReclaimAsync(cancellationToken);

    private Task<int> DeleteBeforeAsync(string table, DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
        => _database.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM {table} WHERE id IN (SELECT id FROM {table} WHERE at < @cutoff ORDER BY at LIMIT @limit)",
            new { cutoff = cutoff.ToUnixTimeMilliseconds(), limit },
            cancellationToken: cancellationToken)), cancellationToken);
}
