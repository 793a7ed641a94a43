using Microsoft.Extensions.DependencyInjection;
using System.Net;
using IqosBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>Handoff:Mode ContactCentre: the bot hands over with the Bot Framework handoff protocol instead of its own queue.</summary>
public sealed class ContactCentreHandoffTests : IDisposable
{
    /// <summary>The id the contact centre's events come from (Handoff:ContactCentreSenderId).</summary>
    private const string ContactCentre = "omnichannel-7";

    private readonly TempDatabase _database = new();
    private readonly BotHost _host;

    public ContactCentreHandoffTests()
    {
        _host = new BotHost(_database.Path, Agents.Settings(new Dictionary<string, string?> { ["Handoff:Mode"] = "ContactCentre", ["Handoff:ContactCentreSenderId"] = ContactCentre }), ShiftedClock.At(ShiftedClock.Open));
    }

    [Fact]
    public async Task Asking_for_a_person_sends_handoff_initiate_with_context_and_transcript_and_completion_brings_the_rating()
    {
        var client = new EmulatorClient(_host.CreateClient());

        var prompt = await client.SendTextAsync("jag vill prata med en människa");
        Assert.Contains(prompt.Texts, text => text.Contains("Vill du skriva en rad", StringComparison.Ordinal));
        var reply = await client.SendTextAsync("Hoppa över");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var handoff = Assert.Single(reply.Activities, activity => activity.Value<string>("type") == "event");
        Assert.Equal("handoff.initiate", handoff.Value<string>("name"));
        var value = (JObject)handoff["value"]!;
        Assert.StartsWith("C-", value.Value<string>("caseId"));
        Assert.Equal("sv", value.Value<string>("language"));
        Assert.Equal("HumanAgent", value.Value<string>("intent"));
        var attachment = Assert.Single((JArray)handoff["attachments"]!);
        var activities = (JArray)attachment["content"]!["activities"]!;
        Assert.NotEmpty(activities);
        var transcript = activities.ToString();
        Assert.Contains("jag vill prata med en människa", transcript);
        Assert.Contains("Vill du skriva en rad", transcript);
        Assert.Contains(reply.Texts, text => text.StartsWith("Tack! Jag kopplar dig nu till en kollega", StringComparison.Ordinal));

        // No case in the console's own queue.
        var anna = await AgentBrowser.SignedInAsync(_host, Agents.Anna);
        Assert.Empty(await anna.WaitingAsync());

        await StatusAsync(client, "accepted");
        var completed = await StatusAsync(client, "completed");

        Assert.Contains("Kundtjänst har avslutat chatten. Nu är det jag, IQOS-boten, som svarar igen.", completed.Texts);
        Assert.Contains(completed.Texts, text => text.StartsWith("Hur nöjd är du med hjälpen du fick?", StringComparison.Ordinal));
        var comment = await client.SendTextAsync("5");
        Assert.Contains(comment.Texts, text => text.StartsWith("Tack! Vill du lägga till en kommentar?", StringComparison.Ordinal));
        var thanks = await client.SendTextAsync("Hoppa över");
        Assert.Contains("Tack för att du tog dig tid!", thanks.Texts);

        // The team's insights count the contact centre's chat as the console's: queued, accepted, closed, rated.
        await _host.Services.GetRequiredService<IqosBot.Insights.InsightLog>().FlushAsync(CancellationToken.None);
        var events = (await _host.Services.GetRequiredService<IqosBot.Insights.IInsightStore>().ReadAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, CancellationToken.None)).Events;
        Assert.Equal(["handoff_requested", "queued", "accepted", "closed", "rating"], events.Where(e => e.Kind is "handoff_requested" or "queued" or "accepted" or "closed" or "rating").Select(e => e.Kind));
        Assert.Equal(IqosBot.Handoff.CaseModes.ContactCentre, events.Single(e => e.Kind == "queued").Value);
        Assert.Equal(5, events.Single(e => e.Kind == "rating").Number);
    }

    [Fact]
    public async Task The_transcript_travels_as_the_sdk_attaches_it_to_handoff_initiate()
    {
        var client = new EmulatorClient(_host.CreateClient());
        await client.SendTextAsync("jag vill prata med en människa");

        var reply = await client.SendTextAsync("Hoppa över");

        var handoff = Assert.Single(reply.Activities, activity => activity.Value<string>("name") == "handoff.initiate");
        var attachment = Assert.Single((JArray)handoff["attachments"]!);
        // EventFactory.CreateHandoffInitiation's shape (Bot Builder 4.23.1): one attachment named "Transcript", JSON content.
        Assert.Equal("Transcript", attachment.Value<string>("name"));
        Assert.Equal("application/json", attachment.Value<string>("contentType"));
        var activities = (JArray)attachment["content"]!["activities"]!;
        Assert.Contains(activities, activity => activity.Value<string>("text") == "jag vill prata med en människa");
    }

    [Fact]
    public async Task A_failed_handoff_gives_customer_cares_contact_card()
    {
        var client = new EmulatorClient(_host.CreateClient());
        await client.SendTextAsync("jag vill prata med en människa");
        await client.SendTextAsync("Hoppa över");

        var failed = await StatusAsync(client, "failed");

        var card = Assert.Single(failed.AdaptiveCards).ToString();
        Assert.Contains("Tyvärr gick det inte att koppla dig till en kollega just nu.", failed.Body);
        Assert.Contains("020-25 10 10", card);
        Assert.Contains("contact.se@iqos.com", card);

        // The bot answers again.
        var hello = await client.SendTextAsync("hej");
        Assert.Equal("Hej! Vad kan jag hjälpa dig med?", Assert.Single(hello.Texts));
    }

    [Fact]
    public async Task A_handoff_status_from_anyone_but_the_contact_centre_is_ignored()
    {
        var client = new EmulatorClient(_host.CreateClient());
        await client.SendTextAsync("jag vill prata med en människa");
        await client.SendTextAsync("Hoppa över");

        // The customer's own client forges "completed": nothing happens, no rating is asked for.
        var forged = await client.SendEventAsync("handoff.status", new JObject { ["state"] = "completed" });
        var real = await StatusAsync(client, "completed");

        Assert.Empty(forged.Texts);
        Assert.NotEmpty(real.Texts);
    }

    /// <summary>A handoff.status event as the contact centre sends it.</summary>
    private static Task<BotReply> StatusAsync(EmulatorClient client, string state)
    {
        var activity = client.NewActivity("event", new JObject { ["name"] = "handoff.status", ["value"] = new JObject { ["state"] = state } });
        activity["from"] = new JObject { ["id"] = ContactCentre, ["name"] = "Contact centre" };
        return client.SendAsync(activity);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
