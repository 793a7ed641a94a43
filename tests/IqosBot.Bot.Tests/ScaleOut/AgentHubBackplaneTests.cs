using System.Net;
using IqosBot.Bot.Tests.Handoff;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.Bot.Tests.Storage;
using StackExchange.Redis;

namespace IqosBot.Bot.Tests.ScaleOut;

/// <summary>
/// Behind a load balancer the agent's console and the customer may be on different instances: with
/// ConnectionStrings:Redis the agent hub's events go through Redis (the SignalR backplane) and reach every
/// instance's consoles; without it, an instance's consoles hear only that instance.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class AgentHubBackplaneTests(RedisServer redis) : IDisposable
{
    private readonly TempDatabase _a = new();
    private readonly TempDatabase _b = new();

    [Fact]
    public async Task An_agent_connected_to_one_instance_hears_of_a_customer_queued_on_the_other()
    {
        var shared = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = await redis.EmptyDatabaseAsync(1) };
        using var instanceA = Agents.Host(_a.Path, extra: shared);
        using var instanceB = Agents.Host(_b.Path, extra: shared);
        var cookies = new CookieContainer();
        await AgentBrowser.SignedInAsync(instanceA, Agents.Anna, cookies);
        await using var annaOnA = await AgentHubListener.ConnectAsync(instanceA, cookies);

        var customer = await Customer.StartAsync(instanceB);
        await customer.QueueAsync();

        await annaOnA.NextQueueChangeAsync();

        // The backplane's channels are the bot's, under its prefix, so other applications can share the Redis.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var channels = (RedisResult[])(await connection.GetServer(connection.GetEndPoints()[0]).ExecuteAsync("PUBSUB", "CHANNELS", "*"))!;
        var names = channels.Select(channel => channel.ToString()).ToList();
        Assert.Contains("iqosbotIqosBot.AgentConsole.AgentHub:all", names);
        Assert.All(names.Where(name => name.Contains("AgentHub", StringComparison.Ordinal)), name => Assert.StartsWith("iqosbot", name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_redis_an_agent_hears_only_of_customers_queued_on_their_own_instance()
    {
        using var instanceA = Agents.Host(_a.Path);
        using var instanceB = Agents.Host(_b.Path);
        var annaCookies = new CookieContainer();
        var bertilCookies = new CookieContainer();
        await AgentBrowser.SignedInAsync(instanceA, Agents.Anna, annaCookies);
        await AgentBrowser.SignedInAsync(instanceB, Agents.Bertil, bertilCookies);
        await using var annaOnA = await AgentHubListener.ConnectAsync(instanceA, annaCookies);
        await using var bertilOnB = await AgentHubListener.ConnectAsync(instanceB, bertilCookies);

        // B announces its customer (Bertil, on B, hears it) ...
        await (await Customer.StartAsync(instanceB)).QueueAsync();
        await bertilOnB.NextQueueChangeAsync();

        // ... and then A its own. Anna hears A's, and B's never came before it (through Redis it would have: one publisher order).
        await (await Customer.StartAsync(instanceA)).QueueAsync();
        await annaOnA.NextQueueChangeAsync();

        Assert.Equal(1, annaOnA.QueueChanges);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }
}
