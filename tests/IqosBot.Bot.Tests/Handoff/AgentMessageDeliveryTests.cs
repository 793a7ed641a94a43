using System.Net;
using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Hosting;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>What an agent is told when a message cannot reach the customer, and what a malformed request gets.</summary>
public sealed class AgentMessageDeliveryTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public AgentMessageDeliveryTests()
    {
        _host = Agents.Host(_database.Path, ShiftedClock.Open);
    }

    [Fact]
    public async Task A_message_the_customers_channel_refuses_gets_502_and_is_not_in_the_transcript()
    {
        // An Emulator customer whose serviceUrl (127.0.0.1:1) nobody listens on: the Bot Connector path of a proactive message fails.
        var customer = new EmulatorClient(_host.CreateClient());
        await customer.SendTextAsync("jag vill prata med en människa");
        await customer.SendTextAsync("Hoppa över");
        var anna = await AgentBrowser.SignedInAsync(_host, Agents.Anna);
        var caseId = (string)(await anna.WaitingAsync()).Single()["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync($"/agent/api/cases/{caseId}/accept")).Status);

        var (status, body) = await anna.PostAsync($"/agent/api/cases/{caseId}/messages", new { text = "Hej, det är Anna!" });

        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.Contains("could not be reached", body, StringComparison.Ordinal);
        var transcript = (await anna.CaseAsync(caseId))["transcript"]!;
        Assert.DoesNotContain(transcript, entry => (string?)entry["text"] == "Hej, det är Anna!");
        Assert.Equal("active", (string?)(await anna.CaseAsync(caseId))["status"]);
    }

    [Theory]
    [InlineData("messages", "{\"text\": 42}")]
    [InlineData("messages", "{\"text\": null}")]
    [InlineData("messages", "not json")]
    [InlineData("close", "{\"note\": [\"a\"]}")]
    public async Task A_malformed_body_gets_400_not_500(string action, string json)
    {
        var anna = await AgentBrowser.SignedInAsync(_host, Agents.Anna);
        var me = await anna.GetJsonAsync("/agent/api/me");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/agent/api/cases/C-UNKNOWN1/{action}")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-CSRF-TOKEN", (string)me["csrfToken"]!);

        using var response = await anna.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
