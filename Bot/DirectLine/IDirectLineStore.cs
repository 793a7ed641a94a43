namespace IqosBot.DirectLine;

/// <summary>A Direct Line conversation as stored: its user, locale, whether the bot was told it started.</summary>
public sealed record DirectLineConversationRecord(string Id, string UserId, string? UserName, string? Locale, bool Started)
{
    /// <summary>The row of <c>SELECT id, user_id, user_name, locale, started</c>, in either provider (started is 0/1 in SQLite, a boolean in PostgreSQL).</summary>
    public static DirectLineConversationRecord Read(System.Data.Common.DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new DirectLineConversationRecord(
            reader.GetString(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            Convert.ToBoolean(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Stored activities (JSON as clients see them) with their sequence numbers, and the sequence number the next activity will get.</summary>
public sealed record ActivityPage(IReadOnlyList<(long Sequence, string Json)> Activities, long NextSequence)
{
    /// <summary>The watermark a client continues from: after the last activity read when the page was cut short, else the conversation's next.</summary>
    public long Watermark(int limit) => Activities.Count >= limit ? Activities[^1].Sequence + 1 : NextSequence;
}

/// <summary>What an appended activity is to the log: only numbered (typing), kept, or kept and owed the bot's turn (a customer's).</summary>
public enum LogEntry
{
    /// <summary>Takes a number and goes to the sockets; not kept (typing).</summary>
    Typing,

    /// <summary>Kept: the bot's or an agent's activity.</summary>
    Kept,

    /// <summary>Kept, and the bot owes it a turn until <see cref="IDirectLineStore.MarkTurnRanAsync"/> says it ran.</summary>
    CustomerTurn,
}

/// <summary>
/// The turns a conversation still owes its customer, oldest first: its welcome when that never ran, then the customer's
/// kept activities after the last one whose turn ran. <paramref name="Sent"/>: every other activity kept since that
/// one (the bot's and agents'), in order, so a turn cut off half-way can tell which of its replies already went out.
/// <paramref name="OwedThrough"/>: the newest customer activity owed a turn, up to the one asked for (-1: none); when it is not
/// among <paramref name="Activities"/> (the log no longer holds it: the cap, an erasure), marking it ran settles it.
/// </summary>
public sealed record DueTurns(bool WelcomeDue, IReadOnlyList<(long Sequence, string Json)> Activities, IReadOnlyList<string> Sent, long OwedThrough);

/// <summary>
/// Direct Line conversations and their activity logs: a SQLite file for one instance, PostgreSQL for several
/// (Storage:Provider). The store, not the process, numbers every activity and stamps its time, so instances
/// sharing it never hand out the same watermark or an earlier time after a later one.
/// </summary>
public interface IDirectLineStore
{
    /// <summary>Creates the conversation, or leaves an existing one as it is. Returns whether it was created.</summary>
    Task<bool> CreateAsync(string id, string userId, string? userName, string? locale, CancellationToken cancellationToken);

    Task<DirectLineConversationRecord?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Marks the conversation started, with the locale the client asked for. True only for the one caller, on any instance, that did it.</summary>
    Task<bool> TryMarkStartedAsync(string id, string? locale, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the conversation's next activity its sequence number and a timestamp later than every earlier
    /// one's, lets <paramref name="render"/> turn them into the JSON clients see, and stores it unless it is
    /// <see cref="LogEntry.Typing"/> (which only advances the numbers), all in one transaction, so no reader ever
    /// sees a number handed out whose activity is missing; the oldest beyond the cap go. A
    /// <see cref="LogEntry.CustomerTurn"/> is owed the bot's turn from the same commit on.
    /// Throws <see cref="KeyNotFoundException"/> when the conversation does not exist.
    /// </summary>
    Task<(long Sequence, string Json)> AppendAsync(string conversationId, Func<long, DateTimeOffset, string> render, LogEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="AppendAsync"/> for a customer's activity posted under <paramref name="clientActivityId"/>: when the
    /// newest activities (<see cref="ClientActivityRetry.Window"/>) already hold it, this is the client's retry and
    /// nothing is appended; the stored one is returned with <c>Appended</c> false. Decided under the same lock as the
    /// append, so a retry racing its original on another instance is stored once.
    /// </summary>
    Task<(long Sequence, string Json, bool Appended)> AppendOnceAsync(string conversationId, string clientActivityId, Func<long, DateTimeOffset, string> render, CancellationToken cancellationToken);

    /// <summary>
    /// The turns the conversation owes (<see cref="DueTurns"/>), the customer's activities numbered up to
    /// <paramref name="through"/> only. Read by whoever holds the conversation's turn lock, so every instance runs
    /// them in the log's order, including those an instance took and died before answering. Null when the
    /// conversation does not exist.
    /// </summary>
    Task<DueTurns?> ReadDueTurnsAsync(string conversationId, long through, CancellationToken cancellationToken);

    /// <summary>The welcome's turn ran (the conversation must have been started).</summary>
    Task MarkWelcomedAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The turns of the customer's activities up to <paramref name="sequence"/> ran; never moves back.</summary>
    Task MarkTurnRanAsync(string conversationId, long sequence, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> conversations that still owe a turn and have had nothing appended since
    /// <paramref name="quietSince"/>: the instance that took their activity stopped before running it.
    /// </summary>
    Task<IReadOnlyList<string>> FindStalledAsync(DateTimeOffset quietSince, int limit, CancellationToken cancellationToken);

    /// <summary>Replaces a stored activity (the bot updated it). Returns its sequence number, or null when it is not stored.</summary>
    Task<long?> ReplaceAsync(string conversationId, string activityId, string json, CancellationToken cancellationToken);

    Task DeleteAsync(string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>
    /// At most <paramref name="limit"/> stored activities from <paramref name="from"/> on, in order, and the next
    /// sequence number as it was before they were read (so every number below it is either in the page, pruned,
    /// or typing). Null when the conversation does not exist.
    /// </summary>
    Task<ActivityPage?> ReadPageAsync(string conversationId, long from, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="batch"/> conversations whose last activity is older than <paramref name="cutoff"/>, with their activities; returns how many went.</summary>
    Task<int> DeleteIdleAsync(DateTimeOffset cutoff, int batch, CancellationToken cancellationToken);

    /// <summary>After deletions: whatever the store needs to stop keeping the deleted bytes around.</summary>
    Task ReclaimAsync(CancellationToken cancellationToken);
}
