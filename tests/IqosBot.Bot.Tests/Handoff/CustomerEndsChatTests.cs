using System.Diagnostics;
using System.Net;
using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>No dead end while a person has the chat: the customer can end it, and hears when the agent has gone away.</summary>
public sealed class CustomerEndsChatTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly JumpingClock _clock = new(ShiftedClock.Open);
    private readonly DirectLineHost _host;

    public CustomerEndsChatTests()
    {
        _host = new DirectLineHost(_database.Path, Agents.Settings(), services => services.AddSingleton<TimeProvider>(_clock));
    }

    [Fact]
    public async Task Avbryt_during_a_chat_ends_it_tells_the_agent_and_the_bot_answers_again()
    {
        var (customer, anna, caseId) = await AcceptedChatAsync();

        var ended = await customer.SayAndWaitAsync("avbryt", "chatten med kundtjänst är avslutad");

        Assert.Contains("Okej, chatten med kundtjänst är avslutad.", ended);
        Assert.Contains("Är det något mer jag kan hjälpa dig med?", ended);
        var closed = await anna.CaseAsync(caseId);
        Assert.Equal("closed", (string?)closed["status"]);
        Assert.Equal("Kunden avslutade chatten.", (string?)closed["resolutionNote"]);
        Assert.Equal(HttpStatusCode.Conflict, (await anna.PostAsync($"/agent/api/cases/{caseId}/messages", new { text = "Hallå?" })).Status);
        Assert.Contains("Hjälpte det här?", await customer.SayAndWaitAsync("när har ni öppet?", "Hjälpte det här?"));
    }

    [Fact]
    public async Task A_customer_writing_to_an_agent_who_has_gone_away_is_told_so_and_how_to_end_the_chat()
    {
        var (customer, anna, caseId) = await AcceptedChatAsync();

        // Anna has been seen just now: the message is hers and the bot stays quiet.
        var from = await customer.SayAsync("Är du kvar?");
        await anna.WaitForCustomerLineAsync(caseId, "Är du kvar?");
        Assert.DoesNotContain(Customer.BotTexts(await customer.ActivitiesAsync()).Skip(from), text => text.Contains("inte ansluten", StringComparison.Ordinal));

        // Three minutes without her console: the customer hears it, and the message is still kept for her.
        _clock.Jump(TimeSpan.FromMinutes(3));
        var away = await customer.SayAndWaitAsync("Hallå?", "inte ansluten");

        Assert.Contains("Anna är inte ansluten just nu. Ditt meddelande är sparat, och du får svar här när Anna är tillbaka. Skriv avbryt om du vill avsluta chatten med kundtjänst.", away);
        await anna.WaitForCustomerLineAsync(caseId, "Hallå?");
    }

    private async Task<(Customer Customer, AgentBrowser Anna, string CaseId)> AcceptedChatAsync()
    {
        var customer = await Customer.StartAsync(_host);
        await customer.QueueAsync();
        var anna = await AgentBrowser.SignedInAsync(_host, Agents.Anna);
        var caseId = (string)(await anna.WaitingAsync()).Single()["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync($"/agent/api/cases/{caseId}/accept")).Status);
        await customer.WaitForBotAsync("Anna från IQOS kundtjänst har anslutit till chatten.");
        return (customer, anna, caseId);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }

    /// <summary>Real time from an open hour, plus whatever the test jumps ahead.</summary>
    private sealed class JumpingClock(DateTimeOffset start) : TimeProvider
    {
        private readonly long _origin = Stopwatch.GetTimestamp();
        private TimeSpan _jumped;

        public void Jump(TimeSpan by) => _jumped += by;

        public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(_origin) + _jumped;
    }
}
