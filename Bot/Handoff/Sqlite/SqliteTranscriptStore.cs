using Dapper;

namespace IqosBot.Handoff.Sqlite;

/// <summary>Conversation transcripts in their own SQLite file (<see cref="TranscriptDatabase"/>).</summary>
public sealed class SqliteTranscriptStore : IHandoffTranscriptStore
{
    private static readonly string InsertSql =
        "INSERT INTO transcript_entries (conversation_key, at, sender, sender_name, text) VALUES " + IqosBot.Storage.SqliteRowInserts.ValuesClause(5);

    private readonly TranscriptDatabase _database;
    private readonly HandoffDatabase _cases;

    public SqliteTranscriptStore(TranscriptDatabase database, HandoffDatabase cases)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _cases = cases ?? throw new ArgumentNullException(nameof(cases));
        DapperMapping.EnsureConfigured();
    }

    /// <summary>All entries of one turn in one transaction (shared with other turns' at the same moment): one write per turn however many replies.</summary>
    public async Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await _database.WriteInGroupAsync(async (session, transaction) =>
        {
            await IqosBot.Storage.SqliteRowInserts.InsertAsync(session, transaction, InsertSql, 5, entries, static (entry, values) =>
            {
                values[0] = entry.ConversationKey;
                values[1] = DapperMapping.Text(entry.At);
                values[2] = entry.Sender;
                values[3] = entry.SenderName;
                values[4] = entry.Text;
            }, cancellationToken).ConfigureAwait(false);
            return entries.Count;
        }, oneStatement: entries.Count == 1, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<TranscriptEntry>(new CommandDefinition(
            $"""
            SELECT conversation_key, at, sender, sender_name, text FROM (
                SELECT id, conversation_key, at, sender, sender_name, text FROM transcript_entries
                WHERE conversation_key = @conversationKey ORDER BY id DESC LIMIT {IHandoffTranscriptStore.MaxEntries})
            ORDER BY id
            """,
            new { conversationKey },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows];
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        return await _database.WriteAsync(async connection =>
        {
            // The cases are in the state database: attach it for this one statement.
            await connection.ExecuteAsync(new CommandDefinition("ATTACH DATABASE @path AS state", new { path = _cases.Path }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            try
            {
                return await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM transcript_entries WHERE at < @cutoff AND conversation_key NOT IN (SELECT conversation_key FROM state.handoff_cases)",
                    new { cutoff = DapperMapping.Text(cutoff) },
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            finally
            {
                await connection.ExecuteAsync(new CommandDefinition("DETACH DATABASE state", cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<int> DeleteConversationsBeforeAsync(IReadOnlyCollection<string> conversationKeys, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKeys);
        if (conversationKeys.Count == 0)
        {
            return Task.FromResult(0);
        }

        return _database.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM transcript_entries WHERE conversation_key IN @keys AND at < @cutoff",
            new { keys = conversationKeys, cutoff = DapperMapping.Text(cutoff) },
            cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>Zeroes freed space and empties the write-ahead log of the transcripts file.</summary>
    public Task ReclaimAsync(CancellationToken cancellationToken) => _database.ReclaimAsync(cancellationToken);
}
