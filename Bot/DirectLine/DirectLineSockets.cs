using System.Threading.Channels;

namespace IqosBot.DirectLine;

/// <summary>The stream sockets open on this instance, by conversation: where an activity appended here or on another instance is handed.</summary>
public sealed class DirectLineSockets
{
    private readonly Dictionary<string, List<ChannelWriter<ActivityFrame>>> _open = new(StringComparer.Ordinal);

    /// <summary>Registers a socket's outbox; dispose the result to unregister.</summary>
    public IDisposable Add(string conversationId, ChannelWriter<ActivityFrame> outbox)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        lock (_open)
        {
            if (!_open.TryGetValue(conversationId, out var sockets))
            {
                sockets = [];
                _open[conversationId] = sockets;
            }

            sockets.Add(outbox);
        }

        return new Registration(this, conversationId, outbox);
    }

    /// <summary>How many sockets this instance has open on a conversation.</summary>
    public int Count(string conversationId)
    {
        lock (_open)
        {
            return _open.TryGetValue(conversationId, out var sockets) ? sockets.Count : 0;
        }
    }

    /// <summary>Hands the frame to every socket of its conversation here; a socket whose client stopped reading has a full outbox, which closes it (SocketOutbox).</summary>
    public void Deliver(ActivityFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        lock (_open)
        {
            if (_open.TryGetValue(frame.ConversationId, out var sockets))
            {
                foreach (var socket in sockets)
                {
                    socket.TryWrite(frame);
                }
            }
        }
    }

    private void Remove(string conversationId, ChannelWriter<ActivityFrame> outbox)
    {
        lock (_open)
        {
            if (_open.TryGetValue(conversationId, out var sockets) && sockets.Remove(outbox) && sockets.Count == 0)
            {
                _open.Remove(conversationId);
            }
        }
    }

    private sealed class Registration(DirectLineSockets owner, string conversationId, ChannelWriter<ActivityFrame> outbox) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(conversationId, outbox);
            }
        }
    }
}
