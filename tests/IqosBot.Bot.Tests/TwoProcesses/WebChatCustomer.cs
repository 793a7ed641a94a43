using System.Net;
using IqosBot.Bot.Tests.DirectLine;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.TwoProcesses;

/// <summary>
/// A customer in Web Chat against instances reached over the network, as the page does it: a token from
/// <c>/api/webchat/token</c>, the conversation started with it, the stream socket opened at the URL that start
/// returned, then each message posted wherever the test says. Everything the socket delivers is kept in order.
/// </summary>
public sealed class WebChatCustomer : IAsyncDisposable
{
    public const string Welcome = "välkommen";

    private int _sent;

    private WebChatCustomer(string conversationId, string token, string streamUrl, LoopbackSocket socket)
    {
        ConversationId = conversationId;
        StreamUrl = streamUrl;
        Token = token;
        Socket = socket;
    }

    public string ConversationId { get; }

    public string Token { get; }

    /// <summary>Where the socket was opened: the stream URL the conversation's start returned.</summary>
    public string StreamUrl { get; }

    public LoopbackSocket Socket { get; }

    /// <summary>The token from <paramref name="tokenFrom"/>, the conversation started on <paramref name="startOn"/> and its socket opened; waits for the welcome on the socket.</summary>
    public static async Task<WebChatCustomer> StartAsync(HttpClient tokenFrom, HttpClient startOn)
    {
        using var tokenResponse = await tokenFrom.PostAsync("/api/webchat/token", content: null);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var page = JObject.Parse(await tokenResponse.Content.ReadAsStringAsync());
        var started = await new DirectLineClient(startOn).StartAsync(page.Value<string>("token"));
        Assert.True(started.Status is HttpStatusCode.Created or HttpStatusCode.OK, $"Starting the conversation: {(int)started.Status} {started.Body}");
        var conversationId = started.Json.Value<string>("conversationId")!;
        Assert.Equal(page.Value<string>("conversationId"), conversationId);
        var streamUrl = started.Json.Value<string>("streamUrl")!;
        var socket = await LoopbackSocket.ConnectAsync(streamUrl);
        var customer = new WebChatCustomer(conversationId, started.Json.Value<string>("token")!, streamUrl, socket);
        await customer.WaitForBotAsync(Welcome);
        return customer;
    }

    /// <summary>Posts a message through <paramref name="via"/>; returns the id the server gave it (its echo in the log).</summary>
    public async Task<string> SayAsync(HttpClient via, string text)
    {
        var posted = await new DirectLineClient(via).PostTextAsync(ConversationId, Token, text, $"client-{Interlocked.Increment(ref _sent)}");
        Assert.True(posted.Status == HttpStatusCode.OK, $"Posting \"{text}\" to {via.BaseAddress}: {(int)posted.Status} {posted.Body}");
        return posted.Json.Value<string>("id")!;
    }

    /// <summary>Reads the socket until a bot message containing <paramref name="expected"/> arrives after the first <paramref name="after"/> activities; returns the bot texts after them.</summary>
    public async Task<List<string>> WaitForBotAsync(string expected, int after = 0)
    {
        var activities = await Socket.ReadUntilAsync(received => BotTexts(received.Skip(after)).Any(text => text.Contains(expected, StringComparison.Ordinal)));
        return BotTexts(activities.Skip(after));
    }

    /// <summary>Says something through <paramref name="via"/> and waits on the socket for a reply containing <paramref name="expected"/>.</summary>
    public async Task<List<string>> SayAndWaitAsync(HttpClient via, string text, string expected)
    {
        var before = Socket.Activities.Count;
        await SayAsync(via, text);
        return await WaitForBotAsync(expected, before);
    }

    /// <summary>The conversation's whole log as <c>GET activities</c> on <paramref name="via"/> returns it, page after page.</summary>
    public Task<List<JObject>> LogAsync(HttpClient via)
        => new DirectLineClient(via).PollAsync(ConversationId, Token, _ => true);

    public static List<string> BotTexts(IEnumerable<JObject> activities) => activities
        .Where(activity => activity.Value<string>("type") == "message" && activity["from"]?.Value<string>("role") == "bot")
        .Select(activity => activity.Value<string>("text") ?? string.Empty)
        .ToList();

    public ValueTask DisposeAsync() => Socket.DisposeAsync();
}
