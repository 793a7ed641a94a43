using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>A response from the Direct Line endpoint: status and JSON body.</summary>
public sealed record DirectLineResponse(HttpStatusCode Status, string Body)
{
    public JObject Json => string.IsNullOrEmpty(Body) ? new JObject() : JObject.Parse(Body);
}

/// <summary>Calls the Direct Line endpoint the way DirectLineJS (Web Chat 4.18.1) does.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public const string Prefix = "/v3/directline";

    public HttpClient Http { get; } = http;

    public Task<DirectLineResponse> GenerateTokenAsync(string? bearer, JObject? body = null)
        => SendAsync(HttpMethod.Post, "/tokens/generate", bearer, body);

    public Task<DirectLineResponse> RefreshTokenAsync(string? bearer) => SendAsync(HttpMethod.Post, "/tokens/refresh", bearer);

    public Task<DirectLineResponse> StartAsync(string? bearer, string? userId = null, string? locale = "sv-SE", IDictionary<string, string>? headers = null)
    {
        var user = new JObject();
        if (userId is not null)
        {
            user["id"] = userId;
        }

        var body = new JObject { ["user"] = user };
        if (locale is not null)
        {
            body["locale"] = locale;
        }

        return SendAsync(HttpMethod.Post, "/conversations", bearer, body, headers);
    }

    public Task<DirectLineResponse> ReconnectAsync(string conversationId, string? bearer, string? watermark)
        => SendAsync(HttpMethod.Get, $"/conversations/{conversationId}?watermark={watermark}", bearer);

    public Task<DirectLineResponse> GetActivitiesAsync(string conversationId, string? bearer, string? watermark = "")
        => SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities" + (watermark is null ? "" : $"?watermark={watermark}"), bearer);

    public Task<DirectLineResponse> PostActivityAsync(string conversationId, string? bearer, JObject activity)
        => SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", bearer, activity);

    public Task<DirectLineResponse> PostTextAsync(string conversationId, string? bearer, string text, string clientActivityId)
        => PostActivityAsync(conversationId, bearer, Message(text, clientActivityId));

    /// <summary>The message Web Chat sends (channelId webchat, its own from, a clientActivityID).</summary>
    public static JObject Message(string text, string clientActivityId) => new()
    {
        ["attachments"] = new JArray(),
        ["channelData"] = new JObject { ["attachmentSizes"] = new JArray(), ["clientActivityID"] = clientActivityId },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["type"] = "message",
        ["channelId"] = "webchat",
        ["from"] = new JObject { ["id"] = "someone-else", ["name"] = "Test User", ["role"] = "user" },
        ["locale"] = "sv-SE",
        ["localTimestamp"] = "2026-11-26T04:46:39.985Z",
        ["localTimezone"] = "Europe/Stockholm",
    };

    /// <summary>Polls GET activities (from the start) until <paramref name="until"/> holds, for at most 15 s.</summary>
    public async Task<List<JObject>> PollAsync(string conversationId, string bearer, Func<List<JObject>, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            // The whole history, a page at a time, as a client following the watermarks reads it.
            var activities = new List<JObject>();
            DirectLineResponse response;
            string? watermark = string.Empty;
            do
            {
                response = await GetActivitiesAsync(conversationId, bearer, watermark);
                Assert.Equal(HttpStatusCode.OK, response.Status);
                var page = response.Json["activities"]!.Cast<JObject>().ToList();
                activities.AddRange(page);
                watermark = page.Count == 100 ? response.Json.Value<string>("watermark") : null;
            }
            while (watermark is not null);

            if (until(activities))
            {
                return activities;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Timed out polling; got: " + response.Body);
            }

            await Task.Delay(50);
        }
    }

    public async Task<DirectLineResponse> SendAsync(HttpMethod method, string path, string? bearer, JObject? body = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, Prefix + path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        request.Headers.Add("x-ms-bot-agent", "DirectLine/3.0 (directlinejs; WebChat/4.18.1 (Full) 0.15.5)");
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        request.Headers.Accept.ParseAdd("application/json");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Http.SendAsync(request);
        return new DirectLineResponse(response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>A stream socket as DirectLineJS opens it, collecting the activities of its frames.</summary>
public sealed class StreamSocket : IAsyncDisposable
{
    private readonly WebSocket _socket;

    private StreamSocket(WebSocket socket)
    {
        _socket = socket;
    }

    public List<JObject> Frames { get; } = [];

    public List<JObject> Activities { get; } = [];

    public static async Task<StreamSocket> ConnectAsync(TestServer server, string streamUrl)
    {
        var client = server.CreateWebSocketClient();
        var socket = await client.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        return new StreamSocket(socket);
    }

    /// <summary>Reads frames until <paramref name="until"/> holds for the activities received so far (15 s at most).</summary>
    public async Task<List<JObject>> ReadUntilAsync(Func<List<JObject>, bool> until)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!until(Activities))
        {
            var frame = await ReadFrameAsync(timeout.Token);
            Assert.NotNull(frame);
            if (frame.Length == 0)
            {
                continue;
            }

            var json = JObject.Parse(frame);
            Frames.Add(json);
            Activities.AddRange(json["activities"]!.Cast<JObject>());
        }

        return Activities;
    }

    /// <summary>One text frame ("" for a keep-alive), or null when the server closed the socket.</summary>
    public Task<string?> ReadFrameAsync(CancellationToken cancellationToken)
        => WebSocketFrames.ReadTextAsync(_socket, cancellationToken);

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

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
