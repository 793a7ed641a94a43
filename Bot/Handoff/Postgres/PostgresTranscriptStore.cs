using Dapper;
using Npgsql;

namespace IqosBot.Handoff.Postgres;

/// <summary>
/// Conversation transcripts on PostgreSQL (Storage:Provider=Postgres), in the same database as the cases, so
/// retention can spare conversations with a case in one statement.
/// </summary>
public sealed class PostgresTranscriptStore : IHandoffTranscriptStore
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresTranscriptStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        DapperMapping.EnsureConfigured();
    }

    /// <inheritdoc/>
    /// <remarks>
    /// One statement however many lines: the columns go as arrays and unnest into rows, in the order given
    /// (the identity numbers them in that order, and reading orders by it).
    /// </remarks>
    public async Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await using var command = _dataSource.CreateCommand(
            """
            INSERT INTO transcript_entries (conversation_key, at, sender, sender_name, text)
            SELECT line.conversation_key, line.at, line.sender, line.sender_name, line.text
            FROM unnest(@keys, @ats, @senders, @names, @texts) WITH ORDINALITY AS line (conversation_key, at, sender, sender_name, text, number)
            ORDER BY line.number
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", entries.Select(entry => entry.ConversationKey).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("ats", entries.Select(entry => entry.At.UtcDateTime).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("senders", entries.Select(entry => entry.Sender).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("names", entries.Select(entry => entry.SenderName).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("texts", entries.Select(entry => entry.Text).ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<TranscriptEntry>(new CommandDefinition(
            $"""
            SELECT conversation_key, at, sender, sender_name, text FROM (
                SELECT id, conversation_key, at, sender, sender_name, text FROM transcript_entries
                WHERE conversation_key = @conversationKey ORDER BY id DESC LIMIT {IHandoffTranscriptStore.MaxEntries}) AS latest
            ORDER BY id
            """,
            new { conversationKey },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows];
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            """
            DELETE FROM transcript_entries AS line
            WHERE line.at < @cutoff
              AND NOT EXISTS (SELECT 1 FROM handoff_cases WHERE handoff_cases.conversation_key = line.conversation_key)
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("cutoff", cutoff.ToUniversalTime()));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> DeleteConversationsBeforeAsync(IReadOnlyCollection<string> conversationKeys, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKeys);
        if (conversationKeys.Count == 0)
        {
            return 0;
        }

        await using var command = _dataSource.CreateCommand("DELETE FROM transcript_entries WHERE conversation_key = ANY(@keys) AND at < @cutoff");
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", [.. conversationKeys]));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("cutoff", cutoff.ToUniversalTime()));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// PostgreSQL reuses the space of deleted rows through (auto)vacuum; the operator's backups and WAL archive
    /// follow their own retention (as for <see cref="Storage.Postgres.PostgresStorage.ReclaimAsync"/>).
    /// </summary>
    public Task ReclaimAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
