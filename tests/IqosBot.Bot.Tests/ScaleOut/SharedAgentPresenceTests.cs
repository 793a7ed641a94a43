using System.Net;
using IqosBot.AgentConsole;
using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Handoff;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.Bot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.ScaleOut;

/// <summary>
/// Who is online (what the wait estimate and the transfer list read) is the same on every instance with
/// ConnectionStrings:Redis; a console connected to an instance that stops renewing its entries (it crashed)
/// stops counting after <see cref="RedisAgentPresence.ConnectionLifetime"/>. Without Redis, each instance
/// knows only its own agents.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class SharedAgentPresenceTests(RedisServer redis) : IDisposable
{
    private readonly TempDatabase _a = new();
    private readonly TempDatabase _b = new();

    [Fact]
    public async Task An_agent_signed_in_on_one_instance_is_online_for_a_transfer_on_the_other()
    {
        var shared = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = await redis.EmptyDatabaseAsync(2) };
        using var instanceA = Agents.Host(_a.Path, extra: shared);
        using var instanceB = Agents.Host(_b.Path, extra: shared);

        await AgentBrowser.SignedInAsync(instanceA, Agents.Anna);
        var bertilOnB = await AgentBrowser.SignedInAsync(instanceB, Agents.Bertil);

        Assert.True(await IsOnlineAsync(bertilOnB, Agents.Anna));
    }

    [Fact]
    public async Task Without_redis_the_other_instance_does_not_know_the_agent_is_online()
    {
        using var instanceA = Agents.Host(_a.Path);
        using var instanceB = Agents.Host(_b.Path);

        await AgentBrowser.SignedInAsync(instanceA, Agents.Anna);
        var bertilOnB = await AgentBrowser.SignedInAsync(instanceB, Agents.Bertil);

        Assert.False(await IsOnlineAsync(bertilOnB, Agents.Anna));
    }

    [Fact]
    public async Task A_console_keeps_the_agent_online_elsewhere_while_its_instance_beats_and_not_once_the_instance_has_stopped()
    {
        // Each instance on a clock of its own that only the test moves: an instance whose clock stands still never
        // renews its entries, as if it had crashed.
        var clockA = new FakeTimeProvider(ShiftedClock.Open);
        var clockB = new FakeTimeProvider(ShiftedClock.Open);
        var settings = Agents.Settings(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = await redis.EmptyDatabaseAsync(3) });
        using var instanceA = new DirectLineHost(_a.Path, settings, services => services.AddSingleton<TimeProvider>(clockA));
        using var instanceB = new DirectLineHost(_b.Path, settings, services => services.AddSingleton<TimeProvider>(clockB));
        var cookies = new CookieContainer();
        await AgentBrowser.SignedInAsync(instanceA, Agents.Anna, cookies);
        await using var annaOnA = await AgentHubListener.ConnectAsync(instanceA, cookies);
        var bertilOnB = await AgentBrowser.SignedInAsync(instanceB, Agents.Bertil);
        var presenceOnA = instanceA.Services.GetRequiredService<RedisAgentPresence>();

        // Past the two minutes her sign-in counts for: only the live console keeps her online, renewed by A's beats.
        foreach (var step in new[] { TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(20) })
        {
            clockA.Advance(step);
            clockB.Advance(step);
            await presenceOnA.BeatAsync();
        }

        Assert.True(await IsOnlineAsync(bertilOnB, Agents.Anna));

        // A beats no more: once its last entry has lapsed, B no longer counts her.
        clockB.Advance(RedisAgentPresence.ConnectionLifetime + TimeSpan.FromSeconds(1));

        Assert.False(await IsOnlineAsync(bertilOnB, Agents.Anna));
    }

    private static async Task<bool> IsOnlineAsync(AgentBrowser browser, string userName)
    {
        var agents = (JArray)await browser.GetJsonAsync("/agent/api/agents");
        var agent = agents.Single(entry => entry.Value<string>("userName") == userName);
        return agent.Value<bool>("online");
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }
}
