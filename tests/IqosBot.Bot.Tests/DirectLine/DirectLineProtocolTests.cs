using System.Net;
using System.Text;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>The Direct Line 3.0 endpoint as Web Chat uses it, over real HTTP and WebSockets through the real Program.</summary>
public sealed class DirectLineProtocolTests : IDisposable
{
    private const string SwedishWelcome = "Hej och välkommen till IQOS kundtjänst!";
    private const string SwedishGreetingReply = "Hej! Vad kan jag hjälpa dig med?";

    private readonly TempDatabase _database = new();

    /// <summary>The host's clock: it starts at the real time and stands still until a test moves it.</summary>
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly DirectLineHost _host;
    private readonly DirectLineClient _client;

    public DirectLineProtocolTests()
    {
        _host = new DirectLineHost(_database.Path, services: services => services.AddSingleton<TimeProvider>(_time));
        _client = new DirectLineClient(_host.CreateClient());
    }

    [Fact]
    public async Task Generating_a_token_with_the_secret_gives_a_signed_token_for_a_new_conversation()
    {
        var response = await _client.GenerateTokenAsync(DirectLineHost.Secret);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var json = response.Json;
        var token = json.Value<string>("token")!;
        Assert.Equal(1800, json.Value<int>("expires_in"));
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        var payload = Payload(token);
        Assert.StartsWith("dl_", payload.Value<string>("user"));
        Assert.Equal(json.Value<string>("conversationId"), payload.Value<string>("conv"));
        Assert.True(payload.Value<long>("exp") > DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1700);
    }

    [Fact]
    public async Task Generating_a_token_for_a_named_user_puts_the_user_in_the_token()
    {
        var response = await _client.GenerateTokenAsync(DirectLineHost.Secret, new JObject { ["user"] = new JObject { ["id"] = "dl_customer-7", ["name"] = "Kund" } });

        Assert.Equal("dl_customer-7", Payload(response.Json.Value<string>("token")!).Value<string>("user"));
    }

    [Fact]
    public async Task Generating_a_token_without_the_secret_is_401_and_with_a_wrong_one_403()
    {
        var missing = await _client.GenerateTokenAsync(null);
        var wrong = await _client.GenerateTokenAsync("not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.NotNull(missing.Json["error"]?["code"]);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.Status);
        Assert.NotNull(wrong.Json["error"]?["message"]);
    }

    [Fact]
    public async Task A_refreshed_token_is_new_and_keeps_the_conversation()
    {
        var generated = (await _client.GenerateTokenAsync(DirectLineHost.Secret)).Json;
        var token = generated.Value<string>("token")!;
        var conversationId = generated.Value<string>("conversationId")!;
        _time.Advance(TimeSpan.FromSeconds(1)); // A new exp second, so the token differs.

        var refreshed = await _client.RefreshTokenAsync(token);

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        var newToken = refreshed.Json.Value<string>("token")!;
        Assert.NotEqual(token, newToken);
        Assert.Equal(conversationId, Payload(newToken).Value<string>("conv"));
        Assert.Equal(Payload(token).Value<string>("user"), Payload(newToken).Value<string>("user"));
        var started = await _client.StartAsync(newToken);
        Assert.Equal(conversationId, started.Json.Value<string>("conversationId"));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetActivitiesAsync(conversationId, newToken)).Status);
    }

    [Fact]
    public async Task Starting_a_conversation_gives_201_a_token_and_an_absolute_stream_url_and_the_welcome_lands_in_the_log()
    {
        var response = await _client.StartAsync(DirectLineHost.Secret, userId: "web-user-1");

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var json = response.Json;
        var conversationId = json.Value<string>("conversationId")!;
        var token = json.Value<string>("token")!;
        Assert.Equal(1800, json.Value<int>("expires_in"));
        Assert.Equal($"ws://localhost/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}", json.Value<string>("streamUrl"));
        Assert.Equal("web-user-1", Payload(token).Value<string>("user"));

        var activities = await _client.PollAsync(conversationId, token, list => list.Count >= 2);
        var welcome = activities[0];
        Assert.Equal("message", welcome.Value<string>("type"));
        Assert.StartsWith(SwedishWelcome, welcome.Value<string>("text"));
        Assert.Equal("directline", welcome.Value<string>("channelId"));
        Assert.Equal($"{conversationId}|0000000", welcome.Value<string>("id"));
        Assert.Equal("iqosbot", welcome["from"]!.Value<string>("id"));
        Assert.Equal("bot", welcome["from"]!.Value<string>("role"));
        Assert.Equal("web-user-1", welcome["recipient"]!.Value<string>("id"));
        Assert.Equal(conversationId, welcome["conversation"]!.Value<string>("id"));
        Assert.Equal("cu-" + conversationId, welcome.Value<string>("replyToId"));
        Assert.NotNull(activities[1]["suggestedActions"]);
        Assert.DoesNotContain(activities, activity => activity.Value<string>("type") == "conversationUpdate");
    }

    [Fact]
    public async Task A_secret_cannot_claim_a_dl_user_id()
    {
        var response = await _client.StartAsync(DirectLineHost.Secret, userId: "dl_someone");

        var user = Payload(response.Json.Value<string>("token")!).Value<string>("user")!;
        Assert.NotEqual("dl_someone", user);
    }

    [Fact]
    public async Task Starting_with_a_generated_token_uses_its_conversation_201_first_then_200()
    {
        var generated = (await _client.GenerateTokenAsync(DirectLineHost.Secret)).Json;
        var token = generated.Value<string>("token")!;

        var first = await _client.StartAsync(token);
        var second = await _client.StartAsync(token);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(generated.Value<string>("conversationId"), first.Json.Value<string>("conversationId"));
        Assert.Equal(generated.Value<string>("conversationId"), second.Json.Value<string>("conversationId"));
        var activities = await _client.PollAsync(first.Json.Value<string>("conversationId")!, token, list => list.Count >= 2);

        // Every turn the two starts queued for the conversation has run once a no-op queued behind them has.
        await _host.Services.GetRequiredService<DirectLineTurnQueue>().EnqueueProactive(first.Json.Value<string>("conversationId")!, _ => Task.CompletedTask);
        var again = await _client.GetActivitiesAsync(first.Json.Value<string>("conversationId")!, token);
        Assert.Equal(2, again.Json["activities"]!.Count()); // One welcome, not two.
        Assert.Equal(Payload(token).Value<string>("user"), activities[0]["recipient"]!.Value<string>("id"));
    }

    [Fact]
    public async Task The_stream_url_follows_forwarded_headers()
    {
        var response = await _client.StartAsync(DirectLineHost.Secret, headers: new Dictionary<string, string>
        {
            ["X-Forwarded-Proto"] = "https",
            ["X-Forwarded-Host"] = "chat.example.se",
        });

        Assert.StartsWith("wss://chat.example.se/v3/directline/conversations/", response.Json.Value<string>("streamUrl"));
    }

    [Fact]
    public async Task A_message_is_echoed_with_its_client_activity_id_and_a_server_id_then_answered_in_Swedish()
    {
        var (conversationId, token) = await StartAndWaitForWelcomeAsync();

        var posted = await _client.PostTextAsync(conversationId, token, "hej", "client-abc123");

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        var echoId = posted.Json.Value<string>("id")!;
        Assert.Equal($"{conversationId}|0000002", echoId);
        var activities = await _client.PollAsync(conversationId, token, list => list.Count >= 4);
        var echo = activities[2];
        Assert.Equal(echoId, echo.Value<string>("id"));
        Assert.Equal("client-abc123", echo["channelData"]!.Value<string>("clientActivityID"));
        Assert.Equal("directline", echo.Value<string>("channelId"));
        Assert.Equal(Payload(token).Value<string>("user"), echo["from"]!.Value<string>("id"));
        Assert.Equal("Test User", echo["from"]!.Value<string>("name"));
        Assert.Equal("user", echo["from"]!.Value<string>("role"));
        Assert.Equal("iqosbot", echo["recipient"]!.Value<string>("id"));
        Assert.Equal(conversationId, echo["conversation"]!.Value<string>("id"));
        Assert.Equal("hej", echo.Value<string>("text"));

        var reply = activities[3];
        Assert.Equal(SwedishGreetingReply, reply.Value<string>("text"));
        Assert.Equal(echoId, reply.Value<string>("replyToId"));
        Assert.Equal("bot", reply["from"]!.Value<string>("role"));
        Assert.Equal("IQOS", reply["from"]!.Value<string>("name"));
        Assert.Equal($"{conversationId}|0000003", reply.Value<string>("id"));

        // Server timestamps increase strictly, in log order.
        var stamps = activities.Select(activity => activity["timestamp"]!.Value<DateTime>()).ToList();
        Assert.Equal(stamps.OrderBy(stamp => stamp), stamps);
        Assert.Equal(stamps.Count, stamps.Distinct().Count());
    }

    [Fact]
    public async Task Watermarks_return_only_newer_activities_and_an_empty_or_invalid_one_returns_all()
    {
        var (conversationId, token) = await StartAndWaitForWelcomeAsync();

        var all = await _client.GetActivitiesAsync(conversationId, token, "");
        Assert.Equal("2", all.Json.Value<string>("watermark"));
        Assert.Equal(JTokenType.String, all.Json["watermark"]!.Type);

        var none = await _client.GetActivitiesAsync(conversationId, token, "2");
        Assert.Empty(none.Json["activities"]!);
        Assert.Equal("2", none.Json.Value<string>("watermark"));

        await _client.PostTextAsync(conversationId, token, "hej", "c1");
        await _client.PollAsync(conversationId, token, list => list.Count >= 4);

        var newer = await _client.GetActivitiesAsync(conversationId, token, "2");
        Assert.Equal(["hej", SwedishGreetingReply], newer.Json["activities"]!.Select(activity => activity.Value<string>("text")));
        Assert.Equal("4", newer.Json.Value<string>("watermark"));

        Assert.Equal(4, (await _client.GetActivitiesAsync(conversationId, token, null)).Json["activities"]!.Count());
        Assert.Equal(4, (await _client.GetActivitiesAsync(conversationId, token, "null")).Json["activities"]!.Count());
        Assert.Equal(4, (await _client.GetActivitiesAsync(conversationId, token, "-3")).Json["activities"]!.Count());
    }

    [Fact]
    public async Task A_message_the_client_posts_again_under_its_client_id_is_kept_and_answered_once()
    {
        var (conversationId, token) = await StartAndWaitForWelcomeAsync();

        // The first POST's answer was lost on the way back; Web Chat retries with the same clientActivityID.
        var first = await _client.PostTextAsync(conversationId, token, "hej", "retry-1");
        var again = await _client.PostTextAsync(conversationId, token, "hej", "retry-1");

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(first.Json.Value<string>("id"), again.Json.Value<string>("id"));
        var activities = await _client.PollAsync(conversationId, token, list => list.Any(activity => activity.Value<string>("text") == SwedishGreetingReply));
        await Task.Delay(500);
        activities = await _client.PollAsync(conversationId, token, _ => true);
        Assert.Single(activities, activity => activity.Value<string>("text") == "hej");
        Assert.Single(activities, activity => activity.Value<string>("text") == SwedishGreetingReply);
    }

    [Fact]
    public async Task The_first_stream_frame_replays_the_welcome_and_then_the_echo_and_reply_follow()
    {
        var started = (await _client.StartAsync(DirectLineHost.Secret)).Json;
        var conversationId = started.Value<string>("conversationId")!;
        var token = started.Value<string>("token")!;
        await _client.PollAsync(conversationId, token, list => list.Count >= 2);

        await using var socket = await StreamSocket.ConnectAsync(_host.Server, started.Value<string>("streamUrl")!);
        await socket.ReadUntilAsync(list => list.Count >= 2);
        Assert.StartsWith(SwedishWelcome, socket.Activities[0].Value<string>("text"));
        Assert.Equal("2", socket.Frames[0].Value<string>("watermark"));

        var posted = await _client.PostTextAsync(conversationId, token, "hej", "ws-1");
        var echoId = posted.Json.Value<string>("id");
        await socket.ReadUntilAsync(list => list.Any(activity => activity.Value<string>("text") == SwedishGreetingReply));

        var echo = socket.Activities.Single(activity => activity.Value<string>("id") == echoId);
        Assert.Equal("ws-1", echo["channelData"]!.Value<string>("clientActivityID"));
        var reply = socket.Activities.Last();
        Assert.Equal(echoId, reply.Value<string>("replyToId"));
        Assert.Equal("4", socket.Frames.Last().Value<string>("watermark"));
    }

    [Fact]
    public async Task A_socket_opened_right_after_the_start_still_gets_the_welcome()
    {
        var started = (await _client.StartAsync(DirectLineHost.Secret)).Json;

        await using var socket = await StreamSocket.ConnectAsync(_host.Server, started.Value<string>("streamUrl")!);
        var activities = await socket.ReadUntilAsync(list => list.Count >= 2);

        Assert.StartsWith(SwedishWelcome, activities[0].Value<string>("text"));
        Assert.Equal(activities.Select(activity => activity.Value<string>("id")).Distinct().Count(), activities.Count);
    }

    [Fact]
    public async Task Two_sockets_on_one_conversation_both_get_the_reply()
    {
        var (conversationId, token) = await StartAndWaitForWelcomeAsync();
        var streamUrl = (await _client.ReconnectAsync(conversationId, token, "2")).Json.Value<string>("streamUrl")!;

        await using var first = await StreamSocket.ConnectAsync(_host.Server, streamUrl);
        await using var second = await StreamSocket.ConnectAsync(_host.Server, streamUrl);
        await first.ReadUntilAsync(_ => first.Frames.Count >= 1);
        await second.ReadUntilAsync(_ => second.Frames.Count >= 1);
        await _client.PostTextAsync(conversationId, token, "hej", "two");

        var one = await first.ReadUntilAsync(list => list.Count >= 2);
        var two = await second.ReadUntilAsync(list => list.Count >= 2);
        Assert.Equal(SwedishGreetingReply, one[1].Value<string>("text"));
        Assert.Equal(SwedishGreetingReply, two[1].Value<string>("text"));
        Assert.Equal(one.Select(activity => activity.Value<string>("id")), two.Select(activity => activity.Value<string>("id")));
    }

    [Fact]
    public async Task Reconnecting_with_a_watermark_replays_exactly_the_missed_activities()
    {
        var (conversationId, token) = await StartAndWaitForWelcomeAsync();
        var streamUrl = (await _client.StartAsync(token)).Json.Value<string>("streamUrl")!;
        string watermark;
        await using (var socket = await StreamSocket.ConnectAsync(_host.Server, streamUrl))
        {
            await socket.ReadUntilAsync(list => list.Count >= 2);
            watermark = socket.Frames.Last().Value<string>("watermark")!;
        }

        // While disconnected:
        await _client.PostTextAsync(conversationId, token, "hej", "missed");
        await _client.PollAsync(conversationId, token, list => list.Count >= 4);

        var reconnect = await _client.ReconnectAsync(conversationId, token, watermark);
        Assert.Equal(HttpStatusCode.OK, reconnect.Status);
        var json = reconnect.Json;
        Assert.Equal(conversationId, json.Value<string>("conversationId"));
        Assert.False(string.IsNullOrEmpty(json.Value<string>("token")));
        var newUrl = json.Value<string>("streamUrl")!;
        Assert.StartsWith("ws://localhost/", newUrl);
        Assert.EndsWith("&watermark=2", newUrl);

        await using var again = await StreamSocket.ConnectAsync(_host.Server, newUrl);
        await again.ReadUntilAsync(_ => again.Frames.Count >= 1);
        Assert.Equal(["hej", SwedishGreetingReply], again.Activities.Select(activity => activity.Value<string>("text")));
        Assert.Equal("4", again.Frames[0].Value<string>("watermark"));
    }

    [Fact]
    public async Task Auth_errors_missing_401_other_conversation_403_forged_403_unknown_404()
    {
        var (conversationA, tokenA) = await StartAndWaitForWelcomeAsync();
        var (conversationB, _) = await StartAndWaitForWelcomeAsync();

        var missing = await _client.GetActivitiesAsync(conversationA, null);
        var otherConversation = await _client.GetActivitiesAsync(conversationB, tokenA);
        var otherPost = await _client.PostTextAsync(conversationB, tokenA, "hej", "x");
        var parts = tokenA.Split('.');
        var forgedPayload = Base64Url(Encoding.UTF8.GetBytes(Payload(tokenA).ToString().Replace(conversationA, conversationB, StringComparison.Ordinal)));
        var forged = await _client.GetActivitiesAsync(conversationB, $"{parts[0]}.{forgedPayload}.{parts[2]}");
        var badSignature = await _client.GetActivitiesAsync(conversationA, $"{parts[0]}.{parts[1]}.{Base64Url(new byte[32])}");
        var garbage = await _client.GetActivitiesAsync(conversationA, "garbage");
        var unknown = await _client.GetActivitiesAsync("no-such-conversation", DirectLineHost.Secret);
        var unknownPost = await _client.PostTextAsync("no-such-conversation", DirectLineHost.Secret, "hej", "x");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.Equal(HttpStatusCode.Forbidden, otherConversation.Status);
        Assert.Equal(HttpStatusCode.Forbidden, otherPost.Status);
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.Equal(HttpStatusCode.Forbidden, badSignature.Status);
        Assert.Equal(HttpStatusCode.Forbidden, garbage.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknownPost.Status);
        Assert.Equal("NotFound", unknown.Json["error"]!.Value<string>("code"));
    }

    [Fact]
    public async Task The_stream_checks_the_token_in_its_url()
    {
        var (conversationA, tokenA) = await StartAndWaitForWelcomeAsync();
        var (conversationB, _) = await StartAndWaitForWelcomeAsync();

        var missing = await _client.SendAsync(HttpMethod.Get, $"/conversations/{conversationA}/stream", null);
        var other = await _client.SendAsync(HttpMethod.Get, $"/conversations/{conversationB}/stream?t={tokenA}", null);
        var plainHttp = await _client.SendAsync(HttpMethod.Get, $"/conversations/{conversationA}/stream?t={tokenA}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.Equal(HttpStatusCode.BadRequest, plainHttp.Status);
        await Assert.ThrowsAnyAsync<Exception>(() => StreamSocket.ConnectAsync(_host.Server, $"ws://localhost/v3/directline/conversations/{conversationB}/stream?t={tokenA}"));
    }

    [Fact]
    public async Task Typing_goes_to_sockets_but_not_into_the_history()
    {
        var (conversationId, token) = await StartAndWaitForWelcomeAsync();
        var streamUrl = (await _client.ReconnectAsync(conversationId, token, "2")).Json.Value<string>("streamUrl")!;
        await using var socket = await StreamSocket.ConnectAsync(_host.Server, streamUrl);
        await socket.ReadUntilAsync(_ => socket.Frames.Count >= 1);

        var typing = await _client.PostActivityAsync(conversationId, token, new JObject { ["type"] = "typing", ["from"] = new JObject { ["id"] = "x" } });
        Assert.Equal(HttpStatusCode.OK, typing.Status);
        await socket.ReadUntilAsync(list => list.Any(activity => activity.Value<string>("type") == "typing"));

        await _client.PostTextAsync(conversationId, token, "hej", "after-typing");
        var history = await _client.PollAsync(conversationId, token, list => list.Count >= 4);
        Assert.DoesNotContain(history, activity => activity.Value<string>("type") == "typing");
        Assert.Equal(history.Select(activity => activity.Value<string>("id")).Distinct().Count(), history.Count);
    }

    [Fact]
    public async Task An_upload_becomes_a_message_with_data_url_attachments_and_large_files_are_refused()
    {
        var (conversationId, token) = await StartAndWaitForWelcomeAsync();
        var activity = DirectLineClient.Message("here is a file", "upload-1");
        activity["attachments"] = new JArray(new JObject { ["contentType"] = "text/plain", ["name"] = "upload.txt" });

        using (var form = UploadForm(activity, "upload.txt", Encoding.UTF8.GetBytes("hello attachment")))
        {
            var response = await PostUploadAsync(conversationId, token, form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var history = await _client.PollAsync(conversationId, token, list => list.Any(item => item.Value<string>("text") == "here is a file"));
        var echo = history.Single(item => item.Value<string>("text") == "here is a file");
        Assert.Equal("upload-1", echo["channelData"]!.Value<string>("clientActivityID"));
        var attachment = (JObject)echo["attachments"]!.Single();
        Assert.Equal("upload.txt", attachment.Value<string>("name"));
        Assert.Equal("text/plain", attachment.Value<string>("contentType"));
        Assert.Equal("data:text/plain;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes("hello attachment")), attachment.Value<string>("contentUrl"));

        using var big = UploadForm(activity, "big.bin", new byte[(256 * 1024) + 1]);
        var refused = await PostUploadAsync(conversationId, token, big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
    }

    private async Task<HttpResponseMessage> PostUploadAsync(string conversationId, string token, MultipartFormDataContent form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId=x") { Content = form };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await _client.Http.SendAsync(request);
    }

    private static MultipartFormDataContent UploadForm(JObject activity, string fileName, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var activityPart = new StringContent(activity.ToString(), Encoding.UTF8);
        activityPart.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activityPart, "activity", "blob");
        var filePart = new ByteArrayContent(bytes);
        filePart.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(fileName.EndsWith(".txt", StringComparison.Ordinal) ? "text/plain" : "application/octet-stream");
        form.Add(filePart, "file", fileName);
        return form;
    }

    private async Task<(string ConversationId, string Token)> StartAndWaitForWelcomeAsync()
    {
        var token = (await _client.GenerateTokenAsync(DirectLineHost.Secret)).Json.Value<string>("token")!;
        var started = await _client.StartAsync(token);
        Assert.Equal(HttpStatusCode.Created, started.Status);
        var conversationId = started.Json.Value<string>("conversationId")!;
        await _client.PollAsync(conversationId, token, list => list.Count >= 2);
        return (conversationId, started.Json.Value<string>("token")!);
    }

    internal static JObject Payload(string token)
    {
        var part = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part += new string('=', (4 - (part.Length % 4)) % 4);
        return JObject.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
