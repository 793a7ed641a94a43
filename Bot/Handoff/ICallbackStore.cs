namespace IqosBot.Handoff;

/// <summary>
/// Callback tickets: customers who asked to be called back while customer care was closed. One per provider:
/// <see cref="Sqlite.SqliteCallbackStore"/> (the default) and <see cref="Postgres.PostgresCallbackStore"/> (several instances).
/// </summary>
public interface ICallbackStore
{
    /// <summary>
    /// Stores the ticket unless its conversation already has <paramref name="maxOpen"/> open ones, so one
    /// conversation cannot fill the agents' list; false when it was not stored. The limit holds even when
    /// several requests of one conversation race, on one instance or on several.
    /// </summary>
    Task<bool> TryCreateAsync(CallbackTicket ticket, int maxOpen, CancellationToken cancellationToken);

    /// <summary>Open tickets, oldest first (then by id): the order to call back in.</summary>
    Task<IReadOnlyList<CallbackTicket>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>An open ticket becomes done by <paramref name="agent"/>; false when it is unknown or done already (only one of two agents wins).</summary>
    Task<bool> TryMarkDoneAsync(string id, string agent, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="limit"/> tickets marked done before <paramref name="cutoff"/>, oldest first, phone number and all; returns how many.</summary>
    Task<int> DeleteDoneBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken);
}
