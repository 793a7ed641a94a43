using System.Net;
using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>A customer on Direct Line asks for a person, an agent takes the chat in the console, closes it, and the customer rates it.</summary>
public sealed class LiveAgentFlowTests : IDisposable
{
    private const string AnnaJoined = "Anna från IQOS kundtjänst har anslutit till chatten.";

    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public LiveAgentFlowTests()
    {
        _host = Agents.Host(_database.Path);
    }

    [Fact]
    public async Task From_asking_for_a_person_to_the_rating_after_the_agent_closes()
    {
        var customer = await Customer.StartAsync(_host);
        var anna = await AgentBrowser.SignedInAsync(_host, Agents.Anna);
        var bertil = await AgentBrowser.SignedInAsync(_host, Agents.Bertil);

        // Asking for a person: a one-line description, skippable, then the queue.
        var prompt = await customer.SayAndWaitAsync("jag vill prata med en människa", "Vill du skriva en rad");
        Assert.Contains(prompt, text => text.StartsWith("Jag kopplar dig till en kollega på kundtjänst.", StringComparison.Ordinal));
        var queued = await customer.SayAndWaitAsync("Hoppa över", "Du står nu i kö");
        Assert.Contains(queued, text => text.Contains("Du är nummer 1", StringComparison.Ordinal));

        // The agents see it waiting.
        var waiting = Assert.Single(await anna.WaitingAsync());
        var caseId = waiting.Value<string>("id")!;
        Assert.Equal("waiting", waiting.Value<string>("status"));
        Assert.Equal("sv", waiting.Value<string>("language"));
        Assert.Equal("HumanAgent", waiting.Value<string>("intent"));
        Assert.Equal(1, waiting.Value<int>("position"));
        Assert.Null(waiting.Value<string>("description"));
        Assert.Null(waiting.Value<string>("owner"));

        // Anna takes it; the customer is told who joined.
        var accepted = await anna.PostAsync($"/agent/api/cases/{caseId}/accept");
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal("active", JObject.Parse(accepted.Body).Value<string>("status"));
        await customer.WaitForBotAsync(AnnaJoined);
        Assert.Empty(await anna.WaitingAsync());
        var mine = (JArray)(await anna.GetJsonAsync("/agent/api/queue"))["mine"]!;
        Assert.Equal(caseId, Assert.Single(mine).Value<string>("id"));

        // Bertil is too late and cannot read or write in Anna's chat.
        Assert.Equal(HttpStatusCode.Conflict, (await bertil.PostAsync($"/agent/api/cases/{caseId}/accept")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await bertil.GetAsync($"/agent/api/cases/{caseId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await bertil.PostAsync($"/agent/api/cases/{caseId}/messages", new { text = "Hej från Bertil" })).Status);
        Assert.Empty((JArray)(await bertil.GetJsonAsync("/agent/api/queue"))["mine"]!);

        // The customer writes: the agent gets it, the bot stays quiet.
        var before = await customer.SayAsync("Hej Anna, min laddare blinkar rött");
        var detail = await anna.WaitForCustomerLineAsync(caseId, "min laddare blinkar rött");
        Assert.Equal("Anna", detail.Value<string>("ownerName"));
        var afterCustomer = await customer.ActivitiesAsync();
        Assert.Empty(Customer.BotTexts(afterCustomer.Skip(before)));

        // Anna answers; it lands in the customer's Direct Line conversation.
        var sent = await anna.PostAsync($"/agent/api/cases/{caseId}/messages", new { text = "Hej! Prova att rengöra kontakterna." });
        Assert.Equal(HttpStatusCode.Accepted, sent.Status);
        await customer.WaitForBotAsync("Prova att rengöra kontakterna.", before);
        var agentLine = (await anna.CaseAsync(caseId))["transcript"]!.Single(entry => entry.Value<string>("sender") == "agent");
        Assert.Equal("Anna", agentLine.Value<string>("name"));
        Assert.Equal(HttpStatusCode.BadRequest, (await anna.PostAsync($"/agent/api/cases/{caseId}/messages", new { text = "  " })).Status);

        // Closing needs a note; then the bot is back and asks for a rating.
        Assert.Equal(HttpStatusCode.BadRequest, (await anna.PostAsync($"/agent/api/cases/{caseId}/close", new { note = "" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await anna.PostAsync($"/agent/api/cases/{caseId}/close", new { })).Status);
        var beforeClose = (await customer.ActivitiesAsync()).Count;
        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync($"/agent/api/cases/{caseId}/close", new { note = "Rengöring av kontakter löste det." })).Status);
        var handBack = await customer.WaitForBotAsync("Hur nöjd är du med hjälpen du fick?", beforeClose);
        Assert.Contains("Anna har avslutat chatten. Nu är det jag, IQOS-boten, som svarar igen.", handBack);
        Assert.Equal(HttpStatusCode.Conflict, (await anna.PostAsync($"/agent/api/cases/{caseId}/messages", new { text = "En sak till" })).Status);

        // The customer rates 4 with a comment; it is stored with the case.
        await customer.SayAndWaitAsync("4", "Vill du lägga till en kommentar?");
        await customer.SayAndWaitAsync("Snabb och trevlig hjälp", "Tack för att du tog dig tid!");
        var closed = await anna.CaseAsync(caseId);
        Assert.Equal("closed", closed.Value<string>("status"));
        Assert.Equal("Rengöring av kontakter löste det.", closed.Value<string>("resolutionNote"));
        Assert.Equal(4, closed.Value<int?>("rating"));
        Assert.Equal("Snabb och trevlig hjälp", closed.Value<string>("ratingComment"));

        // And the bot answers the customer again.
        await customer.SayAndWaitAsync("hej", "Hej! Vad kan jag hjälpa dig med?");
    }

    [Fact]
    public async Task A_description_is_shown_to_agents_masked()
    {
        var customer = await Customer.StartAsync(_host);
        var anna = await AgentBrowser.SignedInAsync(_host, Agents.Anna);

        await customer.QueueAsync("Min ILU2M3N4P5Q6 laddar inte, svara till anna.svensson@example.com");

        var queue = (await anna.GetJsonAsync("/agent/api/queue")).ToString();
        var waiting = Assert.Single(await anna.WaitingAsync());
        var description = waiting.Value<string>("description")!;
        Assert.Contains("laddar inte", description);
        Assert.DoesNotContain("anna.svensson@example.com", queue);
        Assert.DoesNotContain("ILU2M3N4P5Q6", queue);
        Assert.Contains("@example.com", description);
    }

    [Fact]
    public async Task The_agent_reads_serials_and_e_mail_addresses_masked_in_the_transcript()
    {
        var customer = await Customer.StartAsync(_host);
        var anna = await AgentBrowser.SignedInAsync(_host, Agents.Anna);
        await customer.QueueAsync();
        var caseId = Assert.Single(await anna.WaitingAsync()).Value<string>("id")!;
        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync($"/agent/api/cases/{caseId}/accept")).Status);
        await customer.WaitForBotAsync(AnnaJoined);

        await customer.SayAsync("ILU2M3N4P5Q6 anna.svensson@example.com");
        var detail = await anna.WaitForCustomerLineAsync(caseId, "@example.com");

        var json = detail.ToString();
        Assert.DoesNotContain("anna.svensson@example.com", json);
        Assert.DoesNotContain("ILU2M3N4P5Q6", json);
        var line = detail["transcript"]!.Last(entry => entry.Value<string>("sender") == "customer").Value<string>("text")!;
        Assert.Contains("P5Q6", line); // Enough to match what the customer says, not enough to copy.
        Assert.Contains("•", line);
    }

    [Fact]
    public async Task Leaving_the_queue_takes_the_case_out_and_the_next_customer_moves_up()
    {
        var first = await Customer.StartAsync(_host);
        var second = await Customer.StartAsync(_host);
        var anna = await AgentBrowser.SignedInAsync(_host, Agents.Anna);
        Assert.Contains("Du är nummer 1", await first.QueueAsync());
        Assert.Contains("Du är nummer 2", await second.QueueAsync());
        var firstCase = (await anna.WaitingAsync())[0].Value<string>("id")!;

        // While waiting, writing gives the place in the queue instead of a bot answer.
        var still = await first.SayAndWaitAsync("hallå?", "Du står fortfarande i kö");
        Assert.Contains(still, text => text.Contains("som nummer 1", StringComparison.Ordinal));

        var left = await first.SayAndWaitAsync("avbryt", "Okej, du har lämnat kön.");

        var waiting = Assert.Single(await anna.WaitingAsync());
        Assert.NotEqual(firstCase, waiting.Value<string>("id"));
        Assert.Equal(1, waiting.Value<int>("position"));
        var leftCase = await anna.CaseAsync(firstCase);
        Assert.Equal("left", leftCase.Value<string>("status"));
        Assert.Equal(HttpStatusCode.Conflict, (await anna.PostAsync($"/agent/api/cases/{firstCase}/accept")).Status);

        // The announcement runs in the background.
        await second.WaitForBotAsync("Du är nu nummer 1 i kön");

        // The customer who left talks to the bot again.
        await first.SayAndWaitAsync("hej", "Hej! Vad kan jag hjälpa dig med?");
        Assert.DoesNotContain(left, text => text.Contains("Du står", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
