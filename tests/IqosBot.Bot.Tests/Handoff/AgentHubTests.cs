using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>The console's live channel: only signed-in agents connect, and the owner hears the customer's messages, masked.</summary>
public sealed class AgentHubTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public AgentHubTests()
    {
        _host = Agents.Host(_database.Path);
    }

    [Fact]
    public async Task A_stranger_cannot_connect_to_the_hub()
    {
        _host.CreateClient();
        await using var connection = Connect(new CookieContainer());

        var exception = await Assert.ThrowsAnyAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
    }

    [Fact]
    public async Task The_owner_hears_of_new_cases_and_gets_the_customers_messages_masked()
    {
        var cookies = new CookieContainer();
        var anna = await AgentBrowser.SignedInAsync(_host, Agents.Anna, cookies);
        var events = Channel.CreateUnbounded<(string Name, string Payload)>();
        await using var connection = Connect(cookies);
        connection.On("queueChanged", () => events.Writer.TryWrite(("queueChanged", "")));
        connection.On<string, JsonElement>("caseMessage", (caseId, entry) => events.Writer.TryWrite(("caseMessage", caseId + " " + entry.GetRawText())));
        connection.On<string, string>("caseChanged", (caseId, status) => events.Writer.TryWrite(("caseChanged", caseId + " " + status)));
        await connection.StartAsync();

        var customer = await Customer.StartAsync(_host);
        await customer.QueueAsync();
        await NextAsync(events, "queueChanged", _ => true);

        var caseId = Assert.Single(await anna.WaitingAsync()).Value<string>("id")!;
        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync($"/agent/api/cases/{caseId}/accept")).Status);
        await customer.SayAsync("Serienummer ILU2M3N4P5Q6, mejl anna.svensson@example.com");

        var message = await NextAsync(events, "caseMessage", payload => payload.StartsWith(caseId, StringComparison.Ordinal));
        Assert.Contains("\"sender\":\"customer\"", message);
        Assert.Contains("P5Q6", message);
        Assert.DoesNotContain("ILU2M3N4P5Q6", message);
        Assert.DoesNotContain("anna.svensson@example.com", message);

        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync($"/agent/api/cases/{caseId}/close", new { note = "Klart." })).Status);
        Assert.Equal(caseId + " closed", await NextAsync(events, "caseChanged", payload => payload.StartsWith(caseId, StringComparison.Ordinal)));
    }

    private HubConnection Connect(CookieContainer cookies) => new HubConnectionBuilder()
        .WithUrl(new Uri(_host.Server.BaseAddress, "/agent/hub"), options =>
        {
            options.Transports = HttpTransportType.LongPolling;
            options.HttpMessageHandlerFactory = _ => new CookieContainerHandler(cookies) { InnerHandler = _host.Server.CreateHandler() };
        })
        .Build();

    /// <summary>The next event of that name whose payload matches, within 15 s.</summary>
    private static async Task<string> NextAsync(Channel<(string Name, string Payload)> events, string name, Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            while (true)
            {
                var (eventName, payload) = await events.Reader.ReadAsync(timeout.Token);
                if (eventName == name && match(payload))
                {
                    return payload;
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No {name} event from the hub within 15 s.");
            throw;
        }
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
