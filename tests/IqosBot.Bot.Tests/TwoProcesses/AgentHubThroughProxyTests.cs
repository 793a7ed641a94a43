using System.Net;
using System.Threading.Channels;
using IqosBot.Bot.Tests.Handoff;
using Microsoft.AspNetCore.SignalR.Client;

namespace IqosBot.Bot.Tests.TwoProcesses;

/// <summary>
/// The agent console's live queue behind nginx with no affinity: the page's SignalR connection (negotiate, then a
/// WebSocket, as console.js builds it) is made through the proxy, and it hears of customers queued on either
/// instance.
/// </summary>
[Collection(TwoProcessCollection.Name)]
public sealed class AgentHubThroughProxyTests(TwoProcessServers servers)
{
    [Fact]
    public async Task Through_the_proxy_the_consoles_hub_connects_as_the_page_does_and_hears_of_customers_queued_on_either_instance()
    {
        var cluster = await servers.SharedClusterAsync();
        await cluster.ExplainFailuresAsync(async () =>
        {
            var cookies = new CookieContainer();
            using var agentSide = TwoBotCluster.Client(cluster.Proxy.BaseAddress, cookies);
            await AgentBrowser.SignInAsync(new AgentBrowser(agentSide), Agents.Anna);
            var queueChanges = Channel.CreateUnbounded<bool>();
            // What console.js does: straight to a WebSocket without a negotiate request (with one, the negotiate and
            // the socket may reach different instances behind a balancer without affinity, and the socket gets 404).
            await using var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(cluster.Proxy.BaseAddress, "/agent/hub"), options =>
                {
                    options.Cookies = cookies;
                    options.SkipNegotiation = true;
                    options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                })
                .Build();
            hub.On("queueChanged", () => queueChanges.Writer.TryWrite(true));
            await hub.StartAsync();

            foreach (var instance in new[] { cluster.A, cluster.B })
            {
                using var customerSide = TwoBotCluster.Client(instance.BaseAddress);
                await using var customer = await WebChatCustomer.StartAsync(customerSide, customerSide);
                await customer.SayAndWaitAsync(customerSide, "jag vill prata med en människa", "Vill du skriva en rad");
                await customer.SayAndWaitAsync(customerSide, "Hoppa över", "Du står nu i kö");

                // Queueing sends one queueChanged, before the customer hears their place.
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                try
                {
                    await queueChanges.Reader.ReadAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    Assert.Fail($"The console's hub, connected through the proxy, heard nothing of a customer queued on {instance.Name}.");
                }
            }

            Assert.Equal(HubConnectionState.Connected, hub.State);
        });
    }
}
