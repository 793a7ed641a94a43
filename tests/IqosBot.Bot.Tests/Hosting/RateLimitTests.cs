using System.Net;
using IqosBot.Bot.Tests.DirectLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Hosting;

/// <summary>
/// One client flooding the public endpoints gets 429s with Retry-After while another is served normally;
/// X-Forwarded-For counts only from a configured proxy; <c>RateLimits:Enabled=false</c> turns the limits off.
/// The test server has no client address of its own: a startup filter sets it from the test's X-Test-Client.
/// </summary>
public sealed class RateLimitTests : IDisposable
{
    private const string Proxy = "10.9.9.9";

    private readonly TempDatabase _database = new();
    private DirectLineHost? _host;

    [Fact]
    public async Task A_thousand_token_requests_from_one_client_are_refused_after_the_limit_and_another_client_is_served()
    {
        var host = Start(enabled: true);
        using var http = host.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 1000; i++)
        {
            var response = await Post(http, "/api/webchat/token", "203.0.113.5");
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        var other = await Post(http, "/api/webchat/token", "198.51.100.7");

        Assert.Equal(10, statuses.Count(status => status == HttpStatusCode.OK));
        Assert.Equal(990, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
        Assert.True(int.Parse(refused!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_thousand_messages_to_one_direct_line_conversation_are_refused_after_the_limit_and_another_conversation_is_served()
    {
        var host = Start(enabled: true);
        var client = new DirectLineClient(host.CreateClient());
        var (flooded, floodedToken) = await StartConversationAsync(client);
        var (other, otherToken) = await StartConversationAsync(client);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 1000; i++)
        {
            statuses.Add((await client.PostTextAsync(flooded, floodedToken, "hej " + i, "flood-" + i)).Status);
        }

        var served = await client.PostTextAsync(other, otherToken, "hej", "other-1");

        Assert.Equal(30, statuses.Count(status => status == HttpStatusCode.OK));
        Assert.Equal(970, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, served.Status);
        var replies = await client.PollAsync(other, otherToken, activities => activities.Any(activity => (string?)activity["from"]?["role"] == "bot" && ((string?)activity["text"])?.Contains("hjälpa", StringComparison.Ordinal) == true));
        Assert.NotEmpty(replies);

        // What the flood could store is bounded by the limit: 30 of its 1,000 messages, no more.
        var stored = await client.PollAsync(flooded, floodedToken, _ => true);
        Assert.Equal(30, stored.Count(activity => ((string?)activity["text"])?.StartsWith("hej ", StringComparison.Ordinal) == true));
        Assert.True(host.Services.GetRequiredService<IqosBot.DirectLine.DirectLineHub>().LiveCount <= 2, "The flood kept more conversations in memory than it used.");
    }

    [Fact]
    public async Task X_forwarded_for_counts_only_from_a_configured_proxy()
    {
        var host = Start(enabled: true);
        using var http = host.CreateClient();

        // A client that names another address in X-Forwarded-For still shares its own partition ...
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Post(http, "/api/webchat/token", "203.0.113.5", forwardedFor: "192.0.2." + i)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Post(http, "/api/webchat/token", "203.0.113.5", forwardedFor: "192.0.2.99")).StatusCode);

        // ... while behind the configured proxy every customer has their own.
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Post(http, "/api/webchat/token", Proxy, forwardedFor: "192.0.2.1")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Post(http, "/api/webchat/token", Proxy, forwardedFor: "192.0.2.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(http, "/api/webchat/token", Proxy, forwardedFor: "192.0.2.2")).StatusCode);
    }

    [Fact]
    public async Task Behind_front_ends_trusted_as_a_network_each_customer_has_their_own_limit_whichever_front_end_forwards_them()
    {
        // As on Azure App Service: the front end that forwards a request changes from one request to the next,
        // always from the platform's internal range, and writes the customer's address with its port.
        var host = Start(enabled: true, trustedProxies: "169.254.0.0/16");
        using var http = host.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            var frontEnd = "169.254." + (129 + (i % 3)) + ".1";
            Assert.Equal(HttpStatusCode.OK, (await Post(http, "/api/webchat/token", frontEnd, forwardedFor: "192.0.2.1:" + (50000 + i))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Post(http, "/api/webchat/token", "169.254.200.7", forwardedFor: "192.0.2.1:61000")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(http, "/api/webchat/token", "169.254.129.1", forwardedFor: "192.0.2.2:40000")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(http, "/api/webchat/token", "169.254.129.1", forwardedFor: "[2001:db8::5]:443")).StatusCode);

        // Outside the trusted network a forwarded address is still not believed.
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Post(http, "/api/webchat/token", "203.0.113.5", forwardedFor: "192.0.2." + (10 + i))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Post(http, "/api/webchat/token", "203.0.113.5", forwardedFor: "192.0.2.99")).StatusCode);
    }

    [Fact]
    public void A_trusted_proxy_that_is_neither_an_address_nor_a_network_stops_the_start_and_is_named()
    {
        var failure = Assert.ThrowsAny<Exception>(() => Start(enabled: true, trustedProxies: "10.0.0.0/33").CreateClient());

        Assert.Contains("'10.0.0.0/33'", Flatten(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_limits_turned_off_a_flood_is_served()
    {
        var host = Start(enabled: false);
        using var http = host.CreateClient();

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Post(http, "/api/webchat/token", "203.0.113.5")).StatusCode);
        }
    }

    private static string Flatten(Exception exception)
        => exception.InnerException is null ? exception.Message : exception.Message + " " + Flatten(exception.InnerException);

    private DirectLineHost Start(bool enabled, string trustedProxies = Proxy)
    {
        _host = new DirectLineHost(
            _database.Path,
            new Dictionary<string, string?> { ["RateLimits:Enabled"] = enabled ? "true" : "false", ["RateLimits:TrustedProxies:0"] = trustedProxies },
            services => services.AddSingleton<IStartupFilter, TestClientAddress>());
        return _host;
    }

    private static async Task<HttpResponseMessage> Post(HttpClient http, string path, string client, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(TestClientAddress.Header, client);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await http.SendAsync(request);
    }

    private static async Task<(string Id, string Token)> StartConversationAsync(DirectLineClient client)
    {
        var json = (await client.StartAsync(DirectLineHost.Secret)).Json;
        return (json.Value<string>("conversationId")!, json.Value<string>("token")!);
    }

    public void Dispose()
    {
        _host?.Dispose();
        _database.Dispose();
    }
}
