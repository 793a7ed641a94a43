using Dapper;

namespace IqosBot.Handoff;

/// <summary>Conversation transcripts in the state database, for the agent who takes a case over.</summary>
public sealed class TranscriptStore
{
    /// <summary>An agent needs the recent story, not a year of it; also bounds what one page load reads.</summary>
    public const int MaxEntries = 300;

    private readonly HandoffDatabase _database;

    public TranscriptStore(HandoffDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        SqliteMapping.EnsureConfigured();
    }

    /// <summary>All entries of one turn in one transaction: one write per turn however many replies.</summary>
    public async Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO transcript_entries (conversation_key, at, sender, sender_name, text) VALUES (@ConversationKey, @At, @Sender, @SenderName, @Text)",
            entries,
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The latest <see cref="MaxEntries"/> entries, oldest first.</summary>
    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<TranscriptEntry>(new CommandDefinition(
            $"""
            SELECT conversation_key, at, sender, sender_name, text FROM (
                SELECT id, conversation_key, at, sender, sender_name, text FROM transcript_entries
                WHERE conversation_key = @conversationKey ORDER BY id DESC LIMIT {MaxEntries})
            ORDER BY id
            """,
            new { conversationKey },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows];
    }

    /// <summary>Deletes transcripts older than <paramref name="cutoff"/> unless their conversation has a case (the case keeps its story).</summary>
    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM transcript_entries WHERE at < @cutoff AND conversation_key NOT IN (SELECT conversation_key FROM handoff_cases)",
            new { cutoff = SqliteMapping.Text(cutoff) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
