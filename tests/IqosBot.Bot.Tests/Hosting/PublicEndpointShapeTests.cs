using System.Net;
using System.Text.RegularExpressions;

namespace IqosBot.Bot.Tests.Hosting;

/// <summary>The bodies of the chat page's token endpoint and of /healthz, byte for byte, as the page and probes read them.</summary>
public sealed class PublicEndpointShapeTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly BotHost _host;

    public PublicEndpointShapeTests()
    {
        _host = new BotHost(_database.Path);
    }

    [Fact]
    public async Task The_chat_pages_token_is_camel_case_json_and_never_cached()
    {
        using var http = _host.CreateClient();

        using var response = await http.PostAsync("/api/webchat/token", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Matches(
            new Regex("^\\{\"token\":\"[A-Za-z0-9_.-]+\",\"conversationId\":\"[0-9a-f]{32}\",\"userId\":\"dl_[0-9a-f]{32}\",\"expiresIn\":1800\\}$"),
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_says_ok()
    {
        using var http = _host.CreateClient();

        using var response = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("{\"status\":\"ok\"}", await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
