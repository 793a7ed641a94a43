using System.Net;
using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>Wednesday 21.00 in Stockholm: nobody can take a chat, so the customer hears when we are back and can book a callback.</summary>
public sealed class OutOfHoursTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public OutOfHoursTests()
    {
        _host = Agents.Host(_database.Path, ShiftedClock.Closed);
    }

    [Fact]
    public async Task No_case_is_opened_and_a_callback_with_consent_becomes_a_ticket_the_agents_can_finish()
    {
        var customer = await Customer.StartAsync(_host);
        var anna = await AgentBrowser.SignedInAsync(_host, Agents.Anna);

        var closed = await customer.SayAndWaitAsync("jag vill prata med en människa", "ringa upp dig när vi har öppnat?");
        Assert.Contains("Kundtjänst har stängt just nu, så ingen kan svara i chatten. Vi är tillbaka i morgon kl. 08", string.Join("\n", closed));
        Assert.DoesNotContain(closed, text => text.Contains("kö", StringComparison.Ordinal));
        Assert.Empty(await anna.WaitingAsync());

        await customer.SayAndWaitAsync("Ring upp mig", "Vilket telefonnummer ska vi ringa?");
        await customer.SayAndWaitAsync("070-123 45 67", "Får vi spara 070-123 45 67 och ringa dig");
        var booked = await customer.SayAndWaitAsync("ja", "Tack! Vi ringer dig när vi har öppnat igen");
        Assert.Contains(booked, text => text.Contains("vi är tillbaka i morgon kl. 08", StringComparison.Ordinal));

        var tickets = (JArray)await anna.GetJsonAsync("/agent/api/callbacks");
        var ticket = Assert.Single(tickets);
        Assert.Equal("+46701234567", ticket.Value<string>("phone"));
        Assert.Equal("sv", ticket.Value<string>("language"));
        Assert.Equal("open", ticket.Value<string>("status"));
        Assert.Empty(await anna.WaitingAsync());

        var id = ticket.Value<string>("id")!;
        Assert.Equal(HttpStatusCode.BadRequest, (await anna.PostAsync($"/agent/api/callbacks/{id}/done", withCsrf: false)).Status);
        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync($"/agent/api/callbacks/{id}/done")).Status);
        Assert.Empty((JArray)await anna.GetJsonAsync("/agent/api/callbacks"));
        Assert.Equal(HttpStatusCode.NotFound, (await anna.PostAsync($"/agent/api/callbacks/{id}/done")).Status);
    }

    [Fact]
    public async Task Without_consent_no_callback_ticket_is_kept()
    {
        var customer = await Customer.StartAsync(_host);
        var anna = await AgentBrowser.SignedInAsync(_host, Agents.Anna);

        await customer.SayAndWaitAsync("jag vill prata med en människa", "ringa upp dig när vi har öppnat?");
        await customer.SayAndWaitAsync("Ring upp mig", "Vilket telefonnummer ska vi ringa?");
        await customer.SayAndWaitAsync("070-123 45 67", "Får vi spara");
        await customer.SayAndWaitAsync("nej", "Okej, jag har inte sparat numret.");

        Assert.Empty((JArray)await anna.GetJsonAsync("/agent/api/callbacks"));
    }

    [Fact]
    public async Task One_conversation_keeps_at_most_three_open_callback_tickets()
    {
        var customer = await Customer.StartAsync(_host);
        var anna = await AgentBrowser.SignedInAsync(_host, Agents.Anna);

        for (var i = 0; i < 5; i++)
        {
            await customer.SayAndWaitAsync("jag vill prata med en människa", "ringa upp dig när vi har öppnat?");
            await customer.SayAndWaitAsync("Ring upp mig", "Vilket telefonnummer ska vi ringa?");
            await customer.SayAndWaitAsync("070-123 45 6" + i, "Får vi spara");
            await customer.SayAndWaitAsync("ja", "Tack! Vi ringer dig när vi har öppnat igen");
        }

        Assert.Equal(3, ((JArray)await anna.GetJsonAsync("/agent/api/callbacks")).Count);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
