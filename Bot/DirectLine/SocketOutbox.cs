using System.Threading.Channels;

namespace IqosBot.DirectLine;

/// <summary>
/// The activities waiting for one stream socket, bounded: when its client stops reading and the outbox fills,
/// <see cref="Overflowed"/> is cancelled and the socket is closed (a send blocked on that client included),
/// instead of buffering without end. The client reconnects with its watermark; nothing is lost.
/// </summary>
internal sealed class SocketOutbox : ChannelWriter<ActivityFrame>, IDisposable
{
    private readonly Channel<ActivityFrame> _frames;
    private readonly CancellationTokenSource _overflow = new();

    public SocketOutbox(int capacity)
    {
        _frames = Channel.CreateBounded<ActivityFrame>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    public ChannelReader<ActivityFrame> Reader => _frames.Reader;

    public CancellationToken Overflowed => _overflow.Token;

    public override bool TryWrite(ActivityFrame item)
    {
        if (_frames.Writer.TryWrite(item))
        {
            return true;
        }

        if (!_overflow.IsCancellationRequested)
        {
            _overflow.Cancel();
        }

        return false;
    }

    public override bool TryComplete(Exception? error = null) => _frames.Writer.TryComplete(error);

    public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) => _frames.Writer.WaitToWriteAsync(cancellationToken);

    public void Dispose() => _overflow.Dispose();
}
