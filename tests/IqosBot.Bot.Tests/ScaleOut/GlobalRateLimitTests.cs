using System.Globalization;
using System.Net;
using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.Bot.Tests.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IqosBot.Bot.Tests.ScaleOut;

/// <summary>
/// With ConnectionStrings:Redis a client's limit holds across the instances behind the load balancer: the windows
/// are counted in Redis, so the request after the limit is refused whichever instance it reaches (still 429 with
/// Retry-After, and Direct Line's own error shape). Without Redis, N instances give N times the limit. While
/// Redis is down, each instance counts for itself rather than failing the request.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class GlobalRateLimitTests(RedisServer redis) : IDisposable
{
    private const int Limit = 4;

    /// <summary>Not the 60 s a refusal says when it knows no better, so the Retry-After from Redis's window shows.</summary>
    private const int WindowSeconds = 30;

    private readonly TempDatabase _a = new();
    private readonly TempDatabase _b = new();

    [Fact]
    public async Task A_client_gets_its_token_limit_once_across_two_instances_and_the_next_request_is_refused_on_either()
    {
        var shared = await redis.EmptyDatabaseAsync(4);
        using var instanceA = Start(_a, shared);
        using var instanceB = Start(_b, shared);
        using var httpA = instanceA.CreateClient();
        using var httpB = instanceB.CreateClient();

        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostToken(i % 2 == 0 ? httpA : httpB, "203.0.113.5")).StatusCode);
        }

        var refusedOnA = await PostToken(httpA, "203.0.113.5");
        var refusedOnB = await PostToken(httpB, "203.0.113.5");

        Assert.Equal(HttpStatusCode.TooManyRequests, refusedOnA.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedOnB.StatusCode);
        Assert.True(int.Parse(refusedOnB.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) is > 0 and <= WindowSeconds);
        Assert.Equal("application/problem+json", refusedOnB.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await PostToken(httpB, "198.51.100.7")).StatusCode);
    }

    [Fact]
    public async Task Direct_line_conversations_started_on_two_instances_share_one_window_and_keep_direct_lines_error_shape()
    {
        var shared = await redis.EmptyDatabaseAsync(4);
        using var instanceA = Start(_a, shared);
        using var instanceB = Start(_b, shared);
        var clientA = new DirectLineClient(instanceA.CreateClient());
        var clientB = new DirectLineClient(instanceB.CreateClient());

        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await (i % 2 == 0 ? clientA : clientB).StartAsync(DirectLineHost.Secret)).Status);
        }

        var refused = await clientA.StartAsync(DirectLineHost.Secret);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("TooManyRequests", refused.Json["error"]?.Value<string>("code"));
    }

    [Fact]
    public async Task Without_redis_each_instance_has_a_window_of_its_own()
    {
        using var instanceA = Start(_a, redisConnection: null);
        using var instanceB = Start(_b, redisConnection: null);
        using var httpA = instanceA.CreateClient();
        using var httpB = instanceB.CreateClient();

        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostToken(httpA, "203.0.113.5")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await PostToken(httpB, "203.0.113.5")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostToken(httpA, "203.0.113.5")).StatusCode);
    }

    [Fact]
    public async Task While_redis_is_down_an_instance_still_serves_and_limits_on_its_own()
    {
        var own = await RedisServer.StartOwnAsync();
        try
        {
            using var instance = Start(_a, own.ConnectionString);
            using var http = instance.CreateClient();
            own.Stop();

            for (var i = 0; i < Limit; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await PostToken(http, "203.0.113.5")).StatusCode);
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, (await PostToken(http, "203.0.113.5")).StatusCode);
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    private static DirectLineHost Start(TempDatabase database, string? redisConnection) => new(
        database.Path,
        new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:Tokens:PermitLimit"] = Limit.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:Tokens:WindowSeconds"] = WindowSeconds.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:Conversations:PermitLimit"] = Limit.ToString(CultureInfo.InvariantCulture),
            ["ConnectionStrings:Redis"] = redisConnection,
        },
        services => services.AddSingleton<IStartupFilter, TestClientAddress>());

    private static async Task<HttpResponseMessage> PostToken(HttpClient http, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(TestClientAddress.Header, client);
        return await http.SendAsync(request);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }
}
