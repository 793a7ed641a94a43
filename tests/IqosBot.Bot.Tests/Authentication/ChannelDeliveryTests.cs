using System.Collections.Concurrent;
using System.Net;
using IqosBot.Authentication;
using IqosBot.Bot.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Authentication;

/// <summary>
/// Normal delivery, as Teams and Azure Direct Line use it: the bot answers by posting to the channel's
/// serviceUrl. The connector client is reused across turns, so each later turn must still deliver.
/// </summary>
public sealed class ChannelDeliveryTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<JObject> _delivered = new();
    private readonly TempDatabase _database = new();
    private WebApplication? _channel;
    private BotHost? _bot;
    private string _serviceUrl = string.Empty;

    public async Task InitializeAsync()
    {
        // A stand-in for the channel's Bot Connector service on loopback, recording every reply.
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _channel = builder.Build();
        _channel.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            _delivered.Enqueue(JObject.Parse(await reader.ReadToEndAsync()));
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        await _channel.StartAsync();
        _serviceUrl = _channel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        _bot = new BotHost(_database.Path);
    }

    [Fact]
    public async Task Replies_of_successive_turns_all_reach_the_channel()
    {
        var client = new EmulatorClient(_bot!.CreateClient(), locale: "sv-SE", channelId: "webchat");

        foreach (var text in new[] { "hej", "hello", "tack" })
        {
            var activity = client.NewActivity("message", new JObject { ["text"] = text, ["serviceUrl"] = _serviceUrl });
            activity.Remove("deliveryMode");
            var reply = await client.SendAsync(activity);
            Assert.True(reply.Status is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{reply.Status}: {reply.Body}");
        }

        var texts = _delivered.Select(activity => (string?)activity["text"]).ToList();
        Assert.Contains("Hej! Vad kan jag hjälpa dig med?", texts);
        Assert.Contains("Hi! What can I help you with?", texts);
        Assert.Contains(texts, text => text?.StartsWith("Varsågod", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task One_connector_client_serves_every_turn_for_the_same_channel_and_a_turns_dispose_does_not_close_it()
    {
        using var auth = new ClientReusingAuthentication(new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().Build()));
        var activity = new Activity(ActivityTypes.Message) { ChannelId = "webchat", ServiceUrl = _serviceUrl };

        var first = await auth.AuthenticateRequestAsync(activity, string.Empty, CancellationToken.None);
        var firstClient = await first.ConnectorFactory.CreateAsync(_serviceUrl, first.Audience, CancellationToken.None);
        firstClient.Dispose();
        var second = await auth.AuthenticateRequestAsync(activity, string.Empty, CancellationToken.None);
        var secondClient = await second.ConnectorFactory.CreateAsync(_serviceUrl, second.Audience, CancellationToken.None);
        var other = await second.ConnectorFactory.CreateAsync("http://127.0.0.1:1/", second.Audience, CancellationToken.None);

        Assert.Same(firstClient, secondClient);
        Assert.NotSame(firstClient, other);
        var sent = await secondClient.Conversations.ReplyToActivityAsync("conv-1", "act-1", new Activity(ActivityTypes.Message) { Text = "still open" });
        Assert.NotNull(sent.Id);
        Assert.Contains(_delivered, delivered => (string?)delivered["text"] == "still open");
    }

    public async Task DisposeAsync()
    {
        _bot?.Dispose();
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }

        _database.Dispose();
    }
}
