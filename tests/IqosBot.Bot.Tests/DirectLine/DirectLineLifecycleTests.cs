using System.Net;
using IqosBot.Bot.Tests.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>Expiry, failing turns, restarts and configuration of the Direct Line endpoint.</summary>
public sealed class DirectLineLifecycleTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task An_expired_token_is_403()
    {
        // The host's clock stands still until the test moves it: tokens are minted and checked on it.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var host = new DirectLineHost(
            _database.Path,
            new Dictionary<string, string?> { ["DirectLine:TokenLifetime"] = "00:00:01" },
            services => services.AddSingleton<TimeProvider>(time));
        var client = new DirectLineClient(host.CreateClient());
        var generated = (await client.GenerateTokenAsync(DirectLineHost.Secret)).Json;
        var token = generated.Value<string>("token")!;
        Assert.Equal(1, generated.Value<int>("expires_in"));

        time.Advance(TimeSpan.FromSeconds(2));
        var expired = await client.StartAsync(token);
        var refresh = await client.RefreshTokenAsync(token);

        Assert.Equal(HttpStatusCode.Forbidden, expired.Status);
        Assert.Equal("TokenExpired", expired.Json["error"]!.Value<string>("code"));
        Assert.Equal(HttpStatusCode.Forbidden, refresh.Status);
    }

    [Fact]
    public async Task A_turn_that_throws_still_answers_200_and_the_customer_gets_the_apology()
    {
        using var host = new DirectLineHost(_database.Path, services: services => services.AddTransient<IBot>(provider =>
            new FailingOnDemandBot(ActivatorUtilities.CreateInstance<Bots.IqosBot>(provider))));
        var client = new DirectLineClient(host.CreateClient());
        var started = (await client.StartAsync(DirectLineHost.Secret)).Json;
        var conversationId = started.Value<string>("conversationId")!;
        var token = started.Value<string>("token")!;
        await client.PollAsync(conversationId, token, list => list.Count >= 2);

        var posted = await client.PostTextAsync(conversationId, token, "boom", "boom-1");

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        var history = await client.PollAsync(conversationId, token, list => list.Count >= 4);
        var apology = history[3];
        Assert.Equal("Förlåt, något gick fel hos mig. Försök igen om en liten stund, eller ring kundtjänst på 020-25 10 10.", apology.Value<string>("text"));
        Assert.Equal(posted.Json.Value<string>("id"), apology.Value<string>("replyToId"));
        Assert.DoesNotContain(history, activity => activity.ToString().Contains("hunter2", StringComparison.Ordinal));

        // The conversation goes on.
        await client.PostTextAsync(conversationId, token, "hej", "after-boom");
        var next = await client.PollAsync(conversationId, token, list => list.Count >= 6);
        Assert.Equal("Hej! Vad kan jag hjälpa dig med?", next[5].Value<string>("text"));
    }

    [Fact]
    public async Task After_a_restart_the_conversation_its_history_and_watermarks_are_still_there()
    {
        string conversationId;
        string token;
        List<string?> before;
        using (var first = new DirectLineHost(_database.Path))
        {
            var client = new DirectLineClient(first.CreateClient());
            var started = (await client.StartAsync(DirectLineHost.Secret)).Json;
            conversationId = started.Value<string>("conversationId")!;
            token = started.Value<string>("token")!;
            await client.PollAsync(conversationId, token, list => list.Count >= 2);
            await client.PostTextAsync(conversationId, token, "hej", "before-restart");
            before = (await client.PollAsync(conversationId, token, list => list.Count >= 4)).Select(activity => activity.Value<string>("id")).ToList();
        }

        using var second = new DirectLineHost(_database.Path);
        var again = new DirectLineClient(second.CreateClient());

        var history = await again.GetActivitiesAsync(conversationId, token);
        Assert.Equal(HttpStatusCode.OK, history.Status);
        Assert.Equal(before, history.Json["activities"]!.Select(activity => activity.Value<string>("id")));
        Assert.Equal("4", history.Json.Value<string>("watermark"));
        Assert.Empty((await again.GetActivitiesAsync(conversationId, token, "4")).Json["activities"]!);

        // New activities continue the numbering and the same token still works.
        var posted = await again.PostTextAsync(conversationId, token, "hej", "after-restart");
        Assert.Equal($"{conversationId}|0000004", posted.Json.Value<string>("id"));
        var after = await again.PollAsync(conversationId, token, list => list.Count >= 6);
        Assert.Equal("Hej! Vad kan jag hjälpa dig med?", after[5].Value<string>("text"));
        Assert.Equal(HttpStatusCode.OK, (await again.StartAsync(token)).Status); // Started before: 200, no second welcome.
    }

    [Fact]
    public void The_host_refuses_to_start_without_a_secret_and_says_why()
    {
        using var host = new DirectLineHost(_database.Path, new Dictionary<string, string?> { ["DirectLine:Secret"] = "" });

        var exception = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("DirectLine:Secret is required", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stream_sends_keep_alives_and_closes_cleanly_on_shutdown()
    {
        var host = new DirectLineHost(_database.Path, new Dictionary<string, string?> { ["DirectLine:StreamKeepAlive"] = "00:00:00.200" });
        var client = new DirectLineClient(host.CreateClient());
        var started = (await client.StartAsync(DirectLineHost.Secret)).Json;
        await using var socket = await StreamSocket.ConnectAsync(host.Server, started.Value<string>("streamUrl")!);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        string? frame;
        do
        {
            frame = await socket.ReadFrameAsync(timeout.Token);
        }
        while (frame is { Length: > 0 });

        Assert.Equal("", frame);

        var disposing = Task.Run(host.Dispose);
        while (await socket.ReadFrameAsync(timeout.Token) is not null)
        {
        }

        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        await disposing.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>The real bot, except that the message "boom" makes its turn throw.</summary>
    private sealed class FailingOnDemandBot(IBot inner) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
            => turnContext.Activity.Text == "boom"
                ? throw new InvalidOperationException("connection string Server=db;Password=hunter2")
                : inner.OnTurnAsync(turnContext, cancellationToken);
    }

    public void Dispose() => _database.Dispose();
}
