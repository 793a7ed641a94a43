using System.Net;
using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>
/// Behind a TLS-terminating proxy (listed in RateLimits:TrustedProxies) the agent's sign-in cookie is Secure;
/// an X-Forwarded-Proto from anyone else changes nothing.
/// </summary>
public sealed class ProxyCookieTests : IDisposable
{
    private const string Proxy = "10.9.9.9";

    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public ProxyCookieTests()
    {
        _host = Agents.Host(_database.Path, extra: new Dictionary<string, string?> { ["RateLimits:TrustedProxies:0"] = Proxy });
    }

    [Theory]
    [InlineData(Proxy, true)]
    [InlineData("203.0.113.5", false)]
    public async Task The_sign_in_cookie_is_secure_only_when_the_trusted_proxy_says_https(string client, bool secure)
    {
        using var http = _host.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>()))
            .CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var page = await Send(http, HttpMethod.Get, "/agent/login", client, null);
        var html = await page.Content.ReadAsStringAsync();
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").First(cookie => cookie.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase) || cookie.Contains("Csrf", StringComparison.OrdinalIgnoreCase));
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = Agents.Anna,
            ["password"] = Agents.Password,
            ["returnUrl"] = "/agent",
            ["__RequestVerificationToken"] = AgentBrowser.AntiforgeryField(html),
        });
        using var signedIn = await Send(http, HttpMethod.Post, "/agent/login", client, form, antiforgeryCookie.Split(';')[0]);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith("IqosBot.Agent=", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, string client, HttpContent? content, string? cookie = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add(TestClientAddress.Header, client);
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return http.SendAsync(request);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
