using System.Net;
using IqosBot.Bot.Tests.Handoff;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.TwoProcesses;

/// <summary>
/// A customer and an agent served by different instances: the customer in Web Chat on A, the agent console on B,
/// through the queue, the accept, the chat both ways, the close and the rating; and the same with both going
/// through nginx's round robin, so that any of their requests may land on either instance.
/// </summary>
[Collection(TwoProcessCollection.Name)]
public sealed class HandoffAcrossProcessesTests(TwoProcessServers servers)
{
    private const string AnnaJoined = "Anna från IQOS kundtjänst har anslutit till chatten.";

    [Fact]
    public async Task A_customer_on_A_and_the_agent_on_B_go_from_the_queue_to_the_rating()
    {
        var cluster = await servers.SharedClusterAsync();
        await cluster.ExplainFailuresAsync(async () =>
        {
            using var customerSide = TwoBotCluster.Client(cluster.A.BaseAddress);
            using var agentSide = TwoBotCluster.Client(cluster.B.BaseAddress, new CookieContainer());
            await FromQueueToRatingAsync(customerSide, agentSide);
        });
    }

    [Fact]
    public async Task Through_the_proxy_a_customer_and_an_agent_go_from_the_queue_to_the_rating()
    {
        var cluster = await servers.SharedClusterAsync();
        await cluster.ExplainFailuresAsync(async () =>
        {
            var customerUpstreams = new UpstreamLog();
            var agentUpstreams = new UpstreamLog();
            using var customerSide = TwoBotCluster.Client(cluster.Proxy.BaseAddress, upstreams: customerUpstreams);
            using var agentSide = TwoBotCluster.Client(cluster.Proxy.BaseAddress, new CookieContainer(), agentUpstreams);

            await FromQueueToRatingAsync(customerSide, agentSide);

            foreach (var upstreams in new[] { customerUpstreams, agentUpstreams })
            {
                Assert.True(upstreams.AnsweredBy(cluster.A) >= 2 && upstreams.AnsweredBy(cluster.B) >= 2, "Answered by: " + string.Join(" ", upstreams.Upstreams));
            }
        });
    }

    /// <summary>The live-agent flow of LiveAgentFlowTests, with every request of the customer and of the agent going where the clients point.</summary>
    private static async Task FromQueueToRatingAsync(HttpClient customerSide, HttpClient agentSide)
    {
        await using var customer = await WebChatCustomer.StartAsync(customerSide, customerSide);
        var anna = await AgentBrowser.SignInAsync(new AgentBrowser(agentSide), Agents.Anna);

        // The customer asks for a person with a line of their own, so this case is told from any other in the queue.
        var description = "laddaren blinkar rött " + Letters();
        await customer.SayAndWaitAsync(customerSide, "jag vill prata med en människa", "Vill du skriva en rad");
        await customer.SayAndWaitAsync(customerSide, description, "Du står nu i kö");

        // The agent's instance sees the case waiting, and takes it; the customer's socket hears who joined.
        var caseId = await WaitingCaseAsync(anna, description);
        var accepted = await anna.PostAsync($"/agent/api/cases/{caseId}/accept");
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal("active", JObject.Parse(accepted.Body).Value<string>("status"));
        await customer.WaitForBotAsync(AnnaJoined);

        // The customer writes: the agent reads it in the transcript, and the bot says nothing.
        var beforeCustomer = customer.Socket.Activities.Count;
        await customer.SayAsync(customerSide, "Hej Anna, den blinkar fortfarande");
        await anna.WaitForCustomerLineAsync(caseId, "den blinkar fortfarande");

        // The agent answers: it reaches the customer's socket.
        Assert.Equal(HttpStatusCode.Accepted, (await anna.PostAsync($"/agent/api/cases/{caseId}/messages", new { text = "Hej! Prova att rengöra kontakterna." })).Status);
        var afterAgent = await customer.WaitForBotAsync("Prova att rengöra kontakterna.", beforeCustomer);
        Assert.Equal(["Hej! Prova att rengöra kontakterna."], afterAgent);

        // The agent closes: the bot is back and asks for a rating, which is stored with the case.
        var beforeClose = customer.Socket.Activities.Count;
        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync($"/agent/api/cases/{caseId}/close", new { note = "Rengöring löste det." })).Status);
        var handBack = await customer.WaitForBotAsync("Hur nöjd är du med hjälpen du fick?", beforeClose);
        Assert.Contains("Anna har avslutat chatten. Nu är det jag, IQOS-boten, som svarar igen.", handBack);
        await customer.SayAndWaitAsync(customerSide, "4", "Vill du lägga till en kommentar?");
        await customer.SayAndWaitAsync(customerSide, "Snabb och trevlig hjälp", "Tack för att du tog dig tid!");

        var closed = await anna.CaseAsync(caseId);
        Assert.Equal("closed", closed.Value<string>("status"));
        Assert.Equal("Rengöring löste det.", closed.Value<string>("resolutionNote"));
        Assert.Equal(4, closed.Value<int?>("rating"));

        // Every line the customer saw came once.
        var seen = customer.Socket.Activities.Where(activity => activity.Value<string>("type") != "typing").Select(ConversationLog.Id).ToList();
        Assert.Equal(seen.Distinct(), seen);
    }

    /// <summary>The id of the waiting case with this description, as the agent's queue shows it (within 15 s).</summary>
    private static async Task<string> WaitingCaseAsync(AgentBrowser agent, string description)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var waiting = await agent.WaitingAsync();
            if (waiting.FirstOrDefault(entry => entry.Value<string>("description") == description) is { } found)
            {
                return found.Value<string>("id")!;
            }

            Assert.True(DateTime.UtcNow < deadline, "The case never showed in the agent's queue: " + waiting);
            await Task.Delay(100);
        }
    }

    /// <summary>A few random letters: unique enough, and nothing the personal-data mask would hide.</summary>
    private static string Letters() => new(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
}
