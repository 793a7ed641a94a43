using System.Net;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.Bot.Tests.Storage;
using IqosBot.Handoff.Sqlite;
using Microsoft.Data.Sqlite;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>
/// Two bot instances on one PostgreSQL database (Storage:Provider=Postgres): a customer asks for a person on
/// one, the case is in the queue on the other's agent console, and of two agents accepting it at once on the two
/// instances exactly one gets it. Nothing of the handoff goes to a SQLite file. Redis is shared too, as it must be
/// with several instances: whichever agent wins, the instance the customer writes to knows they are online.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoInstancesHandoffOnPostgresTests : IAsyncLifetime
{
    private readonly PostgresServer _server;
    private readonly RedisServer _redis;
    // A folder per instance, as two machines have: whatever is shared must be shared through PostgreSQL.
    private readonly TempDatabase _filesOfA = new();
    private readonly TempDatabase _filesOfB = new();
    private readonly string _database = "handoff_e2e_" + Guid.NewGuid().ToString("N");
    private BotHost _a = null!;
    private BotHost _b = null!;

    public TwoInstancesHandoffOnPostgresTests(PostgresServer server, RedisServer redis)
    {
        _server = server;
        _redis = redis;
    }

    public async Task InitializeAsync()
    {
        await (await _server.CreateDatabaseAsync(_database)).DisposeAsync();
        var settings = Agents.Settings(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = new Npgsql.NpgsqlConnectionStringBuilder(_server.AdminConnectionString) { Database = _database }.ConnectionString,
            ["ConnectionStrings:Redis"] = _redis.ConnectionString,
        });

        // Wednesday 10.00 in Stockholm on both: customer care is open.
        _a = new BotHost(_filesOfA.Path, settings, ShiftedClock.At(ShiftedClock.Open));
        _b = new BotHost(_filesOfB.Path, settings, ShiftedClock.At(ShiftedClock.Open));
    }

    [Fact]
    public async Task A_customer_queued_on_one_instance_is_accepted_on_the_other_exactly_once()
    {
        var customer = new EmulatorClient(_a.CreateClient(), "pg-handoff-" + Guid.NewGuid().ToString("N"), locale: "sv-SE", channelId: "webchat");
        Assert.Contains((await customer.SendTextAsync("jag vill prata med en människa")).Texts, text => text.Contains("Vill du skriva en rad", StringComparison.Ordinal));
        var queued = (await customer.SendTextAsync("Hoppa över")).Texts;
        Assert.Contains(queued, text => text.Contains("Du står nu i kö", StringComparison.Ordinal) && text.Contains("Du är nummer 1", StringComparison.Ordinal));

        // Instance B's console shows the case instance A queued.
        var annaOnB = await AgentBrowser.SignedInAsync(_b, Agents.Anna);
        var bertilOnA = await AgentBrowser.SignedInAsync(_a, Agents.Bertil);
        var waiting = Assert.Single(await annaOnB.WaitingAsync());
        var caseId = waiting.Value<string>("id")!;
        Assert.Equal(("HumanAgent", 1), (waiting.Value<string>("intent"), waiting.Value<int>("position")));
        Assert.Equal(caseId, Assert.Single(await bertilOnA.WaitingAsync()).Value<string>("id"));

        // Both accept at once, each on their own instance: one gets the chat, the other is too late.
        var accepts = await Task.WhenAll(
            Task.Run(() => annaOnB.PostAsync($"/agent/api/cases/{caseId}/accept")),
            Task.Run(() => bertilOnA.PostAsync($"/agent/api/cases/{caseId}/accept")));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], accepts.Select(accept => accept.Status).Order());
        var (winner, loser, winnerName) = accepts[0].Status == HttpStatusCode.OK ? (annaOnB, bertilOnA, Agents.Anna) : (bertilOnA, annaOnB, Agents.Bertil);

        Assert.Empty(await annaOnB.WaitingAsync());
        Assert.Empty(await bertilOnA.WaitingAsync());
        Assert.Equal(caseId, Assert.Single((Newtonsoft.Json.Linq.JArray)(await winner.GetJsonAsync("/agent/api/queue"))["mine"]!).Value<string>("id"));
        Assert.Equal(HttpStatusCode.Conflict, (await loser.PostAsync($"/agent/api/cases/{caseId}/accept")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await loser.GetAsync($"/agent/api/cases/{caseId}")).Status);

        // The customer, still on instance A, writes: the bot stays quiet, and the agent reads it in the shared transcript.
        Assert.Empty((await customer.SendTextAsync("Hej, min laddare blinkar rött")).Texts);
        var detail = await winner.WaitForCustomerLineAsync(caseId, "min laddare blinkar rött");
        Assert.Equal(("active", winnerName), (detail.Value<string>("status"), detail.Value<string>("owner")));
        Assert.Contains(detail["transcript"]!, line => line.Value<string>("text") == "jag vill prata med en människa");

        // The case and the transcript are PostgreSQL's: no SQLite handoff table or transcript file was made.
        await using (var postgres = await _server.CreateDataSourceAsync(_database))
        await using (var stored = postgres.CreateCommand("SELECT status || ' ' || owner FROM handoff_cases WHERE id = @id"))
        {
            stored.Parameters.AddWithValue("id", caseId);
            Assert.Equal("active " + winnerName, await stored.ExecuteScalarAsync());
        }

        foreach (var files in new[] { _filesOfA, _filesOfB })
        {
            Assert.False(File.Exists(TranscriptDatabase.PathBeside(files.Path)));
            Assert.False(await SqliteHasTableAsync(files.Path, "handoff_cases"));
        }
    }

    /// <summary>The state file may exist for what is still per instance (Direct Line); it must not hold the handoff.</summary>
    private static async Task<bool> SqliteHasTableAsync(string path, string table)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    public async Task DisposeAsync()
    {
        _a.Dispose();
        _b.Dispose();
        await _server.DropDatabaseAsync(_database);
        _filesOfA.Dispose();
        _filesOfB.Dispose();
    }
}
