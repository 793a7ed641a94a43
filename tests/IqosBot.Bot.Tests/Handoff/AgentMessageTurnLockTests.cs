using System.Net;
using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>
/// An agent's message is a proactive turn of the customer's conversation: it waits for a turn of that
/// conversation in progress (on any instance: the lock is the shared one with PostgreSQL) instead of landing
/// between that turn's replies.
/// </summary>
public sealed class AgentMessageTurnLockTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public AgentMessageTurnLockTests()
    {
        _host = Agents.Host(_database.Path);
    }

    [Fact]
    public async Task An_agents_message_waits_for_the_turn_that_holds_the_conversation_and_then_arrives()
    {
        var customer = await Customer.StartAsync(_host);
        await customer.QueueAsync();
        var anna = await AgentBrowser.SignedInAsync(_host, Agents.Anna);
        var caseId = (string)(await anna.WaitingAsync()).Single()["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync($"/agent/api/cases/{caseId}/accept")).Status);
        await customer.WaitForBotAsync("har anslutit till chatten");

        // A turn of this conversation is running (held here as the bot's own turn would hold it).
        var turn = await _host.Services.GetRequiredService<ConversationLocks>().AcquireAsync("directline/" + customer.ConversationId, CancellationToken.None);
        var sending = anna.PostAsync($"/agent/api/cases/{caseId}/messages", new { text = "Hej, det är Anna!" });
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.False(sending.IsCompleted, "The agent's message did not wait for the running turn.");
        Assert.DoesNotContain("Hej, det är Anna!", Customer.BotTexts(await customer.ActivitiesAsync()));

        turn.Dispose();
        Assert.Equal(HttpStatusCode.Accepted, (await sending).Status);
        await customer.WaitForBotAsync("Hej, det är Anna!");
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
