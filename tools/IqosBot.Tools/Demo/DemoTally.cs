using System.Collections.Concurrent;

namespace IqosBot.Tools.Demo;

/// <summary>The counters every customer and the agent add to while the run goes on, from many threads.</summary>
internal sealed class DemoTally
{
    private readonly ConcurrentDictionary<string, int> _journeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private int _conversations;
    private int _messages;
    private int _accepted;
    private int _closed;
    private int _failures;
    private int _rateLimitWaits;

    public void Journey(string name) => _journeys.AddOrUpdate(name, 1, (_, count) => count + 1);

    public void Outcome(string name) => _outcomes.AddOrUpdate(name, 1, (_, count) => count + 1);

    public int ConversationPlayed() => Interlocked.Increment(ref _conversations);

    public void MessageSent() => Interlocked.Increment(ref _messages);

    public void Accepted() => Interlocked.Increment(ref _accepted);

    public void Closed() => Interlocked.Increment(ref _closed);

    public int Failed() => Interlocked.Increment(ref _failures);

    /// <summary>Returns the count so far: the first wait is the one worth a line in the log.</summary>
    public int RateLimited() => Interlocked.Increment(ref _rateLimitWaits);

    public int FailuresSoFar => Volatile.Read(ref _failures);

    public DemoTrafficSummary Summary(TimeSpan elapsed) => new()
    {
        Conversations = Volatile.Read(ref _conversations),
        MessagesSent = Volatile.Read(ref _messages),
        ByJourney = new Dictionary<string, int>(_journeys, StringComparer.Ordinal),
        Outcomes = new Dictionary<string, int>(_outcomes, StringComparer.Ordinal),
        HandoffsAccepted = Volatile.Read(ref _accepted),
        HandoffsClosed = Volatile.Read(ref _closed),
        Failures = Volatile.Read(ref _failures),
        RateLimitWaits = Volatile.Read(ref _rateLimitWaits),
        Elapsed = elapsed,
    };
}
