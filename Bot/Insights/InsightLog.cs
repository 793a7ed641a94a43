using System.Threading.Channels;

namespace IqosBot.Insights;

/// <summary>
/// The insights as turns and agents produce them: queued in memory (a turn pays for a queue write, never a database
/// write) and stored by a background writer in batches. The queue is bounded: when the store cannot keep up, new
/// events are dropped and counted in the log, and no customer waits for the team's statistics. A clean shutdown
/// stores what is queued; a crash loses at most the last <see cref="BatchWindow"/> of counts.
/// </summary>
public sealed partial class InsightLog : Hosting.BatchingWriter<object>
{
    private const int Capacity = 50_000;
    private const int MaxBatch = 5_000;

    private readonly IInsightStore _store;
    private readonly ILogger<InsightLog> _logger;
    private long _dropped;

    public InsightLog(IInsightStore store, ILogger<InsightLog> logger)
        : base(Channel.CreateBounded<object>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite }))
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Long enough to gather many turns' events into one transaction, short enough that a report is current.</summary>
    protected override TimeSpan BatchWindow => TimeSpan.FromMilliseconds(500);

    /// <summary>Queues an event; never blocks.</summary>
    public void Add(InsightEvent insight) => Enqueue(insight ?? throw new ArgumentNullException(nameof(insight)));

    /// <summary>Queues a masked unanswered message; never blocks.</summary>
    public void Add(UnansweredMessage message) => Enqueue(message ?? throw new ArgumentNullException(nameof(message)));

    /// <summary>
    /// Stores what was queued when it was called (before a report, so it includes the last seconds), in batches. Not
    /// what arrives meanwhile: under load the queue never empties, and chasing it would turn one batch per half
    /// second into a transaction per handful of events.
    /// </summary>
    protected override async Task WriteQueuedAsync(CancellationToken cancellationToken)
    {
        var left = Queue.Reader.Count;
        int written;
        do
        {
            written = await WriteBatchAsync(Math.Min(left, MaxBatch), cancellationToken).ConfigureAwait(false);
            left -= written;
        }
        while (left > 0 && written > 0);
    }

    protected override void OnWriteFailed(Exception exception) => LogWriteFailed(_logger, exception);

    private void Enqueue(object item)
    {
        if (!Queue.Writer.TryWrite(item) && Interlocked.Increment(ref _dropped) % 1000 == 1)
        {
            LogDropped(_logger, Interlocked.Read(ref _dropped));
        }
    }

    /// <summary>Up to <paramref name="size"/> items from the queue into the store; how many (0 when it was empty).</summary>
    private async Task<int> WriteBatchAsync(int size, CancellationToken cancellationToken)
    {
        var events = new List<InsightEvent>(size);
        var unanswered = new List<UnansweredMessage>();
        while (events.Count + unanswered.Count < size && Queue.Reader.TryRead(out var item))
        {
            if (item is InsightEvent insight)
            {
                events.Add(insight);
            }
            else
            {
                unanswered.Add((UnansweredMessage)item);
            }
        }

        if (events.Count + unanswered.Count == 0)
        {
            return 0;
        }

        await _store.AppendAsync(events, unanswered, cancellationToken).ConfigureAwait(false);
        return events.Count + unanswered.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Insight events are arriving faster than they can be stored; {Dropped} dropped so far")]
    private static partial void LogDropped(ILogger logger, long dropped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store a batch of insight events")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);
}
