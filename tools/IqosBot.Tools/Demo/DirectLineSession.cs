using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IqosBot.Tools.Demo;

/// <summary>
/// One customer's conversation over the bot's self-hosted Direct Line 3.0, the way Web Chat in polling mode talks to
/// it: a conversation-bound token, the conversation started with the browser's locale, the <c>webchat/join</c> event,
/// then messages posted and the log read with a watermark. Replies are read by polling (not the WebSocket) because
/// a player needs no push, and polling is the simplest thing that cannot hang: every wait has a deadline.
/// </summary>
internal sealed class DirectLineSession
{
    private const string Prefix = "v3/directline";

    /// <summary>Between two reads of the log while waiting; Web Chat's own minimum polling interval is 200 ms.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(150);

    /// <summary>Once the bot has answered, how long without anything new before its turn counts as finished.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    private readonly PatientHttp _http;
    private readonly string _conversationId;
    private readonly string _token;
    private readonly string _locale;
    private readonly string _userId;
    private readonly List<BotMessage> _unread = [];
    private string _watermark = string.Empty;

    private DirectLineSession(PatientHttp http, string conversationId, string token, string locale, string userId)
    {
        _http = http;
        _conversationId = conversationId;
        _token = token;
        _locale = locale;
        _userId = userId;
    }

    /// <summary>A token (public page endpoint, or the secret's tokens/generate), the conversation, and Web Chat's join event.</summary>
    public static async Task<DirectLineSession> StartAsync(PatientHttp http, string? secret, string locale, CancellationToken cancellationToken)
    {
        var issued = secret is null
            ? await JsonAsync(http, () => new HttpRequestMessage(HttpMethod.Post, "api/webchat/token"), "the token", cancellationToken).ConfigureAwait(false)
            : await JsonAsync(http, () => Authorized(HttpMethod.Post, Prefix + "/tokens/generate", secret, new JsonObject()), "the token", cancellationToken).ConfigureAwait(false);
        var token = issued["token"]?.GetValue<string>() ?? throw new DemoFailure("the token answer had no token");

        // As DirectLineJS sends it with a token that carries the user: no user id, the browser's locale.
        var start = new JsonObject { ["user"] = new JsonObject(), ["locale"] = locale };
        var started = await JsonAsync(http, () => Authorized(HttpMethod.Post, Prefix + "/conversations", token, start), "starting the conversation", cancellationToken).ConfigureAwait(false);
        var session = new DirectLineSession(
            http,
            started["conversationId"]?.GetValue<string>() ?? throw new DemoFailure("the start had no conversation id"),
            started["token"]?.GetValue<string>() ?? token,
            locale,
            issued["userId"]?.GetValue<string>() ?? "user");

        // chat.js dispatches this as soon as Web Chat is connected; the bot welcomes once whichever comes first.
        var join = new JsonObject
        {
            ["type"] = "event",
            ["name"] = "webchat/join",
            ["from"] = new JsonObject { ["id"] = session._userId, ["role"] = "user" },
            ["value"] = new JsonObject { ["language"] = locale },
        };
        await session.PostAsync(join, cancellationToken).ConfigureAwait(false);
        return session;
    }

    /// <summary>Posts a message (text, or a card's Action.Submit data as value) and returns the id the server gave it.</summary>
    public Task<string> PostMessageAsync(string? text, JsonObject? value, CancellationToken cancellationToken)
    {
        // As DirectLineJS sends it; the server puts the token's user in from.id whatever is sent.
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = _userId, ["role"] = "user" },
            ["locale"] = _locale,
            ["textFormat"] = "plain",
        };
        if (text is not null)
        {
            activity["text"] = text;
        }

        if (value is not null)
        {
            // What Web Chat sends for an Adaptive Card's Action.Submit: the data as value, no text.
            activity["value"] = value;
            activity["channelData"] = new JsonObject { ["postBack"] = true };
        }

        return PostAsync(activity, cancellationToken);
    }

    /// <summary>
    /// Waits for the bot's answer to <paramref name="messageId"/> and then until it has been quiet a moment, and
    /// returns what came (with anything the bot said on its own meanwhile). Throws when nothing answered in time.
    /// </summary>
    public async Task<List<BotMessage>> RepliesToAsync(string messageId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var replies = await WaitAsync(message => message.ReplyToId == messageId, timeout, cancellationToken).ConfigureAwait(false);
        return replies ?? throw new DemoFailure(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"no reply within {timeout.TotalSeconds:0} s"));
    }

    /// <summary>
    /// What the bot says until a message matches <paramref name="until"/> (already read but unseen ones count), then
    /// until it is quiet; null when none matched in time, with the unseen messages kept for the next wait.
    /// </summary>
    public async Task<List<BotMessage>?> WaitAsync(Func<BotMessage, bool> until, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var matched = _unread.Any(until);
        var lastNews = DateTime.UtcNow;
        while (true)
        {
            var before = _unread.Count;
            await ReadAsync(cancellationToken).ConfigureAwait(false);
            if (_unread.Count > before)
            {
                lastNews = DateTime.UtcNow;
                matched |= _unread.Skip(before).Any(until);
            }

            // A bot that never falls quiet still cannot hold the customer past the deadline by much.
            if (matched && (DateTime.UtcNow - lastNews >= Quiet || DateTime.UtcNow >= deadline + timeout))
            {
                return TakeUnread();
            }

            if (!matched && DateTime.UtcNow >= deadline)
            {
                return null;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whatever more the bot says within <paramref name="window"/>: for a turn that seemed to end without a question.</summary>
    public async Task<List<BotMessage>> MoreAsync(TimeSpan window, CancellationToken cancellationToken)
        => await WaitAsync(_ => true, window, cancellationToken).ConfigureAwait(false) ?? [];

    private List<BotMessage> TakeUnread()
    {
        var taken = _unread.ToList();
        _unread.Clear();
        return taken;
    }

    private async Task<string> PostAsync(JsonObject activity, CancellationToken cancellationToken)
    {
        var path = $"{Prefix}/conversations/{Uri.EscapeDataString(_conversationId)}/activities";
        var posted = await JsonAsync(_http, () => Authorized(HttpMethod.Post, path, _token, activity), "posting an activity", cancellationToken).ConfigureAwait(false);
        return posted["id"]?.GetValue<string>() ?? throw new DemoFailure("a posted activity got no id");
    }

    /// <summary>The log after the watermark, page by page (the bot returns at most 100 activities a page).</summary>
    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var path = $"{Prefix}/conversations/{Uri.EscapeDataString(_conversationId)}/activities?watermark={Uri.EscapeDataString(_watermark)}";
            var page = await JsonAsync(_http, () => Authorized(HttpMethod.Get, path, _token, null), "reading the conversation", cancellationToken).ConfigureAwait(false);
            var activities = page["activities"] as JsonArray ?? [];
            foreach (var activity in activities)
            {
                if (BotMessage.From(activity) is { } message)
                {
                    _unread.Add(message);
                }
            }

            _watermark = page["watermark"]?.GetValue<string>() ?? _watermark;
            if (activities.Count < 100)
            {
                return;
            }
        }
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string credential, JsonObject? body)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>A JSON object from a 2xx answer; anything else is a failure that names what was being done and the status, never the body.</summary>
    private static async Task<JsonObject> JsonAsync(PatientHttp http, Func<HttpRequestMessage> request, string what, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new DemoFailure($"{what}: HTTP {(int)response.StatusCode}" + (response.StatusCode == HttpStatusCode.NotFound ? " (is this the bot's address?)" : string.Empty));
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw new DemoFailure($"{what}: the answer was not a JSON object");
        }
        catch (System.Text.Json.JsonException)
        {
            throw new DemoFailure($"{what}: the answer was not JSON");
        }
    }
}
