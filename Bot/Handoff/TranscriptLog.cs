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
public sealed class TranscriptLog : Hosting.BatchingWriter<TranscriptEntry>
{
    private readonly IHandoffTranscriptStore _store;
    private readonly ILogger<TranscriptLog> _logger;

    public TranscriptLog(IHandoffTranscriptStore store, ILogger<TranscriptLog> logger)
        : base(Channel.CreateUnbounded<TranscriptEntry>(new UnboundedChannelOptions { SingleReader = false }))
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Long enough to gather the lines of many turns under load, short enough that an idle log is written at once.</summary>
    protected override TimeSpan BatchWindow => TimeSpan.FromMilliseconds(20);

    /// <summary>Queues lines for the background writer; never blocks.</summary>
    public void Add(IReadOnlyList<TranscriptEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            Queue.Writer.TryWrite(entry);
        }
    }

    /// <summary>Stores lines now, after everything queued before them (an agent's message, which the agent's own request waits for).</summary>
    public Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
        => WhileWritingAsync(
            async token =>
            {
                await WriteQueuedAsync(token).ConfigureAwait(false);
                await _store.AppendAsync(entries, token).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>The conversation's latest lines, including any still queued.</summary>
    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        return await _store.ReadAsync(conversationKey, cancellationToken).ConfigureAwait(false);
    }

    protected override void OnWriteFailed(Exception exception) => _logger.LogWarning(exception, "Could not store transcript lines");

    /// <summary>Drains the queue into one transaction.</summary>
    protected override async Task WriteQueuedAsync(CancellationToken cancellationToken)
    {
        var batch = new List<TranscriptEntry>();
        while (Queue.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }

        await _store.AppendAsync(batch, cancellationToken).ConfigureAwait(false);
    }
}
