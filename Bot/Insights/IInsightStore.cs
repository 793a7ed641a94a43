namespace IqosBot.Insights;

/// <summary>
/// The insights' events and unanswered messages, one implementation per storage provider:
/// <see cref="Sqlite.SqliteInsightStore"/> (a file beside the state database) and <see cref="Postgres.PostgresInsightStore"/>.
/// Written in batches by <see cref="InsightLog"/>, never on a turn's path.
/// </summary>
public interface IInsightStore
{
    /// <summary>The most events one report reads: a year of a busy bot's counts, not more (about 100 MB at most).</summary>
    const int MaxEventsRead = 1_000_000;

    /// <summary>The most unanswered messages one report reads.</summary>
    const int MaxUnansweredRead = 20_000;

    /// <summary>Stores both lists in one transaction.</summary>
    Task AppendAsync(IReadOnlyList<InsightEvent> events, IReadOnlyList<UnansweredMessage> unanswered, CancellationToken cancellationToken);

    /// <summary>What happened from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), oldest first, up to the limits above.</summary>
    Task<InsightRows> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="limit"/> unanswered messages from before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteUnansweredBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="limit"/> events from before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteEventsBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken);

    /// <summary>After deletions: what the provider does so deleted text is not left readable.</summary>
    Task ReclaimAsync(CancellationToken cancellationToken);
}
