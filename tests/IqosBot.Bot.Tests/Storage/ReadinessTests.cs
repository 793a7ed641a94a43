using System.Net;
using IqosBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>/readyz says whether this instance can take a turn: bot state readable (and migrated); /healthz only that it runs.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReadinessTests(PostgresServer server) : IDisposable
{
    private readonly TempDatabase _files = new();

    [Fact]
    public async Task On_sqlite_the_bot_is_ready()
    {
        using var host = new BotHost(_files.Path);
        var client = host.CreateClient();

        var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", JObject.Parse(await ready.Content.ReadAsStringAsync()).Value<string>("status"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task On_postgres_the_bot_is_ready_until_its_database_goes_and_alive_all_along()
    {
        var database = "ready_" + Guid.NewGuid().ToString("N");
        await (await server.CreateDatabaseAsync(database)).DisposeAsync();
        using var host = new BotHost(_files.Path, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = new Npgsql.NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = database }.ConnectionString,
        });
        var client = host.CreateClient();
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = JObject.Parse(await ready.Content.ReadAsStringAsync())["checks"]!;
        Assert.Equal("Healthy", checks.Value<string>("postgres"));
        Assert.Equal("Healthy", checks.Value<string>("state"));

        await server.DropDatabaseAsync(database);

        var notReady = await client.GetAsync("/readyz");
        var body = await notReady.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal("not ready", JObject.Parse(body).Value<string>("status"));
        Assert.Equal("Unhealthy", JObject.Parse(body)["checks"]!.Value<string>("postgres"));
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    public void Dispose() => _files.Dispose();
}
