using System.Net;
using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Hosting;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>Only signed-in agents reach the console and its API, and the sign-in cannot be abused.</summary>
public sealed class AgentConsoleAuthorisationTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public AgentConsoleAuthorisationTests()
    {
        _host = Agents.Host(_database.Path);
    }

    [Fact]
    public async Task The_console_page_sends_a_stranger_to_the_sign_in_page()
    {
        var browser = new AgentBrowser(_host);

        using var response = await browser.Http.GetAsync("/agent");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/agent/login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("/agent/api/queue")]
    [InlineData("/agent/api/me")]
    [InlineData("/agent/api/callbacks")]
    public async Task The_api_answers_a_stranger_401_not_a_redirect(string path)
    {
        var browser = new AgentBrowser(_host);

        var (status, _) = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task A_wrong_password_gets_401_and_the_form_again_and_no_access()
    {
        var browser = new AgentBrowser(_host);

        using var response = await browser.PostLoginAsync(Agents.Anna, "fel-lösenord", "/agent");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Fel användarnamn eller lösenord.", WebUtility.HtmlDecode(html));
        Assert.Contains("name=\"password\"", html);
        AgentBrowser.AntiforgeryField(html);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/agent/api/queue")).Status);
    }

    [Fact]
    public async Task The_right_password_signs_in_and_opens_the_console()
    {
        var browser = await AgentBrowser.SignedInAsync(_host, Agents.Anna);

        var (status, html) = await browser.GetAsync("/agent");
        var me = await browser.GetJsonAsync("/agent/api/me");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Anna", me.Value<string>("displayName"));
    }

    [Fact]
    public async Task A_post_without_the_csrf_header_is_400_and_with_it_goes_through()
    {
        var browser = await AgentBrowser.SignedInAsync(_host, Agents.Anna);

        var without = await browser.PostAsync("/agent/api/cases/C-NOTHERE/accept", withCsrf: false);
        var with = await browser.PostAsync("/agent/api/cases/C-NOTHERE/accept");

        Assert.Equal(HttpStatusCode.BadRequest, without.Status);
        Assert.Equal(HttpStatusCode.NotFound, with.Status);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example/agent")]
    [InlineData("/\\evil.example")]
    [InlineData("/agent\\..\\evil")]
    [InlineData("/\tevil.example")]
    [InlineData("/%2Fevil.example")]
    [InlineData("/%5cevil.example")]
    public async Task A_foreign_return_url_is_not_followed_after_sign_in(string returnUrl)
    {
        var browser = new AgentBrowser(_host);

        var page = await browser.GetAsync("/agent/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        using var response = await browser.PostLoginAsync(Agents.Anna, Agents.Password, returnUrl);

        Assert.DoesNotContain("evil.example", page.Body);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.False(location.IsAbsoluteUri && location.Host.Contains("evil", StringComparison.Ordinal), $"Redirected to {location}");
        Assert.Equal("/agent", location.OriginalString);
    }

    [Fact]
    public async Task After_five_wrong_passwords_the_account_is_locked_even_for_the_right_one_and_others_are_not()
    {
        var browser = new AgentBrowser(_host);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await browser.PostLoginAsync(Agents.Anna, "gissning-" + i, "/agent");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var locked = await browser.PostLoginAsync(Agents.Anna, Agents.Password, "/agent");
        using var other = await new AgentBrowser(_host).PostLoginAsync(Agents.Bertil, Agents.Password, "/agent");

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(int.Parse(locked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Kontot är låst", WebUtility.HtmlDecode(await locked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_form_with_a_null_character_is_a_400_not_a_server_error()
    {
        var browser = new AgentBrowser(_host);

        using var response = await browser.PostLoginAsync(Agents.Anna, Agents.Password, "/agent\u0000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
