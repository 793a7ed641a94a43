using System.Net;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.Bot.Tests.Storage;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.ScaleOut;

/// <summary>
/// With ConnectionStrings:Redis an instance is ready only while Redis answers (what it shares with the other
/// instances goes through it): /readyz 503 while Redis is down and 200 again once it is back; /healthz stays 200.
/// </summary>
public sealed class RedisReadinessTests : IDisposable
{
    private readonly TempDatabase _files = new();

    [Fact]
    public async Task The_bot_is_not_ready_while_redis_is_down_and_ready_again_when_it_is_back_and_alive_all_along()
    {
        // A redis-server of this test's own: it is stopped under the running bot.
        var redis = await RedisServer.StartOwnAsync();
        try
        {
            using var host = new BotHost(_files.Path, new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString });
            var client = host.CreateClient();

            var ready = await client.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Healthy", JObject.Parse(await ready.Content.ReadAsStringAsync())["checks"]?.Value<string>("redis"));

            redis.Stop();

            var notReady = await client.GetAsync("/readyz");
            var body = await notReady.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Equal("not ready", JObject.Parse(body).Value<string>("status"));
            Assert.Equal("Unhealthy", JObject.Parse(body)["checks"]?.Value<string>("redis"));
            Assert.Equal("Healthy", JObject.Parse(body)["checks"]?.Value<string>("state"));
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

            await redis.RestartAsync();

            // The connection comes back by itself (it retries in the background): ready again within a minute.
            var deadline = DateTime.UtcNow.AddMinutes(1);
            HttpStatusCode status;
            while ((status = (await client.GetAsync("/readyz")).StatusCode) != HttpStatusCode.OK && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            Assert.Equal(HttpStatusCode.OK, status);
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task Without_redis_configured_readiness_does_not_ask_for_it()
    {
        using var host = new BotHost(_files.Path);

        var ready = await host.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Null(JObject.Parse(await ready.Content.ReadAsStringAsync())["checks"]?["redis"]);
    }

    public void Dispose() => _files.Dispose();
}
