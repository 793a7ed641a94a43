namespace IqosBot.Handoff;

/// <summary>
/// Conversation transcripts, for the agent who takes a case over; used through <see cref="TranscriptLog"/>. Not
/// the SDK's Microsoft.Bot.Builder.ITranscriptStore: lines as agents read them, with retention of their own.
/// One per provider: <see cref="Sqlite.SqliteTranscriptStore"/> (the default) and
/// <see cref="Postgres.PostgresTranscriptStore"/> (several instances).
/// </summary>
public interface IHandoffTranscriptStore
{
    /// <summary>An agent needs the recent story, not a year of it; also bounds what one page load reads.</summary>
    const int MaxEntries = 300;

    /// <summary>Stores the lines in one transaction, in the order given: all of them or none.</summary>
    Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken);

    /// <summary>The conversation's newest <see cref="MaxEntries"/> lines, oldest first, in the order they were appended.</summary>
    Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>Deletes lines older than <paramref name="cutoff"/> unless their conversation has a case (the case keeps its story); returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Deletes the lines of these conversations written before <paramref name="cutoff"/> (their cases were deleted); returns how many.</summary>
    Task<int> DeleteConversationsBeforeAsync(IReadOnlyCollection<string> conversationKeys, DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>After deletions: what the provider does so deleted lines are not left readable.</summary>
    Task ReclaimAsync(CancellationToken cancellationToken);
}
