using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Hosting;

/// <summary>
/// Talks to /api/messages the way the Bot Framework Emulator does, but with deliveryMode
/// expectReplies so the bot's replies come back in the HTTP response.
/// </summary>
public sealed class EmulatorClient
{
    private readonly HttpClient _http;
    private int _sequence;

    public EmulatorClient(HttpClient http, string? conversationId = null, string locale = "sv-SE", string channelId = "emulator")
    {
        _http = http;
        ConversationId = conversationId ?? "conv-" + Guid.NewGuid().ToString("N");
        Locale = locale;
        ChannelId = channelId;
    }

    public string ConversationId { get; }

    public string Locale { get; set; }

    public string ChannelId { get; }

    public Task<BotReply> SendTextAsync(string text) => SendAsync(NewActivity("message", new JObject { ["text"] = text }));

    public Task<BotReply> JoinAsync() => SendAsync(NewActivity("conversationUpdate", new JObject
    {
        ["membersAdded"] = new JArray(new JObject { ["id"] = "user-1", ["name"] = "Kund" }, new JObject { ["id"] = "bot", ["name"] = "IqosBot" }),
    }));

    public Task<BotReply> SendEventAsync(string name, JToken? value = null) => SendAsync(NewActivity("event", new JObject
    {
        ["name"] = name,
        ["value"] = value,
    }));

    public async Task<BotReply> SendAsync(JObject activity, string? bearerToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json"),
        };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new BotReply(response.StatusCode, body);
    }

    public JObject NewActivity(string type, JObject? extra = null)
    {
        var activity = new JObject
        {
            ["type"] = type,
            ["id"] = $"act-{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid():N}",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = ChannelId,
            ["serviceUrl"] = "http://127.0.0.1:1/",
            ["deliveryMode"] = "expectReplies",
            ["locale"] = Locale,
            ["conversation"] = new JObject { ["id"] = ConversationId },
            ["from"] = new JObject { ["id"] = "user-1", ["name"] = "Kund", ["role"] = "user" },
            ["recipient"] = new JObject { ["id"] = "bot", ["name"] = "IqosBot", ["role"] = "bot" },
        };
        if (extra is not null)
        {
            activity.Merge(extra);
        }

        return activity;
    }
}
