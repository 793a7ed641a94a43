using System.Threading.Channels;

namespace IqosBot.Handoff;

/// <summary>
/// The transcripts as the rest of the bot uses them. A customer's turn only queues its lines (no
/// database write on the turn's path: one writer per file, and the state save is already waiting for
/// it); a background writer stores them in batches. Every read and every immediate write first stores
/// whatever is queued, so an agent never reads a transcript that misses a line, and lines keep their order.
/// With several instances on PostgreSQL that holds for this instance's lines; another instance's queued lines
/// arrive with its next batch, within <see cref="BatchWindow"/> and a write.
/// </summary>
public sealed class TranscriptLog : IHostedService
{
    /// <summary>Long enough to gather the lines of many turns under load, short enough that an idle log is written at once.</summary>
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(20);

    private readonly Channel<TranscriptEntry> _queue = Channel.CreateUnbounded<TranscriptEntry>(new UnboundedChannelOptions { SingleReader = false });
    // Neither is disposed: no wait handles or timers behind them, and a host may stop the log after the
    // container has begun disposing (a flush then must still work).
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly IHandoffTranscriptStore _store;
    private readonly ILogger<TranscriptLog> _logger;
    private Task _writer = Task.CompletedTask;

    public TranscriptLog(IHandoffTranscriptStore store, ILogger<TranscriptLog> logger)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Queues lines for the background writer; never blocks.</summary>
    public void Add(IReadOnlyList<TranscriptEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            _queue.Writer.TryWrite(entry);
        }
    }

    /// <summary>Stores lines now, after everything queued before them (an agent's message, which the agent's own request waits for).</summary>
    public async Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteQueuedAsync(cancellationToken).ConfigureAwait(false);
            await _store.AppendAsync(entries, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>The conversation's latest lines, including any still queued.</summary>
    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        return await _store.ReadAsync(conversationKey, cancellationToken).ConfigureAwait(false);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteQueuedAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>Stops the background writer and stores what is left, so a clean shutdown loses no line.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _writer.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for lines: expected.
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
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
#pragma warning disable CA1031 // A failed batch is logged; the customer's chat goes on, and the next batch is tried anew.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                _logger.LogWarning(exception, "Could not store transcript lines");
            }
        }
    }

    /// <summary>Drains the queue into one transaction; called with <see cref="_writing"/> held.</summary>
    private async Task WriteQueuedAsync(CancellationToken cancellationToken)
    {
        var batch = new List<TranscriptEntry>();
        while (_queue.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }

        await _store.AppendAsync(batch, cancellationToken).ConfigureAwait(false);
    }
}
