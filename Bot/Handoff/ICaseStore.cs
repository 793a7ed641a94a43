namespace IqosBot.Handoff;

/// <summary>
/// Handoff cases: the queue (the cases still waiting), who owns which chat, and the rating. One per provider:
/// <see cref="Sqlite.SqliteCaseStore"/> (the default) and <see cref="Postgres.PostgresCaseStore"/> (several instances).
/// Every change of owner or status is conditional and decided by the database, never in process memory: when
/// several callers, on one instance or on several, try the same change at once, exactly one succeeds and the
/// others get false. A case that ended (closed, left) is never reopened.
/// </summary>
public interface ICaseStore
{
    /// <summary>The resolution note of a chat the customer ended; agents read it in the console.</summary>
    const string EndedByCustomerNote = "Kunden avslutade chatten.";

    /// <summary>
    /// Stores a new case; a waiting console case joins the end of the queue and its 1-based place there is
    /// returned (null otherwise: a contact centre keeps its own queue). The place is counted before the write:
    /// two customers joining at the same instant may both hear the same number, and the next change of the
    /// queue announces the right ones.
    /// </summary>
    Task<int?> CreateAsync(HandoffCase record, CancellationToken cancellationToken);

    /// <summary>The case, or null when there is none with this id.</summary>
    Task<HandoffCase?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The queue: waiting console cases, first come first served (by the time they were queued, then by id).</summary>
    Task<IReadOnlyList<HandoffCase>> ListWaitingAsync(CancellationToken cancellationToken);

    /// <summary>The case's 1-based place among the waiting cases of its mode, in <see cref="ListWaitingAsync"/>'s order; null when it is not waiting.</summary>
    Task<int?> PositionAsync(string id, CancellationToken cancellationToken);

    /// <summary>The active cases <paramref name="owner"/> has, in the order they were accepted.</summary>
    Task<IReadOnlyList<HandoffCase>> ListActiveAsync(string owner, CancellationToken cancellationToken);

    /// <summary>A waiting case becomes <paramref name="owner"/>'s. Two agents accepting it at once: exactly one gets true.</summary>
    Task<bool> TryAcceptAsync(string id, string owner, string ownerName, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Only the owner closes an active case, with a resolution note.</summary>
    Task<bool> TryCloseAsync(string id, string owner, string note, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The customer ended an active chat (the agent was away, or they were done); the note is <see cref="EndedByCustomerNote"/> unless one was set.</summary>
    Task<bool> TryEndByCustomerAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The customer left before anyone accepted (or the contact centre could not take them): waiting → left.</summary>
    Task<bool> TryLeaveAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// From its owner <paramref name="from"/> to another agent, or back to the queue (<paramref name="to"/> null),
    /// keeping its place there (the time it was first queued) and forgetting the announced position.
    /// </summary>
    Task<bool> TryTransferAsync(string id, string from, string? to, string? toName, CancellationToken cancellationToken);

    /// <summary>A contact centre said it accepted (→ active, accepted now) or finished (→ closed now) a conversation; it has no owner here.</summary>
    Task<bool> TrySetStatusAsync(string id, string fromStatus, string toStatus, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The queue position last told to the customer, kept only while the case waits.</summary>
    Task<bool> SetAnnouncedPositionAsync(string id, int position, CancellationToken cancellationToken);

    /// <summary>Only a closed case can be rated, and only once, however many ratings arrive at once.</summary>
    Task<bool> TryRateAsync(string id, int rating, string? comment, CancellationToken cancellationToken);

    /// <summary>The mean minutes from accept to close over the last 20 closed console chats, or null while there are fewer than 5.</summary>
    Task<double?> AverageHandleMinutesAsync(CancellationToken cancellationToken);

    /// <summary>The conversations whose case is still waiting or with an agent: their state is not expired.</summary>
    Task<IReadOnlySet<string>> OpenConversationKeysAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes at most <paramref name="limit"/> cases that ended (closed, left, or finished by a contact centre)
    /// before <paramref name="cutoff"/>, oldest first, with their description, notes and rating; returns their
    /// conversations (one per case deleted). Waiting and active cases are never deleted.
    /// </summary>
    Task<IReadOnlyList<string>> DeleteEndedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken);
}
