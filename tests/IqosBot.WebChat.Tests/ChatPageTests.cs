using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IqosBot.WebChat.Tests;

/// <summary>
/// A customer opens the IQOS customer care page in Chromium and chats with the bot through Web Chat
/// 4.18.1 over the self-hosted Direct Line. Each test leaves a screenshot in
/// <c>TestResults/screenshots/&lt;test&gt;.png</c> under the test output folder.
/// </summary>
[Collection(WebChatCollection.Name)]
public sealed class ChatPageTests(WebChatServer server)
{
    private const float Timeout = 15_000;
    private const string SwedishWelcome = "Hej och välkommen till IQOS kundtjänst!";
    private const string EnglishWelcome = "Hi and welcome to IQOS customer care!";


    [Fact]
    public async Task Swedish_browser_gets_the_Swedish_page_and_welcome()
    {
        await WithPageAsync("sv-SE", "", async (page, chat) =>
        {
            await Expect(Shown(chat, SwedishWelcome)).ToBeVisibleAsync(new() { Timeout = Timeout });
            await Expect(page.Locator("h1")).ToHaveTextAsync("IQOS kundtjänst");
            Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
            await Expect(page).ToHaveTitleAsync("IQOS kundtjänst");
        });
    }

    [Fact]
    public async Task A_Care_Plus_question_shows_the_FAQ_card()
    {
        await WithPageAsync("sv-SE", "", async (page, chat) =>
        {
            await Expect(Shown(chat, SwedishWelcome)).ToBeVisibleAsync(new() { Timeout = Timeout });
            await SendAsync(page, "vad ingår i care plus");
            await Expect(Shown(chat, "Care Plus – förmånsprogrammet")).ToBeVisibleAsync(new() { Timeout = Timeout });
        });
    }

    [Fact]
    public async Task Clicking_a_suggested_action_starts_the_warranty_check()
    {
        await WithPageAsync("sv-SE", "", async (page, chat) =>
        {
            await Expect(Shown(chat, SwedishWelcome)).ToBeVisibleAsync(new() { Timeout = Timeout });
            var button = chat.GetByRole(AriaRole.Button, new() { Name = "Kolla min garanti" }).Last;
            await Expect(button).ToBeVisibleAsync(new() { Timeout = Timeout });
            await button.ClickAsync();
            await Expect(Shown(chat, "Vilket serienummer har enheten du vill kolla?")).ToBeVisibleAsync(new() { Timeout = Timeout });
        });
    }

    [Fact]
    public async Task Polling_mode_gets_the_welcome_an_answer_and_a_working_suggested_action()
    {
        await WithPageAsync("sv-SE", "?polling=1", async (page, chat) =>
        {
            await Expect(page.Locator("html")).ToHaveAttributeAsync("data-chat-ready", "polling", new() { Timeout = Timeout });
            await Expect(Shown(chat, SwedishWelcome)).ToBeVisibleAsync(new() { Timeout = Timeout });
            await SendAsync(page, "vad ingår i care plus");
            await Expect(Shown(chat, "Care Plus – förmånsprogrammet")).ToBeVisibleAsync(new() { Timeout = Timeout });

            // Welcomed once, although the bot got both a conversationUpdate and the page's webchat/join.
            await Expect(chat.Locator("p").Filter(new() { HasText = SwedishWelcome })).ToHaveCountAsync(1);

            // The answer's follow-up chip works over polling too.
            var followUp = chat.GetByRole(AriaRole.Button, new() { Name = "Får jag rabatt på tillbehör?" }).Last;
            await Expect(followUp).ToBeVisibleAsync(new() { Timeout = Timeout });
            await followUp.ClickAsync();
            await Expect(Shown(chat, "Som registrerad kund får du 10 % rabatt på tillbehör")).ToBeVisibleAsync(new() { Timeout = Timeout });
        });
    }

    [Fact]
    public async Task English_browser_gets_the_English_page_and_welcome()
    {
        await WithPageAsync("en-US", "", async (page, chat) =>
        {
            await Expect(Shown(chat, EnglishWelcome)).ToBeVisibleAsync(new() { Timeout = Timeout });
            await Expect(page.Locator("h1")).ToHaveTextAsync("IQOS customer care");
            Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        });
    }

    [Fact]
    public async Task The_token_endpoint_returns_a_conversation_bound_token_and_never_the_secret()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await http.PostAsync("api/webchat/token", content: null);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("token").GetString()!;
        var userId = body.RootElement.GetProperty("userId").GetString()!;
        Assert.StartsWith("dl_", userId);
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("conversationId").GetString()));
        Assert.Equal(3, token.Split('.').Length);
        Assert.DoesNotContain("webchat-tests-", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Web Chat renders a message's text more than once (bubble plus screen-reader label).</summary>
    private static ILocator Shown(ILocator chat, string text) => chat.GetByText(text).First;

    private static async Task SendAsync(IPage page, string text)
    {
        var input = page.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    private async Task WithPageAsync(string locale, string query, Func<IPage, ILocator, Task> test, [CallerMemberName] string name = "")
    {
        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        try
        {
            await page.GotoAsync(new Uri(server.BaseAddress, query).ToString());
            await test(page, page.Locator("#webchat"));
            Assert.Empty(errors);
        }
        finally
        {
            await Screenshots.TakeAsync(page, name);
        }
    }
}
