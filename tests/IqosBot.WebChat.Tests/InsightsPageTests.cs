extern alias tools;

using System.Net.Http.Json;
using System.Text.Json;
using IqosBot.AgentConsole;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using tools::IqosBot.Tools.Demo;

namespace IqosBot.WebChat.Tests;

/// <summary>
/// The team's insights page in Chromium after the demo traffic command played its conversations (Web Chat's Direct
/// Line, the agent console for the escalations): Lea, a team lead, sees the day's figures, charts with tables,
/// unanswered questions that open to their messages and a CSV download, in Swedish and English; Anna, an agent, gets
/// the page that says it is for team leads (403). Screenshots of each.
/// </summary>
public sealed class InsightsPageTests(InsightsServer server) : IClassFixture<InsightsServer>
{
    private const string Day = "2026-11-25";

    [Fact]
    public async Task After_the_demo_traffic_a_lead_reads_the_day_and_an_agent_is_refused()
    {
        var played = await DemoTraffic.RunAsync(
            new DemoTrafficOptions
            {
                BotUrl = server.BaseAddress,
                Conversations = 40,
                Parallel = 4,
                Seed = 11,
                AgentUserName = InsightsServer.Agent,
                AgentPassword = InsightsServer.Password,
                DirectLineSecret = InsightsServer.DirectLineSecret,
                MaxThinkTime = TimeSpan.Zero,
            },
            TextWriter.Null,
            CancellationToken.None);
        Assert.Equal(40, played.Conversations);

        await using var leadContext = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "sv-SE",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        var lead = await leadContext.NewPageAsync();
        var problems = Watch(lead);
        await SignInAsync(lead, InsightsServer.Lead, $"/agent/insights?from={Day}&to={Day}");
        await lead.GetByTestId("insights-loaded").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        // The page shows what the API says, and the API what the demo played.
        var figures = await ApiAsync(lead);
        Assert.Equal(40, figures.GetProperty("conversations").GetInt32());
        Assert.Contains("40", await lead.GetByTestId("kpi-conversations").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("%", await lead.GetByTestId("kpi-containment").InnerTextAsync(), StringComparison.Ordinal);
        foreach (var name in new[] { "ratings", "escalations", "intents", "faq", "funnels", "queue", "hours", "unanswered" })
        {
            Assert.True(await lead.GetByTestId("table-" + name).CountAsync() > 0, $"No table {name}.");
            Assert.True(await lead.GetByTestId("export-" + name).CountAsync() > 0, $"No CSV link for {name}.");
        }

        Assert.True(await lead.Locator("canvas").CountAsync() >= 6, "Charts are missing.");
        Assert.Equal(24, await lead.GetByTestId("table-hours").Locator("tbody tr").CountAsync());

        // An unanswered question opens to the messages behind it.
        var groups = figures.GetProperty("unanswered");
        Assert.True(groups.GetArrayLength() > 0, "The demo traffic asked nothing the bot could not answer.");
        var group = lead.GetByTestId("unanswered-list").Locator("details").First;
        await group.Locator("summary").ClickAsync();
        Assert.Contains(groups[0].GetProperty("examples")[0].GetProperty("text").GetString()!, await group.InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.TakeAsync(lead, "insights-lead-sv");

        // The CSV the link downloads is the server's export of that table.
        var download = await lead.RunAndWaitForDownloadAsync(() => lead.GetByTestId("export-ratings").First.ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("rating,count", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);

        // English labels.
        await lead.GetByTestId("lang-toggle").First.ClickAsync();
        await lead.GetByTestId("insights-loaded").WaitForAsync();
        Assert.Equal("en", await lead.EvaluateAsync<string>("document.documentElement.lang"));
        Assert.Contains("Conversations", await lead.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.TakeAsync(lead, "insights-lead-en");
        Assert.Empty(problems);

        // An agent without the lead role.
        await using var agentContext = await server.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "sv-SE" });
        var agent = await agentContext.NewPageAsync();
        await SignInAsync(agent, InsightsServer.Agent, "/agent");
        var refused = await agent.GotoAsync(new Uri(server.BaseAddress, "agent/insights").ToString());
        Assert.Equal(403, refused!.Status);
        await agent.GetByTestId("leads-only").WaitForAsync();
        Assert.Equal(0, await agent.Locator("canvas").CountAsync());
        await Screenshots.TakeAsync(agent, "insights-agent-403");
    }

    private async Task SignInAsync(IPage page, string userName, string returnUrl)
    {
        await page.GotoAsync(new Uri(server.BaseAddress, "agent/login?returnUrl=" + Uri.EscapeDataString(returnUrl)).ToString());
        await page.GetByTestId("login-user").FillAsync(userName);
        await page.GetByTestId("login-password").FillAsync(InsightsServer.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == returnUrl.Split('?')[0]);
    }

    /// <summary>The figures as the page's own session reads them.</summary>
    private static async Task<JsonElement> ApiAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync(new Uri(new Uri(page.Url), $"/agent/api/insights?from={Day}&to={Day}").ToString());
        Assert.Equal(200, response.Status);
        return (await response.JsonAsync())!.Value;
    }

    /// <summary>
    /// Script errors, console errors (a Content-Security-Policy refusal is one) and failed requests, by address (the
    /// console's own "Failed to load resource" line names none; the browser's favicon.ico request is no page's).
    /// </summary>
    private static List<string> Watch(IPage page)
    {
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add("error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                problems.Add("console: " + message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && new Uri(response.Url).AbsolutePath != "/favicon.ico")
            {
                problems.Add($"{response.Status}: {response.Url}");
            }
        };
        return problems;
    }
}

/// <summary>
/// Its own bot: Anna (agent) and Lea (lead), rate limits off (the demo is one address playing many customers), a known
/// Direct Line secret for the demo's tokens, and a clock on Wednesday 25 November 2026, 10:00 in Stockholm (open).
/// </summary>
public sealed class InsightsServer() : WebChatServer(Configure)
{
    public const string Agent = "anna";
    public const string Lead = "lea";
    public const string Password = "insights-tests-password";
    public const string DirectLineSecret = "insights-tests-directline-secret-0123456789abcdef";

    private static void Configure(IWebHostBuilder builder)
    {
        var hash = new PasswordHasher<AgentAccount>().HashPassword(null!, Password);
        builder.UseSetting("AgentConsole:Accounts:0:UserName", Agent);
        builder.UseSetting("AgentConsole:Accounts:0:DisplayName", "Anna");
        builder.UseSetting("AgentConsole:Accounts:0:PasswordHash", hash);
        builder.UseSetting("AgentConsole:Accounts:1:UserName", Lead);
        builder.UseSetting("AgentConsole:Accounts:1:DisplayName", "Lea");
        builder.UseSetting("AgentConsole:Accounts:1:PasswordHash", hash);
        builder.UseSetting("AgentConsole:Accounts:1:Roles:0", "lead");
        builder.UseSetting("RateLimits:Enabled", "false");
        builder.UseSetting("DirectLine:Secret", DirectLineSecret);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new RunningFromTimeProvider(EscalationServer.OpenInstant));
        });
    }
}
