using IqosBot.Storage;
using IqosBot.Storage.Postgres;
using Npgsql;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>
/// The state-store contract on a real PostgreSQL server, a database of its own per test, migrated as the bot migrates it,
/// through the pool the bot gives its stores (statements prepared, connections reused without a reset).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStorageTests : StateStoreContract, IAsyncLifetime
{
    private readonly PostgresServer _server;
    private readonly string _database = "state_" + Guid.NewGuid().ToString("N");
    private NpgsqlDataSource _dataSource = null!;

    public PostgresStorageTests(PostgresServer server)
    {
        _server = server;
    }

    public async Task InitializeAsync()
    {
        await (await _server.CreateDatabaseAsync(_database)).DisposeAsync();
        _dataSource = PostgresDataSources.ForStores(_server.ConnectionStringFor(_database));
        Assert.Equal(PostgresMigrations.Steps.Count, await PostgresMigrations.ApplyAsync(_dataSource, CancellationToken.None));
    }

    protected override IStateStore Open() => new PostgresStorage(_dataSource);

    protected override async Task TamperAsync(string key, string json)
    {
        await using var insert = _dataSource.CreateCommand("INSERT INTO bot_state (key, etag, value, updated_at) VALUES (@key, 'e', @json, now())");
        insert.Parameters.AddWithValue("key", key);
        insert.Parameters.AddWithValue("json", json);
        await insert.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Migrations_run_once_however_often_instances_start()
    {
        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostgresMigrations.ApplyAsync(_dataSource, CancellationToken.None)));

        Assert.All(again, ran => Assert.Equal(0, ran));
        Assert.True(await PostgresMigrations.UpToDateAsync(_dataSource, CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _server.DropDatabaseAsync(_database);
    }
}
