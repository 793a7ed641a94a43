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

    /// <summary>One transaction for the batch, each row through an INSERT prepared once (<see cref="SqliteRowInserts"/>).</summary>
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
            await SqliteRowInserts.InsertAsync(session, transaction, EventsInsert, 8, events, static (e, values) =>
            {
                values[0] = e.At.ToUnixTimeMilliseconds();
                values[1] = e.ConversationKey;
                values[2] = e.Channel;
                values[3] = e.Language;
                values[4] = e.Kind;
                values[5] = e.Name;
                values[6] = e.Value;
                values[7] = e.Number;
            }, cancellationToken).ConfigureAwait(false);
            await SqliteRowInserts.InsertAsync(session, transaction, UnansweredInsert, 4, unanswered, static (message, values) =>
            {
                values[0] = message.At.ToUnixTimeMilliseconds();
                values[1] = message.ConversationKey;
                values[2] = message.Language;
                values[3] = message.Text;
            }, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static readonly string EventsInsert =
        "INSERT INTO insight_events (at, conversation_key, channel, language, kind, name, value, number) VALUES " + SqliteRowInserts.ValuesClause(8);

    private static readonly string UnansweredInsert =
        "INSERT INTO insight_unanswered (at, conversation_key, language, text) VALUES " + SqliteRowInserts.ValuesClause(4);

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
