using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace IqosBot.DirectLine;

/// <summary>
/// One stream socket (<c>…/conversations/{id}/stream</c>): the backlog from the watermark as the first
/// text frame, then every new activity of the conversation, plus an empty text frame as keep-alive.
/// Client frames are read and ignored; the socket is closed cleanly when the client leaves or the
/// application stops.
/// </summary>
public sealed class DirectLineStream
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(2);

    private readonly DirectLineHub _hub;
    private readonly IDirectLineStore _store;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeSpan _keepAlive;
    private readonly ILogger<DirectLineStream> _logger;

    // The open sockets and their conversation, only so AbortSockets can drop them.
    private readonly ConcurrentDictionary<WebSocket, string> _open = new();

    public DirectLineStream(DirectLineHub hub, IDirectLineStore store, IHostApplicationLifetime lifetime, IOptions<DirectLineOptions> options, ILogger<DirectLineStream> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _hub = hub ?? throw new ArgumentNullException(nameof(hub));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _lifetime = lifetime ?? throw new ArgumentNullException(nameof(lifetime));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _keepAlive = options.Value.StreamKeepAlive;
    }

    /// <summary>Streams one conversation may have open: a page has one, a reconnect briefly two.</summary>
    public const int MaxSocketsPerConversation = 4;

    /// <summary>
    /// Frames waiting for a socket whose client does not read: past this the socket is closed instead of
    /// buffering without end; the client reconnects with its watermark and nothing is lost.
    /// </summary>
    public const int MaxQueuedFrames = 256;

    public async Task RunAsync(WebSocket socket, string conversationId, long watermark, CancellationToken requestAborted)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (_hub.SocketCount(conversationId) >= MaxSocketsPerConversation)
        {
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "Too many streams for this conversation.", requestAborted).ConfigureAwait(false);
            return;
        }

        using var outbox = new SocketOutbox(MaxQueuedFrames);
        using var clientGone = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, _lifetime.ApplicationStopping, clientGone.Token, outbox.Overflowed);

        // Registered before the backlog is read, so nothing appended in between is missed; the sequencer drops
        // what the backlog already had and fills any gap from the store.
        using var subscription = _hub.Subscribe(conversationId, outbox);
        var sequencer = new SocketSequencer(_store, conversationId);
        _open[socket] = conversationId;
        var receiving = ReceiveUntilClosedAsync(socket, clientGone, requestAborted);
        var keepAlive = KeepAliveAsync(outbox, stop.Token);
        try
        {
            await SendAsync(socket, await sequencer.StartAsync(watermark, stop.Token).ConfigureAwait(false), stop.Token).ConfigureAwait(false);
            await foreach (var frame in outbox.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                if (await sequencer.NextAsync(frame, stop.Token).ConfigureAwait(false) is { } text)
                {
                    await SendAsync(socket, text, stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client left, the request was aborted, or the application is stopping.
        }
        catch (WebSocketException exception)
        {
            _logger.LogDebug(exception, "A Direct Line stream socket failed");
        }
        finally
        {
            _open.TryRemove(socket, out _);
            subscription.Dispose();
            outbox.TryComplete();
            await CloseAsync(socket, receiving).ConfigureAwait(false);
            await keepAlive.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Drops every open stream socket of <paramref name="conversationId"/> without a close handshake
    /// (the client sees code 1006), as a server restart or a proxy's idle timeout would. For tests and
    /// operations: the client reconnects with its watermark and gets the missed activities replayed.
    /// Returns how many sockets were aborted.
    /// </summary>
    public int AbortSockets(string conversationId)
    {
        var aborted = 0;
        foreach (var (socket, id) in _open)
        {
            if (string.Equals(id, conversationId, StringComparison.Ordinal))
            {
                socket.Abort();
                aborted++;
            }
        }

        return aborted;
    }

    private static Task SendAsync(WebSocket socket, string text, CancellationToken cancellationToken)
        => socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private async Task KeepAliveAsync(ChannelWriter<ActivityFrame> outbox, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_keepAlive);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                outbox.TryWrite(ActivityFrame.KeepAlive);
            }
        }
        catch (OperationCanceledException)
        {
            // The socket is closing.
        }
    }

    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource clientGone, CancellationToken requestAborted)
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, requestAborted).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is gone.
        }
        finally
        {
            try
            {
                await clientGone.CancelAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The socket's run already ended.
            }
        }
    }

    private async Task CloseAsync(WebSocket socket, Task receiving)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(CloseWait);
                var reason = _lifetime.ApplicationStopping.IsCancellationRequested ? "Server shutting down" : "Closing";
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _logger.LogDebug(exception, "Could not close a Direct Line stream socket cleanly");
        }

        if (await Task.WhenAny(receiving, Task.Delay(CloseWait)).ConfigureAwait(false) != receiving)
        {
            socket.Abort();
            await receiving.ConfigureAwait(false);
        }
    }
}
