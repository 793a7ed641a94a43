using System.Diagnostics;
using System.Text.Json;
using IqosBot.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IqosBot.WebChat.Tests;

/// <summary>
/// The server drops a conversation's stream socket (as a restart or a proxy idle timeout would) and the
/// bot answers while no socket is open. DirectLineJS waits 3–15 s, reconnects with its watermark
/// (GET /conversations/{id}?watermark=w, new socket) and the server replays what it missed: the
/// customer sees their message and the answer, each once, and nothing is marked "Send failed".
/// </summary>
[Collection(WebChatCollection.Name)]
public sealed class SocketDropTests(WebChatServer server)
{
    private const float Timeout = 15_000;
    private const string SwedishWelcome = "Hej och välkommen till IQOS kundtjänst!";
    private const string Question = "vad ingår i care plus";
    private const string AnswerTitle = "Care Plus – förmånsprogrammet";

    /// <summary>Reconnect waits at most 15 s (DirectLineJS getRetryDelay); the rest is slack.</summary>
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task A_server_side_WebSocket_drop_recovers_without_losing_a_message()
    {
        var services = server.Services;
        var hub = services.GetRequiredService<DirectLineHub>();
        var stream = services.GetRequiredService<DirectLineStream>();

        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "sv-SE",
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var chat = page.Locator("#webchat");
        try
        {
            var started = page.WaitForResponseAsync(
                r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath.EndsWith("/v3/directline/conversations", StringComparison.Ordinal),
                new() { Timeout = Timeout });
            await page.GotoAsync(server.BaseAddress.ToString());
            var conversationId = await ConversationIdAsync(await started);

            await Expect(page.Locator("html")).ToHaveAttributeAsync("data-chat-ready", "websocket", new() { Timeout = Timeout });
            await Expect(chat.GetByText(SwedishWelcome).First).ToBeVisibleAsync(new() { Timeout = Timeout });
            await WaitUntilAsync(() => hub.SocketCount(conversationId) == 1, TimeSpan.FromSeconds(10), "the page's stream socket to be open");

            var reconnect = page.WaitForRequestAsync(
                r => r.Method == "GET" && r.Url.Contains($"/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}?watermark=", StringComparison.Ordinal),
                new() { Timeout = (float)Recovery.TotalMilliseconds });
            var clock = Stopwatch.StartNew();

            // The drop: no close handshake, the browser sees 1006.
            Assert.Equal(1, stream.AbortSockets(conversationId));
            await WaitUntilAsync(() => hub.SocketCount(conversationId) == 0, TimeSpan.FromSeconds(5), "the aborted socket to be gone");

            // The POST goes over HTTP and is accepted; the bot answers while no socket is open.
            var input = page.Locator("[data-id='webchat-sendbox-input']");
            await input.FillAsync(Question);
            await input.PressAsync("Enter");
            await WaitUntilAsync(
                () => LogContainsAsync(hub, conversationId, AnswerTitle),
                TimeSpan.FromSeconds(10),
                "the bot's answer to be in the conversation log");
            Assert.True(hub.SocketCount(conversationId) == 0, "The client reconnected before the bot answered: the replay was not exercised.");

            // DirectLineJS reconnects with its watermark and gets the missed activities replayed.
            await reconnect;
            var left = Recovery - clock.Elapsed;
            var question = Activities(chat, Question);
            var answer = Activities(chat, AnswerTitle);
            await Expect(answer).ToHaveCountAsync(1, new() { Timeout = (float)Math.Max(left.TotalMilliseconds, 1) });
            await Expect(question).ToHaveCountAsync(1, new() { Timeout = 5_000 });
            await Expect(question.Locator(".webchat__activity-status--sending")).ToHaveCountAsync(0, new() { Timeout = 5_000 });
            Assert.True(clock.Elapsed < Recovery, $"Recovery took {clock.Elapsed.TotalSeconds:F1} s.");
            Assert.Equal(1, hub.SocketCount(conversationId));

            // Exactly once each, and never failed (give a late duplicate or a failure a moment to show).
            await page.WaitForTimeoutAsync(1_000);
            await Expect(question).ToHaveCountAsync(1);
            await Expect(answer).ToHaveCountAsync(1);
            await Expect(chat.GetByText("Det gick inte att skicka")).ToHaveCountAsync(0);
            await Expect(chat.GetByText("Send failed")).ToHaveCountAsync(0);
            Assert.Empty(errors);
        }
        finally
        {
            await Screenshots.TakeAsync(page, nameof(A_server_side_WebSocket_drop_recovers_without_losing_a_message));
        }
    }

    /// <summary>Transcript activities (one per activity, whatever Web Chat renders inside) containing <paramref name="text"/>.</summary>
    private static ILocator Activities(ILocator chat, string text)
        => chat.Locator(".webchat__basic-transcript__activity").Filter(new() { HasText = text });

    private static async Task<string> ConversationIdAsync(IResponse response)
    {
        using var body = JsonDocument.Parse(await response.TextAsync());
        return body.RootElement.GetProperty("conversationId").GetString()!;
    }

    private static async Task<bool> LogContainsAsync(DirectLineHub hub, string conversationId, string text)
    {
        var (activities, _) = await hub.ReadAsync(conversationId, 0, CancellationToken.None);
        return activities.Any(json => json.Contains(text, StringComparison.Ordinal));
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
        => WaitUntilAsync(() => Task.FromResult(condition()), timeout, what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:F0} s for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
