using System.Threading.Channels;

namespace IqosBot.Insights;

/// <summary>
/// The insights as turns and agents produce them: queued in memory (a turn pays for a queue write, never a database
/// write) and stored by a background writer in batches. The queue is bounded: when the store cannot keep up, new
/// events are dropped and counted in the log, and no customer waits for the team's statistics. A clean shutdown
/// stores what is queued; a crash loses at most the last <see cref="BatchWindow"/> of counts.
/// </summary>
public sealed partial class InsightLog : IHostedService
{
    private const int Capacity = 50_000;
    private const int MaxBatch = 5_000;

    /// <summary>Long enough to gather many turns' events into one transaction, short enough that a report is current.</summary>
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(500);

    private readonly Channel<object> _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly IInsightStore _store;
    private readonly ILogger<InsightLog> _logger;
    private Task _writer = Task.CompletedTask;
    private long _dropped;

    public InsightLog(IInsightStore store, ILogger<InsightLog> logger)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Queues an event; never blocks.</summary>
    public void Add(InsightEvent insight) => Queue(insight ?? throw new ArgumentNullException(nameof(insight)));

    /// <summary>Queues a masked unanswered message; never blocks.</summary>
    public void Add(UnansweredMessage message) => Queue(message ?? throw new ArgumentNullException(nameof(message)));

    /// <summary>
    /// Stores what was queued when it was called (before a report, so it includes the last seconds), in batches. Not
    /// what arrives meanwhile: under load the queue never empties, and chasing it would turn one batch per half
    /// second into a transaction per handful of events.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var left = _queue.Reader.Count;
            int written;
            do
            {
                written = await WriteBatchAsync(Math.Min(left, MaxBatch), cancellationToken).ConfigureAwait(false);
                left -= written;
            }
            while (left > 0 && written > 0);
        }
        finally
        {
            _writing.Release();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writer = Task.Run(() => WriteInBackgroundAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _writer.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for events: expected.
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Queue(object item)
    {
        if (!_queue.Writer.TryWrite(item) && Interlocked.Increment(ref _dropped) % 1000 == 1)
        {
            LogDropped(_logger, Interlocked.Read(ref _dropped));
        }
    }

    private async Task WriteInBackgroundAsync(CancellationToken stoppingToken)
    {
        while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            await Task.Delay(BatchWindow, stoppingToken).ConfigureAwait(false);
            try
            {
                await FlushAsync(stoppingToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failed batch is logged and dropped: statistics must never stop the bot or grow without bound.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogWriteFailed(_logger, exception);
            }
        }
    }

    /// <summary>Up to <paramref name="size"/> items from the queue into the store; how many (0 when it was empty). Called with <see cref="_writing"/> held.</summary>
    private async Task<int> WriteBatchAsync(int size, CancellationToken cancellationToken)
    {
        var events = new List<InsightEvent>(size);
        var unanswered = new List<UnansweredMessage>();
        while (events.Count + unanswered.Count < size && _queue.Reader.TryRead(out var item))
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
