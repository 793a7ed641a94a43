using IqosBot.Bot.Tests.Hosting;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.TwoProcesses;

/// <summary>
/// A registration whose turns land on two bot processes in turn (over /api/messages, as the Emulator or Azure's
/// channels post them): directly alternating, and through nginx's round robin. Either way the journey goes step
/// by step to one registration at the benefits API.
/// </summary>
[Collection(TwoProcessCollection.Name)]
public sealed class RegistrationAcrossProcessesTests(TwoProcessServers servers)
{
    [Fact]
    public async Task A_registration_whose_turns_alternate_between_two_processes_completes_with_one_registration()
    {
        var cluster = await servers.SharedClusterAsync();
        await cluster.ExplainFailuresAsync(async () =>
        {
            using var httpA = TwoBotCluster.Client(cluster.A.BaseAddress);
            using var httpB = TwoBotCluster.Client(cluster.B.BaseAddress);
            var conversation = "two-processes-" + Guid.NewGuid().ToString("N");
            var onA = new EmulatorClient(httpA, conversation, locale: "sv-SE", channelId: "webchat");
            var onB = new EmulatorClient(httpB, conversation, locale: "sv-SE", channelId: "webchat");

            await RegisterAsync([onA, onB], "ILP1A2B3C4D5", "tva.processer@example.com");

            Assert.Equal(1L, await RegistrationsAsync(cluster, "ILP1A2B3C4D5", "tva.processer@example.com"));
        });
    }

    [Fact]
    public async Task Through_the_proxy_a_registration_is_served_by_both_instances_and_completes_with_one_registration()
    {
        var cluster = await servers.SharedClusterAsync();
        await cluster.ExplainFailuresAsync(async () =>
        {
            var upstreams = new UpstreamLog();
            using var proxy = TwoBotCluster.Client(cluster.Proxy.BaseAddress, upstreams: upstreams);
            var client = new EmulatorClient(proxy, "through-proxy-" + Guid.NewGuid().ToString("N"), locale: "sv-SE", channelId: "webchat");

            await RegisterAsync([client], "ILO7G6H5J4K3", "via.proxyn@example.com");

            Assert.Equal(1L, await RegistrationsAsync(cluster, "ILO7G6H5J4K3", "via.proxyn@example.com"));
            // Round robin with no affinity: the customer's turns went to both instances.
            Assert.True(upstreams.AnsweredBy(cluster.A) >= 3 && upstreams.AnsweredBy(cluster.B) >= 3, "Answered by: " + string.Join(" ", upstreams.Upstreams));
        });
    }

    /// <summary>The whole registration journey, each turn sent by the next client in turn.</summary>
    private static async Task RegisterAsync(EmulatorClient[] clients, string serial, string email)
    {
        var turn = 0;
        EmulatorClient Next() => clients[turn++ % clients.Length];

        Assert.Contains("Vilket serienummer har din IQOS?", (await Next().SendTextAsync("jag vill registrera min enhet")).Texts.Last(), StringComparison.Ordinal);
        Assert.StartsWith("När köpte du den?", (await Next().SendTextAsync(serial)).Texts.Single(), StringComparison.Ordinal);
        Assert.StartsWith("Vilken e-postadress", (await Next().SendTextAsync("igår")).Texts.Single(), StringComparison.Ordinal);
        Assert.Equal("Är du 18 år eller äldre?", (await Next().SendTextAsync(email)).Texts.Single());
        Assert.StartsWith("Vill du få nyheter", (await Next().SendTextAsync("ja")).Texts.Single(), StringComparison.Ordinal);
        Assert.Single((await Next().SendTextAsync("nej")).AdaptiveCards);

        var confirming = Next();
        var receipt = await confirming.SendAsync(confirming.NewActivity("message", new JObject { ["value"] = new JObject { ["action"] = "confirm" } }));
        Assert.Contains("Klart! Din IQOS är registrerad", receipt.Body, StringComparison.Ordinal);

        // Whichever instance takes the next message knows the journey is over: it starts from the top.
        var after = await Next().SendTextAsync("hej");
        Assert.DoesNotContain(after.Texts, text => text.Contains("e-postadress", StringComparison.Ordinal) || text.Contains("serienummer", StringComparison.Ordinal));
    }

    /// <summary>How many registrations of the serial the benefits API holds, and that they are to this e-mail.</summary>
    private static async Task<long> RegistrationsAsync(TwoBotCluster cluster, string serial, string email)
    {
        await using var sandbox = new SqliteConnection($"Data Source={cluster.SandboxDatabasePath};Mode=ReadOnly;Pooling=False");
        await sandbox.OpenAsync();
        await using var command = sandbox.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*), COALESCE(MIN(accounts.email), '') FROM registrations
            JOIN accounts ON accounts.id = registrations.account_id
            WHERE registrations.serial = $serial
            """;
        command.Parameters.AddWithValue("$serial", serial);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(email, reader.GetString(1));
        return reader.GetInt64(0);
    }
}
