using System.Net;
using System.Net.Http.Headers;
using IqosBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// The chat embedded in the company's own site (another origin than the bot's, as in Azure): with that site in
/// DirectLine:AllowedOrigins the browser may fetch a token from /api/webchat/token and talk Direct Line, preflights
/// included; any other site, and the agent console or /api/messages, get no CORS permission.
/// </summary>
public sealed class CrossOriginTests : IDisposable
{
    private const string Site = "https://www.example.se";

    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public CrossOriginTests()
    {
        _host = new DirectLineHost(_database.Path, new Dictionary<string, string?> { ["DirectLine:AllowedOrigins:0"] = Site });
    }

    [Fact]
    public async Task A_page_on_the_allowed_site_gets_a_token_starts_the_conversation_and_posts_as_web_chat_does()
    {
        using var http = _host.CreateClient();

        using var preflight = await SendAsync(http, HttpMethod.Options, "/api/webchat/token", Site, preflight: "POST");
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(Site, Single(preflight, "Access-Control-Allow-Origin"));
        Assert.Contains("Content-Type", Single(preflight, "Access-Control-Allow-Headers"), StringComparison.Ordinal);

        using var tokenResponse = await SendAsync(http, HttpMethod.Post, "/api/webchat/token", Site);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        Assert.Equal(Site, Single(tokenResponse, "Access-Control-Allow-Origin"));
        var token = JObject.Parse(await tokenResponse.Content.ReadAsStringAsync()).Value<string>("token")!;

        using var conversationPreflight = await SendAsync(http, HttpMethod.Options, "/v3/directline/conversations", Site, preflight: "POST");
        Assert.Equal(HttpStatusCode.NoContent, conversationPreflight.StatusCode);
        Assert.Contains("x-ms-bot-agent", Single(conversationPreflight, "Access-Control-Allow-Headers"), StringComparison.Ordinal);

        using var started = await SendAsync(http, HttpMethod.Post, "/v3/directline/conversations", Site, bearer: token, body: "{\"locale\":\"sv-SE\"}");
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(Site, Single(started, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Another_site_gets_no_permission_and_the_console_and_api_messages_stay_same_origin()
    {
        using var http = _host.CreateClient();

        using var otherSite = await SendAsync(http, HttpMethod.Post, "/api/webchat/token", "https://evil.example");
        Assert.False(otherSite.Headers.Contains("Access-Control-Allow-Origin"));
        using var otherPreflight = await SendAsync(http, HttpMethod.Options, "/v3/directline/conversations", "https://evil.example", preflight: "POST");
        Assert.False(otherPreflight.Headers.Contains("Access-Control-Allow-Origin"));

        using var console = await SendAsync(http, HttpMethod.Options, "/agent/api/cases", Site, preflight: "GET");
        Assert.False(console.Headers.Contains("Access-Control-Allow-Origin"));
        using var messages = await SendAsync(http, HttpMethod.Options, "/api/messages", Site, preflight: "POST");
        Assert.False(messages.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string origin, string? preflight = null, string? bearer = null, string body = "{}")
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        if (preflight is not null)
        {
            request.Headers.Add("Access-Control-Request-Method", preflight);
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        }
        else
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await http.SendAsync(request);
    }

    private static string Single(HttpResponseMessage response, string header) => Assert.Single(response.Headers.GetValues(header));

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
