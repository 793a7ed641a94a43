using System.Net;
using IqosBot.Bot.Tests.Handoff;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.Bot.Tests.Storage;

namespace IqosBot.Bot.Tests.ScaleOut;

/// <summary>
/// With Redis, wrong passwords for an agent account count once across the instances: someone guessing through a
/// balancer that spreads the tries over two instances is locked out after five, not ten, on both.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class SharedSignInLockoutTests(RedisServer redis) : IDisposable
{
    private readonly TempDatabase _a = new();
    private readonly TempDatabase _b = new();

    [Fact]
    public async Task Five_wrong_passwords_spread_over_two_instances_lock_the_account_on_both_and_only_that_account()
    {
        var shared = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = await redis.EmptyDatabaseAsync(5) };
        using var instanceA = Agents.Host(_a.Path, extra: shared);
        using var instanceB = Agents.Host(_b.Path, extra: shared);

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await new AgentBrowser(i % 2 == 0 ? instanceA : instanceB).PostLoginAsync(Agents.Anna, "gissning-" + i, "/agent");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var lockedOnA = await new AgentBrowser(instanceA).PostLoginAsync(Agents.Anna, Agents.Password, "/agent");
        using var lockedOnB = await new AgentBrowser(instanceB).PostLoginAsync(Agents.Anna, Agents.Password, "/agent");
        using var other = await new AgentBrowser(instanceB).PostLoginAsync(Agents.Bertil, Agents.Password, "/agent");

        Assert.Equal(HttpStatusCode.TooManyRequests, lockedOnA.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, lockedOnB.StatusCode);
        Assert.InRange(int.Parse(lockedOnB.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 15 * 60);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task A_right_password_clears_the_count_on_every_instance()
    {
        var shared = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = await redis.EmptyDatabaseAsync(5) };
        using var instanceA = Agents.Host(_a.Path, extra: shared);
        using var instanceB = Agents.Host(_b.Path, extra: shared);

        for (var i = 0; i < 4; i++)
        {
            using var wrong = await new AgentBrowser(instanceA).PostLoginAsync(Agents.Anna, "gissning-" + i, "/agent");
        }

        using (var right = await new AgentBrowser(instanceB).PostLoginAsync(Agents.Anna, Agents.Password, "/agent"))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        }

        using var oneMoreWrong = await new AgentBrowser(instanceA).PostLoginAsync(Agents.Anna, "tappade-tummen", "/agent");
        using var stillOpen = await new AgentBrowser(instanceA).PostLoginAsync(Agents.Anna, Agents.Password, "/agent");

        Assert.Equal(HttpStatusCode.Unauthorized, oneMoreWrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, stillOpen.StatusCode);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }
}
