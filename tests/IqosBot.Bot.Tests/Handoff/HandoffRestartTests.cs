using System.Net;
using IqosBot.Bot.Tests.Hosting;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>Cases live in the state database: a restart loses neither the queue nor who has which chat.</summary>
public sealed class HandoffRestartTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Waiting_and_accepted_cases_survive_a_restart_and_the_chat_still_goes_to_the_agent()
    {
        Customer waiter;
        Customer chatter;
        string waitingCase;
        string activeCase;
        using (var first = Agents.Host(_database.Path))
        {
            waiter = await Customer.StartAsync(first);
            chatter = await Customer.StartAsync(first);
            var anna = await AgentBrowser.SignedInAsync(first, Agents.Anna);
            await chatter.QueueAsync();
            await waiter.QueueAsync();
            var queue = await anna.WaitingAsync();
            activeCase = queue[0].Value<string>("id")!;
            waitingCase = queue[1].Value<string>("id")!;
            Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync($"/agent/api/cases/{activeCase}/accept")).Status);
            await chatter.WaitForBotAsync("Anna från IQOS kundtjänst har anslutit till chatten.");
            await waiter.WaitForBotAsync("Du är nu nummer 1 i kön");
        }

        using var second = Agents.Host(_database.Path);
        var annaAgain = await AgentBrowser.SignedInAsync(second, Agents.Anna);
        var bertil = await AgentBrowser.SignedInAsync(second, Agents.Bertil);

        var waiting = Assert.Single(await annaAgain.WaitingAsync());
        Assert.Equal(waitingCase, waiting.Value<string>("id"));
        Assert.Equal("waiting", waiting.Value<string>("status"));
        Assert.Equal(1, waiting.Value<int>("position"));
        var mine = Assert.Single((Newtonsoft.Json.Linq.JArray)(await annaAgain.GetJsonAsync("/agent/api/queue"))["mine"]!);
        Assert.Equal(activeCase, mine.Value<string>("id"));
        Assert.Equal("active", mine.Value<string>("status"));
        Assert.Equal(Agents.Anna, mine.Value<string>("owner"));
        Assert.Equal(HttpStatusCode.Forbidden, (await bertil.GetAsync($"/agent/api/cases/{activeCase}")).Status);

        // The customer's next message still goes to Anna, not to the bot.
        var chatterAgain = chatter.On(second);
        var before = await chatterAgain.SayAsync("Är du kvar efter omstarten?");
        await annaAgain.WaitForCustomerLineAsync(activeCase, "Är du kvar efter omstarten?");
        Assert.Empty(Customer.BotTexts((await chatterAgain.ActivitiesAsync()).Skip(before)));

        // And Anna can still answer through the stored conversation reference.
        Assert.Equal(HttpStatusCode.Accepted, (await annaAgain.PostAsync($"/agent/api/cases/{activeCase}/messages", new { text = "Ja, jag är kvar." })).Status);
        await chatterAgain.WaitForBotAsync("Ja, jag är kvar.", before);

        // The waiting customer is still in the queue.
        var waiterAgain = waiter.On(second);
        await waiterAgain.SayAndWaitAsync("hallå?", "Du står fortfarande i kö, som nummer 1");
    }

    public void Dispose() => _database.Dispose();
}
