using System.Net;
using IqosBot.Bot.Tests.Handoff;
using IqosBot.Bot.Tests.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>
/// Behind a load balancer an agent's next request may land on another instance: with ConnectionStrings:Redis the
/// sign-in cookie one instance issued is valid on the other (shared Data Protection keys); without, it is not.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class SharedKeysTests(RedisServer redis) : IDisposable
{
    private readonly TempDatabase _a = new();
    private readonly TempDatabase _b = new();

    [Fact]
    public async Task An_agent_signed_in_on_one_instance_is_signed_in_on_the_other_when_the_keys_are_in_redis()
    {
        var shared = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString };
        using var instanceA = new BotHost(_a.Path, Agents.Settings(shared));
        using var instanceB = new BotHost(_b.Path, Agents.Settings(shared));
        var cookies = new CookieContainer();

        await AgentBrowser.SignedInAsync(instanceA, Agents.Anna, cookies);
        var onB = await new AgentBrowser(instanceB, cookies).GetAsync("/agent/api/me");

        Assert.Equal(HttpStatusCode.OK, onB.Status);
        Assert.Contains(Agents.Anna, onB.Body, StringComparison.Ordinal);

        // The key ring is in Redis, not only in each instance's memory.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        Assert.True(await connection.GetDatabase().KeyExistsAsync(IqosBot.Configuration.SharedKeysServiceCollectionExtensions.KeyRingKey));
    }

    [Fact]
    public async Task Without_shared_keys_the_other_instance_does_not_accept_the_cookie()
    {
        // Each instance's keys where a machine of its own would keep them (one test machine shares its profile folder).
        using var instanceA = new BotHost(_a.Path, Agents.Settings(), services => services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(_a.Directory)));
        using var instanceB = new BotHost(_b.Path, Agents.Settings(), services => services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(_b.Directory)));
        var cookies = new CookieContainer();

        await AgentBrowser.SignedInAsync(instanceA, Agents.Anna, cookies);
        var onB = await new AgentBrowser(instanceB, cookies).GetAsync("/agent/api/me");

        Assert.NotEqual(HttpStatusCode.OK, onB.Status);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }
}
