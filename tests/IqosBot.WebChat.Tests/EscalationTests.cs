using System.Diagnostics;
using IqosBot.AgentConsole;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IqosBot.WebChat.Tests;

/// <summary>
/// Escalation to a live agent, end to end in Chromium with two pages at once (separate browser contexts):
/// a Swedish customer in Web Chat and the agent Anna signed in to the console at /agent. The customer
/// asks for a person and describes the problem, the case appears live in Anna's queue (SignalR, no reload),
/// Anna accepts, both sides chat, Anna closes with a note and the bot takes over and asks for a rating.
/// Customer text with HTML is shown as text in the console. Screenshots of both pages at "queued",
/// "chatting" and "closed" go to <c>TestResults/screenshots/Escalation_*.png</c>.
/// </summary>
public sealed class EscalationTests(EscalationServer server) : IClassFixture<EscalationServer>
{
    private const float Timeout = 10_000;
    private const float StartTimeout = 15_000;
    private const string SwedishWelcome = "Hej och välkommen till IQOS kundtjänst!";
    private const string DescribePrompt = "Vill du skriva en rad om vad det gäller?";
    private const string Description = "Min ILUMA blinkar rött";
    private const string Queued = "Du är nummer 1";
    private const string AgentJoined = "Anna från IQOS kundtjänst har anslutit till chatten.";
    private const string CustomerHello = "Hej Anna!";
    private const string Markup = "<img src=x onerror=alert(1)>";
    private const string AgentReply = "Hej! Har du provat att ladda den?";
    private const string CloseNote = "Enheten var urladdad; laddning löste det.";
    private const string BotBack = "Nu är det jag, IQOS-boten, som svarar igen.";
    private const string RatingQuestion = "Hur nöjd är du med hjälpen du fick?";

    [Fact]
    public async Task Customer_is_queued_accepted_chats_with_an_agent_and_is_handed_back_for_a_rating()
    {
        await using var customerContext = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "sv-SE",
            ViewportSize = new ViewportSize { Width = 1000, Height = 900 },
        });
        await using var agentContext = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "sv-SE",
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        var customer = await customerContext.NewPageAsync();
        var agent = await agentContext.NewPageAsync();

        // Any alert/confirm/prompt on either page means markup got executed: the test fails at the end.
        var dialogs = new List<string>();
        var errors = new List<string>();
        foreach (var (page, who) in new[] { (customer, "customer"), (agent, "agent") })
        {
            page.Dialog += (_, dialog) =>
            {
                lock (dialogs)
                {
                    dialogs.Add($"{who}: {dialog.Type} \"{dialog.Message}\"");
                }

                _ = dialog.DismissAsync();
            };
            page.PageError += (_, error) =>
            {
                lock (errors)
                {
                    errors.Add($"{who}: {error}");
                }
            };
        }

        var chat = customer.Locator("#webchat");
        var moment = "start";
        try
        {
            // The agent signs in first and waits for the hub, so the queue can only update live.
            await agent.GotoAsync(new Uri(server.BaseAddress, "agent/login?returnUrl=/agent").ToString());
            await agent.GetByTestId("login-user").FillAsync(EscalationServer.AgentUserName);
            await agent.GetByTestId("login-password").FillAsync(EscalationServer.AgentPassword);
            await agent.GetByTestId("login-submit").ClickAsync();
            await agent.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/agent", new() { Timeout = Timeout });
            await Expect(agent.GetByTestId("agent-name")).ToHaveTextAsync(EscalationServer.AgentDisplayName, new() { Timeout = Timeout });
            await Expect(agent.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "online", new() { Timeout = Timeout });
            await Expect(agent.GetByTestId("queue-item")).ToHaveCountAsync(0);

            // A marker that only survives if the console page is never reloaded or navigated away.
            await agent.EvaluateAsync("() => { window.__sameConsolePage = true; }");

            // The customer asks for a person and describes the problem.
            await customer.GotoAsync(server.BaseAddress.ToString());
            await Expect(Shown(chat, SwedishWelcome)).ToBeVisibleAsync(new() { Timeout = StartTimeout });
            await SendAsync(customer, "jag vill prata med en människa");
            await Expect(Shown(chat, DescribePrompt)).ToBeVisibleAsync(new() { Timeout = Timeout });
            await SendAsync(customer, Description);
            await Expect(Shown(chat, Queued)).ToBeVisibleAsync(new() { Timeout = Timeout });

            // The case shows up in Anna's queue without a reload (the fallback poll is 30 s, the wait 10 s).
            var queueItem = agent.GetByTestId("queue").GetByTestId("queue-item");
            await Expect(queueItem).ToHaveCountAsync(1, new() { Timeout = Timeout });
            await Expect(queueItem).ToContainTextAsync(Description);
            Assert.True(await agent.EvaluateAsync<bool>("() => window.__sameConsolePage === true"), "The console page was reloaded.");
            var caseId = await queueItem.GetAttributeAsync("data-case-id");
            Assert.False(string.IsNullOrEmpty(caseId), "The queue item has no data-case-id.");
            moment = "queued";
            await ScreenshotsAsync(customer, agent, moment);

            // Anna accepts: the customer is told, the case moves to "Mina ärenden" and opens.
            await queueItem.GetByTestId("accept").ClickAsync();
            await Expect(Shown(chat, AgentJoined)).ToBeVisibleAsync(new() { Timeout = Timeout });
            await Expect(agent.GetByTestId("queue-item")).ToHaveCountAsync(0, new() { Timeout = Timeout });
            await Expect(agent.Locator($"[data-testid='my-case'][data-case-id='{caseId}']")).ToHaveCountAsync(1, new() { Timeout = Timeout });
            await Expect(agent.GetByTestId("message-input")).ToBeEnabledAsync(new() { Timeout = Timeout });

            // Customer → agent.
            var transcript = agent.GetByTestId("transcript");
            await SendAsync(customer, CustomerHello);
            await Expect(transcript.Locator("[data-testid='entry'][data-sender='customer']").Filter(new() { HasText = CustomerHello }))
                .ToHaveCountAsync(1, new() { Timeout = Timeout });

            // Customer markup reaches the console as text: no element, no script, no dialog.
            await SendAsync(customer, Markup);
            var markupEntry = transcript.Locator("[data-testid='entry'][data-sender='customer']").Filter(new() { HasText = Markup });
            await Expect(markupEntry).ToHaveCountAsync(1, new() { Timeout = Timeout });
            Assert.Contains(Markup, await transcript.TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
            await Expect(transcript.Locator("img")).ToHaveCountAsync(0);

            // Agent → customer.
            await agent.GetByTestId("message-input").FillAsync(AgentReply);
            await agent.GetByTestId("send").ClickAsync();
            await Expect(Shown(chat, AgentReply)).ToBeVisibleAsync(new() { Timeout = Timeout });
            await Expect(transcript.Locator("[data-testid='entry'][data-sender='agent']").Filter(new() { HasText = AgentReply }))
                .ToHaveCountAsync(1, new() { Timeout = Timeout });
            moment = "chatting";
            await ScreenshotsAsync(customer, agent, moment);

            // Anna closes with a note: the bot is back and asks for a 1–5 rating.
            await agent.GetByTestId("close-note").FillAsync(CloseNote);
            await agent.GetByTestId("close-case").ClickAsync();
            await Expect(Shown(chat, BotBack)).ToBeVisibleAsync(new() { Timeout = Timeout });
            await Expect(Shown(chat, RatingQuestion)).ToBeVisibleAsync(new() { Timeout = Timeout });
            for (var score = 1; score <= 5; score++)
            {
                await Expect(chat.GetByRole(AriaRole.Button, new() { Name = score.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true }).Last)
                    .ToBeVisibleAsync(new() { Timeout = Timeout });
            }

            await Expect(agent.GetByTestId("case-notice")).ToBeVisibleAsync(new() { Timeout = Timeout });
            await Expect(agent.GetByTestId("case-notice")).ToContainTextAsync("Ärendet är avslutat");
            await Expect(agent.GetByTestId("message-input")).ToBeDisabledAsync(new() { Timeout = Timeout });
            moment = "closed";
            await ScreenshotsAsync(customer, agent, moment);

            Assert.True(await agent.EvaluateAsync<bool>("() => window.__sameConsolePage === true"), "The console page was reloaded.");
            lock (dialogs)
            {
                Assert.True(dialogs.Count == 0, "A dialog fired (markup was executed): " + string.Join("; ", dialogs));
            }

            lock (errors)
            {
                Assert.True(errors.Count == 0, "Script errors: " + string.Join("; ", errors));
            }
        }
        catch
        {
            // Leave both pages as they were when the step failed, for the report.
            await ScreenshotsAsync(customer, agent, "failed-after-" + moment);
            throw;
        }
    }

    /// <summary>Web Chat renders a message's text more than once (bubble plus screen-reader label).</summary>
    private static ILocator Shown(ILocator chat, string text) => chat.GetByText(text).First;

    private static async Task SendAsync(IPage page, string text)
    {
        var input = page.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    private static async Task ScreenshotsAsync(IPage customer, IPage agent, string moment)
    {
        await Screenshots.TakeAsync(customer, $"Escalation_{moment}_customer");
        await Screenshots.TakeAsync(agent, $"Escalation_{moment}_agent");
    }
}

/// <summary>
/// Its own bot and Chromium (the other browser tests keep the default host): one agent account, Anna,
/// and a clock that starts on a Wednesday morning, when customer care is open, and runs with real time
/// (Direct Line tokens, queue waits and transcript order all read it).
/// </summary>
public sealed class EscalationServer() : WebChatServer(Configure)
{
    public const string AgentUserName = "anna";
    public const string AgentDisplayName = "Anna";
    public const string AgentPassword = "webchat-tests-password";

    /// <summary>Wednesday 25 November 2026, 09:00 UTC = 10:00 in Stockholm (open 08–19 on weekdays).</summary>
    public static readonly DateTimeOffset OpenInstant = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("AgentConsole:Accounts:0:UserName", AgentUserName);
        builder.UseSetting("AgentConsole:Accounts:0:DisplayName", AgentDisplayName);
        builder.UseSetting("AgentConsole:Accounts:0:PasswordHash", new PasswordHasher<AgentAccount>().HashPassword(null!, AgentPassword));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new RunningFromTimeProvider(OpenInstant));
        });
    }
}

/// <summary>Starts at a fixed instant and advances with real time; timers and timestamps stay the system's.</summary>
public sealed class RunningFromTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(_started);
}
