using IqosBot.Bot.Tests.Storage;
using IqosBot.DirectLine;
using IqosBot.DirectLine.Postgres;
using IqosBot.Storage.Postgres;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Npgsql;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>The Direct Line store contract on a real PostgreSQL server, each "instance" a store of its own on one database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDirectLineStoreTests : DirectLineStoreContract, IAsyncLifetime
{
    private readonly PostgresServer _server;
    private readonly string _database = "dl_" + Guid.NewGuid().ToString("N");
    private NpgsqlDataSource _dataSource = null!;

    public PostgresDirectLineStoreTests(PostgresServer server)
    {
        _server = server;
    }

    public async Task InitializeAsync()
    {
        _dataSource = await _server.CreateDatabaseAsync(_database);
        await PostgresMigrations.ApplyAsync(_dataSource, CancellationToken.None);
    }

    protected override IDirectLineStore Open(int maxActivities = 1000, TimeProvider? time = null)
        => new PostgresDirectLineStore(_dataSource, Options.Create(new DirectLineOptions { MaxActivitiesPerConversation = maxActivities }), time);

    protected override async Task<long> CountActivitiesAsync(IReadOnlyCollection<string> conversationIds)
    {
        await using var count = _dataSource.CreateCommand("SELECT COUNT(*) FROM directline_activities WHERE conversation_id = ANY(@ids)");
        count.Parameters.Add(new NpgsqlParameter<string[]>("ids", [.. conversationIds]));
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task An_instance_whose_clock_is_behind_still_stamps_later_than_the_activity_before()
    {
        var ahead = Open(time: Clock);
        var behind = Open(time: new FakeTimeProvider(Clock.GetUtcNow() - TimeSpan.FromSeconds(5)));
        var id = "dl-" + Guid.NewGuid().ToString("N");
        await ahead.CreateAsync(id, "dl_user1", null, null, CancellationToken.None);

        await AppendTextAsync(ahead, id, "från A");
        await AppendTextAsync(behind, id, "från B");
        await AppendTextAsync(ahead, id, "från A igen");

        var stamps = (await ahead.ReadPageAsync(id, 0, 100, CancellationToken.None))!.Activities
            .Select(row => JObject.Parse(row.Json).Value<DateTime>("timestamp")).ToList();
        Assert.Equal(3, stamps.Count);
        Assert.True(stamps[0] < stamps[1] && stamps[1] < stamps[2], string.Join(", ", stamps.Select(s => s.ToString("O", System.Globalization.CultureInfo.InvariantCulture))));
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _server.DropDatabaseAsync(_database);
    }
}
