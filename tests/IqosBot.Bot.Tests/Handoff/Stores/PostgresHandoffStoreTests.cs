using IqosBot.Bot.Tests.Storage;

namespace IqosBot.Bot.Tests.Handoff.Stores;

// The handoff store contracts on a real PostgreSQL server (Storage:Provider=Postgres), a database per test.
[Collection(PostgresCollection.Name)]
public sealed class PostgresCaseStoreTests(PostgresServer server) : CaseStoreContract
{
    protected override Task<IHandoffTestDatabase> CreateDatabaseAsync() => PostgresHandoffTestDatabase.CreateAsync(server);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresCallbackStoreTests(PostgresServer server) : CallbackStoreContract
{
    protected override Task<IHandoffTestDatabase> CreateDatabaseAsync() => PostgresHandoffTestDatabase.CreateAsync(server);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresTranscriptStoreTests(PostgresServer server) : TranscriptStoreContract
{
    protected override Task<IHandoffTestDatabase> CreateDatabaseAsync() => PostgresHandoffTestDatabase.CreateAsync(server);
}
