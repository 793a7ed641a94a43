using System.Collections.Concurrent;
using System.Net;
using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>
/// Teams and the Emulator: the customer's channel is a Bot Connector service, so the agent's messages,
/// typing and the hand-back travel as proactive posts to its serviceUrl (here a stand-in on loopback).
/// </summary>
public sealed class BotConnectorHandoffTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<JObject> _delivered = new();
    private readonly TempDatabase _database = new();
    private WebApplication? _channel;
    private DirectLineHost? _bot;
    private string _serviceUrl = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _channel = builder.Build();

        // Replies to an activity and new activities in the conversation: both are how proactive posts arrive.
        _channel.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (Delegate)RecordAsync);
        _channel.MapPost("/v3/conversations/{conversationId}/activities", (Delegate)RecordAsync);
        await _channel.StartAsync();
        _serviceUrl = _channel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        _bot = Agents.Host(_database.Path, ShiftedClock.Open);
    }

    [Fact]
    public async Task The_agents_messages_typing_and_the_hand_back_reach_a_bot_connector_channel()
    {
        var customer = new EmulatorClient(_bot!.CreateClient(), locale: "sv-SE", channelId: "msteams");
        await SayAsync(customer, "jag vill prata med en människa");
        await SayAsync(customer, "Hoppa över");
        var anna = await AgentBrowser.SignedInAsync(_bot, Agents.Anna);
        var caseId = (string)(await anna.WaitingAsync()).Single()["id"]!;

        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync($"/agent/api/cases/{caseId}/accept")).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await anna.PostAsync($"/agent/api/cases/{caseId}/typing")).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await anna.PostAsync($"/agent/api/cases/{caseId}/messages", new { text = "Hej! Jag heter Anna." })).Status);
        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync($"/agent/api/cases/{caseId}/close", new { note = "Hjälpte med laddningen" })).Status);

        // Teams shows five choices as a hero card, so the rating question may be the card's text.
        var texts = _delivered.Where(activity => (string?)activity["type"] == "message")
            .SelectMany(activity => new[] { (string?)activity["text"] }.Concat(activity["attachments"]?.Select(attachment => (string?)attachment["content"]?["text"]) ?? []))
            .ToList();
        Assert.Contains("Anna från IQOS kundtjänst har anslutit till chatten.", texts);
        Assert.Contains("Hej! Jag heter Anna.", texts);
        Assert.Contains("Anna har avslutat chatten. Nu är det jag, IQOS-boten, som svarar igen.", texts);
        Assert.Contains(texts, text => text?.StartsWith("Hur nöjd är du med hjälpen du fick?", StringComparison.Ordinal) == true);
        Assert.Contains(_delivered, activity => (string?)activity["type"] == "typing");
        Assert.All(_delivered, activity => Assert.Equal(customer.ConversationId, (string?)activity["conversation"]?["id"]));
    }

    /// <summary>A customer message delivered the normal way: the bot's replies go to the channel's serviceUrl.</summary>
    private async Task SayAsync(EmulatorClient customer, string text)
    {
        var activity = customer.NewActivity("message", new JObject { ["text"] = text, ["serviceUrl"] = _serviceUrl });
        activity.Remove("deliveryMode");
        var reply = await customer.SendAsync(activity);
        Assert.True(reply.Status is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{reply.Status}: {reply.Body}");
    }

    private async Task<IResult> RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        _delivered.Enqueue(JObject.Parse(await reader.ReadToEndAsync()));
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
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
