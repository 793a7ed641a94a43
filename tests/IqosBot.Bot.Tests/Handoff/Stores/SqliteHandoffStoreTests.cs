namespace IqosBot.Bot.Tests.Handoff.Stores;

// The handoff store contracts on the SQLite files (Storage:Provider=Sqlite, the default).
public sealed class SqliteCaseStoreTests : CaseStoreContract
{
    protected override Task<IHandoffTestDatabase> CreateDatabaseAsync() => Task.FromResult<IHandoffTestDatabase>(new SqliteHandoffTestDatabase());
}

public sealed class SqliteCallbackStoreTests : CallbackStoreContract
{
    protected override Task<IHandoffTestDatabase> CreateDatabaseAsync() => Task.FromResult<IHandoffTestDatabase>(new SqliteHandoffTestDatabase());
}

public sealed class SqliteTranscriptStoreTests : TranscriptStoreContract
{
    protected override Task<IHandoffTestDatabase> CreateDatabaseAsync() => Task.FromResult<IHandoffTestDatabase>(new SqliteHandoffTestDatabase());
}
