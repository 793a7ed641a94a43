using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IqosBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// A body nested far deeper than any activity needs (an array 100,000 levels deep in channelData, about 200 KB):
/// refused with a 400 by Direct Line and /api/messages alike, never kept, and the bot answers the next customer.
/// Before the depth limit this request ended the whole process with a stack overflow.
/// </summary>
public sealed class DeepJsonTests : IDisposable
{
    private const int Depth = 100_000;

    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public DeepJsonTests()
    {
        _host = new DirectLineHost(_database.Path);
    }

    [Theory]
    [InlineData(65)]
    [InlineData(Depth)]
    public async Task A_deeply_nested_activity_posted_to_direct_line_is_400_and_the_conversation_goes_on(int depth)
    {
        var client = new DirectLineClient(_host.CreateClient());
        var started = (await client.StartAsync(DirectLineHost.Secret)).Json;
        var conversationId = started.Value<string>("conversationId")!;
        var token = started.Value<string>("token")!;

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{DirectLineClient.Prefix}/conversations/{conversationId}/activities")
        {
            Content = new StringContent(Nested("""{"type":"message","text":"hej","from":{"id":"dl_x"},"channelData":""", depth), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var refused = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("BadArgument", JObject.Parse(await refused.Content.ReadAsStringAsync())["error"]!.Value<string>("code"));
        var ok = await client.PostTextAsync(conversationId, token, "hej", "after-1");
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        var replies = await client.PollAsync(conversationId, token, activities => activities.Any(activity => (string?)activity["from"]?["role"] == "bot" && ((string?)activity["text"])?.Contains("hjälpa", StringComparison.Ordinal) == true));
        Assert.DoesNotContain(replies, activity => activity.ToString().Contains("[[[[", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deeply_nested_activity_posted_to_api_messages_is_400_and_the_bot_answers_the_next_one()
    {
        using var http = _host.CreateClient();
        var body = Nested("""{"type":"message","text":"hej","channelId":"emulator","serviceUrl":"http://localhost:1","conversation":{"id":"deep-1"},"from":{"id":"u"},"recipient":{"id":"b"},"deliveryMode":"expectReplies","channelData":""", Depth);

        var refused = await http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        var next = await new EmulatorClient(_host.CreateClient()).SendTextAsync("hej");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(next.Texts, text => text.Contains("hjälpa", StringComparison.Ordinal));
    }

    /// <summary>The start of an activity, then <paramref name="depth"/> nested arrays as its last property, closed.</summary>
    private static string Nested(string start, int depth)
        => new StringBuilder(start.Length + (2 * depth) + 2).Append(start).Append('[', depth).Append(']', depth).Append('}').ToString();

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
