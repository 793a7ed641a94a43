using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>The agents' queue API answers a page of waiting customers at a time, with the total and their places.</summary>
public sealed class AgentQueuePagingTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public AgentQueuePagingTests()
    {
        _host = Agents.Host(_database.Path);
    }

    [Fact]
    public async Task The_queue_is_read_a_page_at_a_time_with_the_total_and_the_places()
    {
        var anna = await AgentBrowser.SignedInAsync(_host, Agents.Anna);
        for (var i = 0; i < 3; i++)
        {
            await (await Customer.StartAsync(_host)).QueueAsync();
        }

        var first = (JObject)await anna.GetJsonAsync("/agent/api/queue?take=2");
        var rest = (JObject)await anna.GetJsonAsync("/agent/api/queue?skip=2&take=2");

        Assert.Equal(3, first.Value<int>("waitingTotal"));
        Assert.Equal([1, 2], ((JArray)first["waiting"]!).Select(item => item.Value<int>("position")));
        Assert.Equal([3], ((JArray)rest["waiting"]!).Select(item => item.Value<int>("position")));
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
