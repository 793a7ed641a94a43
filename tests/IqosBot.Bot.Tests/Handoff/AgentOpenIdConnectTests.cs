using System.Net;
using IqosBot.AgentConsole;
using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Hosting;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>The production sign-in: with an OpenID Connect provider configured, the console sends agents there (code flow with PKCE).</summary>
public sealed class AgentOpenIdConnectTests : IDisposable
{
    private const string AuthorizeEndpoint = "https://login.example.test/oauth2/v2.0/authorize";

    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public AgentOpenIdConnectTests()
    {
        _host = new DirectLineHost(
            _database.Path,
            new Dictionary<string, string?>
            {
                ["AgentConsole:OpenIdConnect:Authority"] = "https://login.example.test/tenant/v2.0",
                ["AgentConsole:OpenIdConnect:ClientId"] = "iqosbot-agent-console",
                ["AgentConsole:OpenIdConnect:RequiredRole"] = "Agent",
            },
            services => services.PostConfigure<OpenIdConnectOptions>(AgentConsoleDefaults.OpenIdConnectScheme, options =>
            {
                // The provider's metadata as if fetched: the test never leaves the machine.
                var configuration = new OpenIdConnectConfiguration { AuthorizationEndpoint = AuthorizeEndpoint, Issuer = "https://login.example.test/tenant/v2.0" };
                options.Configuration = configuration;
                options.ConfigurationManager = new Microsoft.IdentityModel.Protocols.StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            }));
    }

    [Fact]
    public async Task An_agent_who_is_not_signed_in_is_sent_to_the_provider_with_pkce()
    {
        var http = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        using var console = await http.GetAsync("/agent");
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        using var login = await http.GetAsync(console.Headers.Location!.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var target = login.Headers.Location!;
        Assert.Equal(AuthorizeEndpoint, target.GetLeftPart(UriPartial.Path));
        var query = System.Web.HttpUtility.ParseQueryString(target.Query);
        Assert.Equal("iqosbot-agent-console", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.EndsWith("/agent/signin-oidc", query["redirect_uri"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_provider_gets_a_plain_503_not_a_500()
    {
        using var database = new TempDatabase();
        using var host = new DirectLineHost(database.Path, new Dictionary<string, string?>
        {
            ["AgentConsole:OpenIdConnect:Authority"] = "https://127.0.0.1:1/tenant/v2.0", // refused at once, no DNS
            ["AgentConsole:OpenIdConnect:ClientId"] = "iqosbot-agent-console",
        });
        var http = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await http.GetAsync("/agent/login");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Inloggningstjänsten svarar inte just nu. Försök igen om en stund.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_api_still_answers_401_rather_than_redirecting_a_script()
    {
        var http = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await http.GetAsync("/agent/api/queue");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
