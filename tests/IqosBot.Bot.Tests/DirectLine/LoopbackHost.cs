using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using IqosBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// The real bot host (Program) with a Direct Line secret on a real Kestrel at 127.0.0.1 (not the in-memory
/// TestServer), so requests and WebSockets go over loopback TCP.
/// </summary>
public sealed class LoopbackHost : IAsyncDisposable
{
    private readonly DirectLineHost _host;

    public LoopbackHost(string databasePath, IDictionary<string, string?>? settings = null)
    {
        Port = LoopbackPort.Free();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        // BotHost points the benefits client at the in-memory server; on Kestrel that server does not
        // exist, so the client gets an ordinary handler (and this host's real address) instead.
        _host = new DirectLineHost(databasePath, settings, services => services
            .AddHttpClient(global::IqosBot.Benefits.BenefitsApiClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler()));
        _host.UseKestrel(Port);
        _host.StartServer();
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        Client = new DirectLineClient(Http);
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public DirectLineClient Client { get; }

    public CapturedLogs Logs => _host.Logs;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
    }
}

/// <summary>A stream socket on a real ClientWebSocket, collecting the activities of its frames; every wait is bounded.</summary>
public sealed class LoopbackSocket : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket;

    private LoopbackSocket(ClientWebSocket socket)
    {
        _socket = socket;
    }

    public List<JObject> Frames { get; } = [];

    public List<JObject> Activities { get; } = [];

    /// <summary>How many empty (keep-alive) text frames arrived.</summary>
    public int KeepAlives { get; private set; }

    public WebSocketState State => _socket.State;

    public static async Task<LoopbackSocket> ConnectAsync(string streamUrl)
    {
        var socket = NewSocket();
        using var timeout = new CancellationTokenSource(Wait);
        await socket.ConnectAsync(new Uri(streamUrl), timeout.Token);
        return new LoopbackSocket(socket);
    }

    /// <summary>Tries to open a socket that should be refused; returns the HTTP status of the failed upgrade.</summary>
    public static async Task<(HttpStatusCode Status, WebSocketException? Error)> RefusedAsync(string streamUrl)
    {
        using var socket = NewSocket();
        using var timeout = new CancellationTokenSource(Wait);
        try
        {
            await socket.ConnectAsync(new Uri(streamUrl), timeout.Token);
        }
        catch (WebSocketException exception)
        {
            return (socket.HttpStatusCode, exception);
        }

        return (socket.HttpStatusCode, null);
    }

    private static ClientWebSocket NewSocket()
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        return socket;
    }

    /// <summary>Reads frames until <paramref name="until"/> holds (10 s at most).</summary>
    public async Task<List<JObject>> ReadUntilAsync(Func<List<JObject>, bool> until)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (!until(Activities))
        {
            string? frame;
            try
            {
                frame = await ReadFrameAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out after {Wait.TotalSeconds} s waiting on the socket; got: " + new JArray(Activities));
                throw;
            }

            Assert.True(frame is not null, "The server closed the socket; got: " + new JArray(Activities));
            Record(frame);
        }

        return Activities;
    }

    /// <summary>Reads until a keep-alive (empty text frame) arrives (10 s at most); activity frames on the way are kept.</summary>
    public async Task ReadKeepAliveAsync()
    {
        using var timeout = new CancellationTokenSource(Wait);
        var before = KeepAlives;
        while (KeepAlives == before)
        {
            var frame = await ReadFrameAsync(timeout.Token);
            Assert.NotNull(frame);
            Record(frame);
        }
    }

    private void Record(string frame)
    {
        if (frame.Length == 0)
        {
            KeepAlives++;
            return;
        }

        var json = JObject.Parse(frame);
        Frames.Add(json);
        Activities.AddRange(json["activities"]!.Cast<JObject>());
    }

    /// <summary>One text frame ("" for a keep-alive), or null when the server closed the socket.</summary>
    public Task<string?> ReadFrameAsync(CancellationToken cancellationToken)
        => WebSocketFrames.ReadTextAsync(_socket, cancellationToken);

    /// <summary>The close handshake from the client side; returns the server's close status.</summary>
    public async Task<WebSocketCloseStatus?> CloseAsync()
    {
        using var timeout = new CancellationTokenSource(Wait);
        await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
        return _socket.CloseStatus;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }

        _socket.Dispose();
    }
}
