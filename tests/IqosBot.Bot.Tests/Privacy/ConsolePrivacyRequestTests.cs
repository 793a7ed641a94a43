using System.Net;
using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Handoff;
using IqosBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Privacy;

/// <summary>
/// Data-subject requests in the agent console: only an agent with the privacy role may export or erase one
/// person's data; the log names the agent and the counts, never the person.
/// </summary>
public sealed class ConsolePrivacyRequestTests : IDisposable
{
    private const string Phone = "070-555 12 34";

    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public ConsolePrivacyRequestTests()
    {
        // Closed: the customer books a callback, which is what the privacy agent then finds and erases.
        _host = Agents.Host(_database.Path, ShiftedClock.Closed, new Dictionary<string, string?> { ["AgentConsole:Accounts:1:Roles:0"] = "privacy" });
    }

    [Fact]
    public async Task Only_an_agent_with_the_privacy_role_can_export_and_erase_and_the_log_never_names_the_person()
    {
        var customer = await Customer.StartAsync(_host);
        await customer.SayAndWaitAsync("jag vill prata med en människa", "ringa upp dig när vi har öppnat?");
        await customer.SayAndWaitAsync("Ring upp mig", "Vilket telefonnummer ska vi ringa?");
        await customer.SayAndWaitAsync(Phone, "Får vi spara");
        await customer.SayAndWaitAsync("ja", "Tack! Vi ringer dig när vi har öppnat igen");

        var anna = await AgentBrowser.SignedInAsync(_host, Agents.Anna);
        var bertil = await AgentBrowser.SignedInAsync(_host, Agents.Bertil);

        Assert.Equal(HttpStatusCode.Forbidden, (await anna.PostAsync("/agent/api/privacy/export", new { phone = Phone })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.PostAsync("/agent/api/privacy/erase", new { phone = Phone })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await bertil.PostAsync("/agent/api/privacy/export", new { })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await bertil.PostAsync("/agent/api/privacy/export", new { phone = Phone }, withCsrf: false)).Status);

        var export = await bertil.PostAsync("/agent/api/privacy/export", new { phone = Phone });
        Assert.Equal(HttpStatusCode.OK, export.Status);
        var tickets = (JArray)JObject.Parse(export.Body)["callback_tickets"]!;
        Assert.Equal("+46705551234", Assert.Single(tickets).Value<string>("phone"));

        var erase = await bertil.PostAsync("/agent/api/privacy/erase", new { phone = Phone });
        Assert.Equal(HttpStatusCode.OK, erase.Status);
        Assert.Equal(1, JObject.Parse(erase.Body).Value<int>("callback_tickets"));
        Assert.Empty((JArray)await anna.GetJsonAsync("/agent/api/callbacks"));
        Assert.DoesNotContain("5551234", await _database.AllStoredTextAsync(), StringComparison.Ordinal);

        var logs = string.Join("\n", _host.Logs.Lines);
        Assert.Contains("Data-subject erasure by agent bertil", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("555", logs, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
