using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using IqosBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// The Direct Line 3.0 endpoint over real HTTP and real WebSockets on loopback: the real Program on
/// Kestrel at 127.0.0.1, HttpClient on its address and ClientWebSocket on the streamUrl it returns.
/// </summary>
public sealed class LoopbackDirectLineTests : IAsyncLifetime
{
    private const string SwedishWelcome = "Hej och välkommen till IQOS kundtjänst!";
    private const string SwedishGreetingReply = "Hej! Vad kan jag hjälpa dig med?";

    private readonly TempDatabase _database = new();
    private LoopbackHost _host = null!;

    private DirectLineClient Client => _host.Client;

    public Task InitializeAsync()
    {
        _host = new LoopbackHost(_database.Path);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Starting_with_the_secret_gives_201_and_a_stream_url_on_the_real_port()
    {
        var response = await Client.StartAsync(DirectLineHost.Secret, userId: "loopback-user");

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var json = response.Json;
        var conversationId = json.Value<string>("conversationId")!;
        var token = json.Value<string>("token")!;
        var streamUrl = json.Value<string>("streamUrl")!;
        Assert.Equal($"ws://127.0.0.1:{_host.Port}/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}", streamUrl);
        var uri = new Uri(streamUrl);
        Assert.True(uri.IsAbsoluteUri);
        Assert.Equal("ws", uri.Scheme);
        Assert.Equal(_host.Port, uri.Port);
    }

    [Fact]
    public async Task The_first_frame_replays_the_welcome_then_the_echo_and_the_reply_arrive_in_order()
    {
        var (conversationId, token, streamUrl) = await StartAsync();
        // The welcome turn runs after the 201 is sent: wait for it, so the socket's backlog replays it.
        await PollAsync(conversationId, token, list => list.Count >= 2);

        await using var socket = await LoopbackSocket.ConnectAsync(streamUrl);
        await socket.ReadUntilAsync(_ => socket.Frames.Count >= 1);
        Assert.Equal(2, socket.Activities.Count);
        var welcome = socket.Activities[0];
        Assert.StartsWith(SwedishWelcome, welcome.Value<string>("text"));
        Assert.Equal("sv-SE", welcome.Value<string>("locale"));
        Assert.Equal("bot", welcome["from"]!.Value<string>("role"));
        Assert.Equal("2", socket.Frames.Last().Value<string>("watermark"));

        var posted = await Client.PostTextAsync(conversationId, token, "hej", "loop-1");
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        var echoId = posted.Json.Value<string>("id")!;
        Assert.StartsWith(conversationId + "|", echoId);

        await socket.ReadUntilAsync(list => list.Any(activity => activity.Value<string>("replyToId") == echoId));
        var after = socket.Activities.Skip(2).ToList();
        Assert.Equal(2, after.Count);
        var echo = after[0];
        Assert.Equal(echoId, echo.Value<string>("id"));
        Assert.Equal("hej", echo.Value<string>("text"));
        Assert.Equal("loop-1", echo["channelData"]!.Value<string>("clientActivityID"));
        Assert.Equal("user", echo["from"]!.Value<string>("role"));
        var reply = after[1];
        Assert.Equal(SwedishGreetingReply, reply.Value<string>("text"));
        Assert.Equal(echoId, reply.Value<string>("replyToId"));
        Assert.Equal("4", socket.Frames.Last().Value<string>("watermark"));
    }

    [Fact]
    public async Task A_socket_opened_right_after_the_start_gets_an_empty_backlog_then_the_welcome()
    {
        var (_, _, streamUrl) = await StartAsync();

        await using var socket = await LoopbackSocket.ConnectAsync(streamUrl);
        await socket.ReadUntilAsync(list => list.Count >= 2);

        Assert.StartsWith(SwedishWelcome, socket.Activities[0].Value<string>("text"));
        Assert.Equal("sv-SE", socket.Activities[0].Value<string>("locale"));
        Assert.Equal(socket.Activities.Select(Id).Distinct().Count(), socket.Activities.Count);
        Assert.Equal("2", socket.Frames.Last().Value<string>("watermark"));
    }

    [Fact]
    public async Task A_short_keep_alive_sends_an_empty_text_frame()
    {
        using var database = new TempDatabase();
        await using var host = new LoopbackHost(database.Path, new Dictionary<string, string?> { ["DirectLine:StreamKeepAlive"] = "00:00:01" });
        var started = (await host.Client.StartAsync(DirectLineHost.Secret)).Json;

        await using var socket = await LoopbackSocket.ConnectAsync(started.Value<string>("streamUrl")!);
        await socket.ReadKeepAliveAsync();
        await socket.ReadKeepAliveAsync();

        Assert.True(socket.KeepAlives >= 2);
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task A_second_socket_on_the_same_conversation_gets_the_same_reply()
    {
        var (conversationId, token, _) = await StartAsync();
        await PollAsync(conversationId, token, list => list.Count >= 2);
        var streamUrl = (await Client.ReconnectAsync(conversationId, token, "2")).Json.Value<string>("streamUrl")!;

        await using var first = await LoopbackSocket.ConnectAsync(streamUrl);
        await using var second = await LoopbackSocket.ConnectAsync(streamUrl);
        await first.ReadUntilAsync(_ => first.Frames.Count >= 1);
        await second.ReadUntilAsync(_ => second.Frames.Count >= 1);
        var posted = await Client.PostTextAsync(conversationId, token, "hej", "two-sockets");
        var echoId = posted.Json.Value<string>("id");

        var one = await first.ReadUntilAsync(list => list.Count >= 2);
        var two = await second.ReadUntilAsync(list => list.Count >= 2);
        Assert.Equal(echoId, one[0].Value<string>("id"));
        Assert.Equal(SwedishGreetingReply, one[1].Value<string>("text"));
        Assert.Equal(SwedishGreetingReply, two[1].Value<string>("text"));
        Assert.Equal(one.Select(Id), two.Select(Id));
    }

    [Fact]
    public async Task After_closing_a_socket_reconnecting_with_the_watermark_replays_exactly_the_missed_activities()
    {
        var (conversationId, token, streamUrl) = await StartAsync();
        string watermark;
        var socket = await LoopbackSocket.ConnectAsync(streamUrl);
        await using (socket)
        {
            await socket.ReadUntilAsync(list => list.Count >= 2);
            watermark = socket.Frames.Last().Value<string>("watermark")!;
            Assert.Equal(WebSocketCloseStatus.NormalClosure, await socket.CloseAsync());
        }

        // While disconnected:
        var posted = await Client.PostTextAsync(conversationId, token, "hej", "missed");
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        var all = await PollAsync(conversationId, token, list => list.Count >= 4);

        var reconnect = await Client.ReconnectAsync(conversationId, token, watermark);
        Assert.Equal(HttpStatusCode.OK, reconnect.Status);
        var newUrl = reconnect.Json.Value<string>("streamUrl")!;
        Assert.StartsWith($"ws://127.0.0.1:{_host.Port}/v3/directline/conversations/{conversationId}/stream?t=", newUrl);
        Assert.EndsWith("&watermark=" + watermark, newUrl);

        await using var again = await LoopbackSocket.ConnectAsync(newUrl);
        await again.ReadUntilAsync(_ => again.Frames.Count >= 1);
        Assert.Equal(all.Skip(int.Parse(watermark, CultureInfo.InvariantCulture)).Select(Id), again.Activities.Select(Id));
        Assert.Equal(["hej", SwedishGreetingReply], again.Activities.Select(activity => activity.Value<string>("text")));
        Assert.Equal("missed", again.Activities[0]["channelData"]!.Value<string>("clientActivityID"));
        Assert.Equal("4", again.Frames[0].Value<string>("watermark"));
    }

    [Fact]
    public async Task A_socket_with_another_conversations_token_is_refused_403_and_without_a_token_401()
    {
        var (conversationA, tokenA, _) = await StartAsync();
        var (conversationB, _, _) = await StartAsync();
        var origin = $"ws://127.0.0.1:{_host.Port}/v3/directline/conversations/";

        var other = await LoopbackSocket.RefusedAsync($"{origin}{conversationB}/stream?t={Uri.EscapeDataString(tokenA)}");
        var missing = await LoopbackSocket.RefusedAsync($"{origin}{conversationA}/stream");

        Assert.NotNull(other.Error);
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.NotNull(missing.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);

        // The right token on the same URL shape does connect.
        await using var allowed = await LoopbackSocket.ConnectAsync($"{origin}{conversationA}/stream?t={Uri.EscapeDataString(tokenA)}");
        await allowed.ReadUntilAsync(list => list.Count >= 1);
    }

    private static string? Id(JObject activity) => activity.Value<string>("id");

    private async Task<(string ConversationId, string Token, string StreamUrl)> StartAsync()
    {
        var response = await Client.StartAsync(DirectLineHost.Secret);
        Assert.Equal(HttpStatusCode.Created, response.Status);
        var json = response.Json;
        return (json.Value<string>("conversationId")!, json.Value<string>("token")!, json.Value<string>("streamUrl")!);
    }

    /// <summary>Polls GET activities from the start until <paramref name="until"/> holds, for at most 10 s.</summary>
    private async Task<List<JObject>> PollAsync(string conversationId, string token, Func<List<JObject>, bool> until)
    {
        var deadline = DateTime.UtcNow + LoopbackSocket.Wait;
        while (true)
        {
            var response = await Client.GetActivitiesAsync(conversationId, token);
            Assert.Equal(HttpStatusCode.OK, response.Status);
            var activities = response.Json["activities"]!.Cast<JObject>().ToList();
            if (until(activities))
            {
                return activities;
            }

            Assert.True(DateTime.UtcNow < deadline, "Timed out polling; got: " + response.Body);
            await Task.Delay(50);
        }
    }
}
