using Microsoft.Bot.Builder;

namespace IqosBot.Storage;

/// <summary>
/// Bot state as the SDK stores it (<see cref="IStorage"/>, with real optimistic concurrency), plus what retention
/// needs: which rows have not been written for a while, and making deleted rows unreadable. One per provider:
/// <see cref="SqliteStorage"/> (the default) and <see cref="Postgres.PostgresStorage"/> (several instances).
/// </summary>
public interface IStateStore : IStorage
{
    /// <summary>Keys last written before <paramref name="cutoff"/>, in key order after <paramref name="after"/>, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> KeysNotWrittenSinceAsync(DateTimeOffset cutoff, string after, int limit, CancellationToken cancellationToken);

    /// <summary>Whether the row of <paramref name="key"/> exists and was last written before <paramref name="cutoff"/>.</summary>
    Task<bool> NotWrittenSinceAsync(string key, DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>After deletions: what the provider does so deleted values are not left readable.</summary>
    Task ReclaimAsync(CancellationToken cancellationToken);

    /// <summary>
    /// One key's value as <see cref="IStorage.ReadAsync"/> gives it (null when nothing is stored), except that the value
    /// handed over at the key's last <see cref="WriteAndHandOverAsync"/> on this instance comes back as that same
    /// object, without reading its JSON, while the row still has the etag it was written with. Taken once.
    /// </summary>
    Task<object?> ReadHandedOverAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes one key as <see cref="IStorage.WriteAsync"/> does and keeps <paramref name="value"/> for the key's next
    /// <see cref="ReadHandedOverAsync"/> (<see cref="StateHandOver"/>): the caller gives the value up and must not change it.
    /// </summary>
    Task WriteAndHandOverAsync(string key, object value, CancellationToken cancellationToken);
}
