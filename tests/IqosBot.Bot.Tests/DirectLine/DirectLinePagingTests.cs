using System.Net;
using IqosBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// GET …/activities returns at most a page (100) of a long conversation; its watermark continues from the last
/// activity returned, so following the watermarks reads everything once, in order.
/// </summary>
public sealed class DirectLinePagingTests : IDisposable
{
    private const int Messages = 130;

    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public DirectLinePagingTests()
    {
        _host = new DirectLineHost(_database.Path);
    }

    [Fact]
    public async Task A_long_conversation_is_read_a_page_at_a_time_and_the_watermarks_continue()
    {
        var client = new DirectLineClient(_host.CreateClient());
        var started = (await client.StartAsync(DirectLineHost.Secret)).Json;
        var conversationId = started.Value<string>("conversationId")!;
        var token = started.Value<string>("token")!;
        for (var i = 0; i < Messages; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostTextAsync(conversationId, token, "meddelande " + i, "m-" + i)).Status);
        }

        var first = (await client.GetActivitiesAsync(conversationId, token, watermark: null)).Json;
        var pages = new List<JArray> { (JArray)first["activities"]! };
        var watermark = first.Value<string>("watermark");
        while (pages[^1].Count == 100)
        {
            var next = (await client.GetActivitiesAsync(conversationId, token, watermark)).Json;
            pages.Add((JArray)next["activities"]!);
            watermark = next.Value<string>("watermark");
        }

        Assert.Equal(100, pages[0].Count);
        var ids = pages.SelectMany(page => page).Select(activity => (string)activity["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var texts = pages.SelectMany(page => page).Where(activity => (string?)activity["from"]?["role"] != "bot").Select(activity => (string?)activity["text"]).ToList();
        Assert.Equal(Enumerable.Range(0, Messages).Select(i => "meddelande " + i), texts.Where(text => text?.StartsWith("meddelande ", StringComparison.Ordinal) == true));
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
