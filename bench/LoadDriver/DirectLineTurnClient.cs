using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IqosBot.Bench.LoadDriver;

/// <summary>
/// <c>--protocol directline</c>: customers who talk to the bot as the website's Web Chat does, over IqosBot's
/// self-hosted Direct Line 3.0. A conversation starts with a token from <c>POST /api/webchat/token</c>, then
/// <c>POST /v3/directline/conversations</c> with it, then the stream WebSocket at the <c>streamUrl</c> that returns,
/// and waits for the welcome on the socket. Each turn is a <c>POST …/activities</c> of the message Web Chat sends
/// (DirectLineJS 0.15 in Web Chat 4.18), answered on the socket by bot messages whose <c>replyToId</c> is the id the
/// POST returned. One HttpClient for every customer's requests; one socket per conversation, as one browser tab.
/// </summary>
public sealed class DirectLineTurnClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http;
    private readonly Uri _origin;
    private readonly TimeSpan _timeout;

    public DirectLineTurnClient(Uri url, TimeSpan timeout, int connections)
    {
        // The bot's origin: --url may name /api/messages, as for the other protocol.
        _origin = new Uri(url, "/");
        _timeout = timeout;
        _http = LoopbackHttp.Create(timeout, connections);
        // What DirectLineJS sends with every request.
        _http.DefaultRequestHeaders.Add("x-ms-bot-agent", "DirectLine/3.0 (directlinejs; WebChat/4.18.1 (Full) 0.15.5)");
        _http.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
    }

    /// <summary>
    /// Starts a conversation as the page does, up to and including the welcome on the socket. Never throws for what
    /// the bot did: a start that failed gives a customer whose every turn is an error saying why.
    /// </summary>
    public async Task<DirectLineCustomer> StartAsync(string clientIdPrefix, string locale, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(_timeout.TotalSeconds * Stopwatch.Frequency);
        ClientWebSocket? socket = null;
        try
        {
            var (tokenStatus, tokenBody) = await PostAsync(new Uri(_origin, "/api/webchat/token"), bearer: null, body: null, cancellationToken);
            if (tokenStatus != 200)
                return DirectLineCustomer.Failed($"conversation start: token HTTP {tokenStatus}");
            var page = JsonNode.Parse(tokenBody) as JsonObject;
            if (Text(page, "token") is not { } pageToken)
                return DirectLineCustomer.Failed("conversation start: the token answer has no token");
            var userId = Text(page, "userId") ?? "";

            // The locale in the start, as the soak test's customers send it: the welcome is in the customer's language.
            var start = new JsonObject { ["user"] = new JsonObject(), ["locale"] = locale };
            var (startStatus, startBody) = await PostAsync(new Uri(_origin, "/v3/directline/conversations"), pageToken, Encoding.UTF8.GetBytes(start.ToJsonString()), cancellationToken);
            if (startStatus is not (200 or 201))
                return DirectLineCustomer.Failed($"conversation start: conversations HTTP {startStatus}");
            var started = JsonNode.Parse(startBody) as JsonObject;
            if (Text(started, "conversationId") is not { } conversationId || Text(started, "token") is not { } token || Text(started, "streamUrl") is not { } streamUrl)
                return DirectLineCustomer.Failed("conversation start: the conversation has no id, token or streamUrl");

            socket = new ClientWebSocket();
            socket.Options.Proxy = null;
            using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connecting.CancelAfter(Remaining(deadline));
                await socket.ConnectAsync(new Uri(streamUrl), connecting.Token);
            }
            var customer = new DirectLineCustomer(this, socket, conversationId, token, userId, locale, clientIdPrefix);
            socket = null; // The customer owns it now.
            if (!await customer.WaitForWelcomeAsync(Remaining(deadline), cancellationToken))
            {
                var problem = customer.Broken is { } broken ? $"conversation start: the socket ended before the welcome ({broken})" : $"conversation start: no welcome on the socket within {_timeout.TotalMilliseconds:F0} ms";
                await customer.DisposeAsync();
                return DirectLineCustomer.Failed(problem);
            }
            return customer;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or OperationCanceledException or IOException or WebSocketException or JsonException or UriFormatException)
        {
            // TaskCanceledException without our own cancellation is HttpClient's timeout; OperationCanceledException the socket's.
            socket?.Dispose();
            var problem = e is OperationCanceledException ? "timed out" : e.Message;
            return DirectLineCustomer.Failed($"conversation start: {problem}");
        }
    }

    /// <summary>POSTs JSON with the bearer token; returns the status and the body.</summary>
    internal async Task<(int Status, byte[] Body)> PostAsync(Uri uri, string? bearer, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = Json;
        }
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await _http.SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    /// <summary>A string property of a JSON object, or null.</summary>
    private static string? Text(JsonObject? json, string name) =>
        json?[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    internal Uri ActivitiesUri(string conversationId) => new(_origin, $"/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/activities");

    internal TimeSpan ReplyTimeout => _timeout;

    internal static TimeSpan Remaining(long deadline) =>
        TimeSpan.FromSeconds(Math.Max(0, (deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency));

    public void Dispose() => _http.Dispose();
}

/// <summary>
/// One Web Chat customer's conversation: its token, its stream socket, and the first bot reply seen for each
/// activity id. The socket is read all the time, as Web Chat does, so a reply that arrives before the POST that
/// caused it has returned its id is kept, with the moment it arrived, until the turn asks for it.
/// </summary>
public sealed class DirectLineCustomer : IAsyncDisposable
{
    private readonly DirectLineTurnClient? _client;
    private readonly ClientWebSocket? _socket;
    private readonly string _conversationId = "";
    private readonly string _token = "";
    private readonly string _userId = "";
    private readonly string _locale = "";
    private readonly string _clientIdPrefix = "";
    private readonly string? _startProblem;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading = Task.CompletedTask;
    // replyToId → the Stopwatch timestamp at which the first bot message replying to it arrived.
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _replies = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _firstBotMessage = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _turn;

    internal DirectLineCustomer(DirectLineTurnClient client, ClientWebSocket socket, string conversationId, string token, string userId, string locale, string clientIdPrefix)
    {
        _client = client;
        _socket = socket;
        _conversationId = conversationId;
        _token = token;
        _userId = userId;
        _locale = locale;
        _clientIdPrefix = clientIdPrefix;
        _reading = Task.Run(ReadAsync);
    }

    private DirectLineCustomer(string startProblem)
    {
        _startProblem = startProblem;
    }

    internal static DirectLineCustomer Failed(string problem) => new(problem);

    /// <summary>Why the conversation could not be started, or null when it was.</summary>
    public string? StartProblem => _startProblem;

    /// <summary>Why the socket stopped delivering, once it has.</summary>
    public string? Broken { get; private set; }

    /// <summary>
    /// The welcome is the first bot message on the socket (IqosBot sends the greeting and the menu as the reply to
    /// the conversation's start); a customer starts typing once it shows.
    /// </summary>
    internal async Task<bool> WaitForWelcomeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAny(_firstBotMessage.Task, _closed.Task).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
        }
        return _firstBotMessage.Task.IsCompleted;
    }

    /// <summary>
    /// One turn: POST the message, then wait on the socket for a bot message replying to it. The latency runs from
    /// just before the POST until that reply arrived on the socket (the first reply: the turn may send more); the
    /// whole turn, POST included, must be done within --timeout-ms.
    /// </summary>
    public async Task<TurnOutcome> SendAsync(string text, CancellationToken cancellationToken)
    {
        if (_startProblem is not null)
            return new(TurnStatus.Error, 0, null, _startProblem);
        var client = _client!;
        var turn = _turn++;
        var message = Message(text, $"{_clientIdPrefix}-{turn}");
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(client.ReplyTimeout.TotalSeconds * Stopwatch.Frequency);
        int status;
        byte[] body;
        try
        {
            (status, body) = await client.PostAsync(client.ActivitiesUri(_conversationId), _token, message, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new(TurnStatus.Error, Stopwatch.GetElapsedTime(start).TotalMilliseconds, null, e is TaskCanceledException ? "timed out" : e.Message);
        }
        if (status is < 200 or > 299)
            return new(TurnStatus.Error, Stopwatch.GetElapsedTime(start).TotalMilliseconds, status, $"HTTP {status} posting the activity");
        string? id;
        try
        {
            using var document = JsonDocument.Parse(body);
            id = document.RootElement.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            id = null;
        }
        if (string.IsNullOrEmpty(id))
            return new(TurnStatus.Error, Stopwatch.GetElapsedTime(start).TotalMilliseconds, status, $"HTTP {status} without the posted activity's id");

        var reply = _replies.GetOrAdd(id, NewReply).Task;
        try
        {
            await Task.WhenAny(reply, _closed.Task).WaitAsync(DirectLineTurnClient.Remaining(deadline), cancellationToken);
        }
        catch (TimeoutException)
        {
        }
        if (reply.IsCompletedSuccessfully)
            return new(TurnStatus.Ok, Stopwatch.GetElapsedTime(start, reply.Result).TotalMilliseconds, status, null);
        var waited = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return Broken is { } broken
            ? new(TurnStatus.Error, waited, status, $"the socket ended before the reply ({broken})")
            : new(TurnStatus.NoReply, waited, status, $"no bot message replying to it on the socket within {client.ReplyTimeout.TotalMilliseconds:F0} ms");
    }

    /// <summary>The message Web Chat posts: its channel, its own from and locale, and a clientActivityID in channelData.</summary>
    private byte[] Message(string text, string clientActivityId)
    {
        var activity = new JsonObject
        {
            ["attachments"] = new JsonArray(),
            ["channelData"] = new JsonObject { ["attachmentSizes"] = new JsonArray(), ["clientActivityID"] = clientActivityId },
            ["text"] = text,
            ["textFormat"] = "plain",
            ["type"] = "message",
            ["channelId"] = "webchat",
            ["from"] = new JsonObject { ["id"] = _userId, ["name"] = "", ["role"] = "user" },
            ["locale"] = _locale,
            ["localTimestamp"] = DateTimeOffset.Now.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture),
            ["localTimezone"] = "Europe/Stockholm",
        };
        return Encoding.UTF8.GetBytes(activity.ToJsonString());
    }

    private static TaskCompletionSource<long> NewReply(string _) => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Reads frames until the socket closes: <c>{"activities":[…],"watermark":"N"}</c>, or empty as keep-alive.</summary>
    private async Task ReadAsync()
    {
        var socket = _socket!;
        var buffer = new byte[8192];
        using var frame = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Broken ??= $"closed by the bot: {socket.CloseStatus} {socket.CloseStatusDescription}";
                    return;
                }
                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;
                var arrived = Stopwatch.GetTimestamp();
                if (frame.Length > 0)
                    Record(frame.GetBuffer().AsSpan(0, (int)frame.Length), arrived);
                frame.SetLength(0);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The customer left.
        }
        catch (Exception e) when (e is WebSocketException or JsonException or OperationCanceledException or ObjectDisposedException)
        {
            Broken ??= e.Message;
        }
        finally
        {
            _closed.TrySetResult();
        }
    }

    /// <summary>Notes the bot's messages in one frame: the first for each replyToId, and the first at all (the welcome).</summary>
    private void Record(ReadOnlySpan<byte> frame, long arrived)
    {
        var reader = new Utf8JsonReader(frame);
        using var document = JsonDocument.ParseValue(ref reader);
        if (!document.RootElement.TryGetProperty("activities", out var activities) || activities.ValueKind != JsonValueKind.Array)
            return;
        foreach (var activity in activities.EnumerateArray())
        {
            if (!IsString(activity, "type", "message")
                || !activity.TryGetProperty("from", out var from) || from.ValueKind != JsonValueKind.Object || !IsString(from, "role", "bot"))
                continue;
            _firstBotMessage.TrySetResult();
            if (activity.TryGetProperty("replyToId", out var replyTo) && replyTo.ValueKind == JsonValueKind.String && replyTo.GetString() is { Length: > 0 } replyToId)
                _replies.GetOrAdd(replyToId, NewReply).TrySetResult(arrived);
        }
    }

    private static bool IsString(JsonElement element, string property, string expected) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.ValueEquals(expected);

    /// <summary>Closes the socket as a page that is left does (a close handshake, a short wait), then stops reading.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_socket is not null)
        {
            try
            {
                if (_socket.State == WebSocketState.Open)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
                    await _closed.Task.WaitAsync(TimeSpan.FromSeconds(2));
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or TimeoutException or ObjectDisposedException)
            {
                // Gone already, or slow to answer: it is dropped below.
            }
            await _stop.CancelAsync();
            await _reading;
            _socket.Dispose();
        }
        _stop.Dispose();
    }
}
