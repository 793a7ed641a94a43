using IqosBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>
/// Two bot instances on one PostgreSQL state: a customer's turns alternate between them (no sticky sessions)
/// and the registration journey still goes step by step to one registered device.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoInstancesOnPostgresTests : IAsyncLifetime
{
    private readonly PostgresServer _server;
    private readonly TempDatabase _files = new();
    private readonly string _database = "bot_" + Guid.NewGuid().ToString("N");
    private BotHost _a = null!;
    private BotHost _b = null!;

    public TwoInstancesOnPostgresTests(PostgresServer server)
    {
        _server = server;
    }

    public async Task InitializeAsync()
    {
        await (await _server.CreateDatabaseAsync(_database)).DisposeAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = new Npgsql.NpgsqlConnectionStringBuilder(_server.AdminConnectionString) { Database = _database }.ConnectionString,
        };
        _a = new BotHost(_files.Path, settings);
        _b = new BotHost(_files.Path, settings);
    }

    [Fact]
    public async Task A_registration_whose_turns_alternate_between_instances_completes_once()
    {
        var conversation = "pg-" + Guid.NewGuid().ToString("N");
        var onA = new EmulatorClient(_a.CreateClient(), conversation, locale: "sv-SE", channelId: "webchat");
        var onB = new EmulatorClient(_b.CreateClient(), conversation, locale: "sv-SE", channelId: "webchat");

        Assert.Contains("Vilket serienummer har din IQOS?", (await onA.SendTextAsync("jag vill registrera min enhet")).Texts.Last(), StringComparison.Ordinal);
        Assert.StartsWith("När köpte du den?", (await onB.SendTextAsync("ILP1A2B3C4D5")).Texts.Single(), StringComparison.Ordinal);
        Assert.StartsWith("Vilken e-postadress", (await onA.SendTextAsync("igår")).Texts.Single(), StringComparison.Ordinal);
        Assert.Equal("Är du 18 år eller äldre?", (await onB.SendTextAsync("tva.instanser@example.com")).Texts.Single());
        Assert.StartsWith("Vill du få nyheter", (await onA.SendTextAsync("ja")).Texts.Single(), StringComparison.Ordinal);
        Assert.Single((await onB.SendTextAsync("nej")).AdaptiveCards);

        var receipt = await onA.SendAsync(onA.NewActivity("message", new JObject { ["value"] = new JObject { ["action"] = "confirm" } }));
        Assert.Contains("Klart! Din IQOS är registrerad", receipt.Body, StringComparison.Ordinal);

        // The other instance sees the journey finished: a new message starts from the top, not mid-registration.
        var after = await onB.SendTextAsync("hej");
        Assert.DoesNotContain(after.Texts, text => text.Contains("e-postadress", StringComparison.Ordinal) || text.Contains("serienummer", StringComparison.Ordinal));

        // And the conversation's state is in PostgreSQL, where both instances read it.
        await using var state = await _server.CreateDataSourceAsync(_database);
        await using var count = state.CreateCommand("SELECT COUNT(*) FROM bot_state WHERE key = @key");
        count.Parameters.AddWithValue("key", "webchat/conversations/" + conversation);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_message_redelivered_to_the_other_instance_at_the_same_moment_is_answered_once()
    {
        var conversation = "pg-" + Guid.NewGuid().ToString("N");
        var onA = new EmulatorClient(_a.CreateClient(), conversation, locale: "sv-SE", channelId: "webchat");
        var onB = new EmulatorClient(_b.CreateClient(), conversation, locale: "sv-SE", channelId: "webchat");
        await onA.SendTextAsync("jag vill registrera min enhet");
        var serial = onA.NewActivity("message", new JObject { ["text"] = "ILP1A2B3C4D5" });

        // The channel gave up waiting on A and sent the same activity (same id) to B while A was still on it.
        var both = await Task.WhenAll(onA.SendAsync(serial), onB.SendAsync(serial));

        Assert.Single(both.SelectMany(reply => reply.Texts), text => text.StartsWith("När köpte du den?", StringComparison.Ordinal));
        Assert.Single(both, reply => reply.Texts.Count == 0);

        // One step forward, not two: the next answer is the purchase date's, on either instance.
        Assert.Contains((await onB.SendTextAsync("igår")).Texts, text => text.StartsWith("Vilken e-postadress", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        _a.Dispose();
        _b.Dispose();
        await _server.DropDatabaseAsync(_database);
        _files.Dispose();
    }
}
