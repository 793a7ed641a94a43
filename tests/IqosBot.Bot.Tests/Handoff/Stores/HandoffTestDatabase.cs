using IqosBot.Bot.Tests.Hosting;
using IqosBot.Bot.Tests.Storage;
using IqosBot.Handoff;
using IqosBot.Handoff.Postgres;
using IqosBot.Handoff.Sqlite;
using IqosBot.Storage.Postgres;
using Npgsql;

namespace IqosBot.Bot.Tests.Handoff.Stores;

/// <summary>
/// One provider's handoff stores on a database of one test's own. Each call opens a new store: a second call
/// stands for a second bot instance on the same database, with nothing shared in process memory but what the
/// provider itself shares.
/// </summary>
public interface IHandoffTestDatabase : IAsyncDisposable
{
    ICaseStore Cases();

    ICallbackStore Callbacks();

    IHandoffTranscriptStore Transcripts();
}

/// <summary>The SQLite files the bot uses: cases and tickets in the state file, transcripts beside it.</summary>
public sealed class SqliteHandoffTestDatabase : IHandoffTestDatabase
{
    private readonly TempDatabase _files = new();

    public ICaseStore Cases() => new SqliteCaseStore(new HandoffDatabase(_files.Path));

    public ICallbackStore Callbacks() => new SqliteCallbackStore(new HandoffDatabase(_files.Path));

    public IHandoffTranscriptStore Transcripts() => new SqliteTranscriptStore(new TranscriptDatabase(_files.Path), new HandoffDatabase(_files.Path));

    public ValueTask DisposeAsync()
    {
        _files.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A fresh database on the test PostgreSQL server, migrated as the bot migrates it; each store on a data source (a pool) of its own.</summary>
public sealed class PostgresHandoffTestDatabase : IHandoffTestDatabase
{
    private readonly PostgresServer _server;
    private readonly string _name;
    private readonly List<NpgsqlDataSource> _dataSources = [];

    private PostgresHandoffTestDatabase(PostgresServer server, string name)
    {
        _server = server;
        _name = name;
    }

    public static async Task<IHandoffTestDatabase> CreateAsync(PostgresServer server)
    {
        var database = new PostgresHandoffTestDatabase(server, "handoff_" + Guid.NewGuid().ToString("N"));
        var first = await server.CreateDatabaseAsync(database._name);
        database._dataSources.Add(first);
        await PostgresMigrations.ApplyAsync(first, CancellationToken.None);
        return database;
    }

    public ICaseStore Cases() => new PostgresCaseStore(NewInstance());

    public ICallbackStore Callbacks() => new PostgresCallbackStore(NewInstance());

    public IHandoffTranscriptStore Transcripts() => new PostgresTranscriptStore(NewInstance());

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }

        await _server.DropDatabaseAsync(_name);
    }

    private NpgsqlDataSource NewInstance()
    {
        var dataSource = _server.CreateDataSourceAsync(_name).GetAwaiter().GetResult();
        _dataSources.Add(dataSource);
        return dataSource;
    }
}

/// <summary>Each test gets its database before it runs and loses it after.</summary>
public abstract class HandoffStoreContract : IAsyncLifetime
{
    /// <summary>Whole seconds, as both providers store them exactly (PostgreSQL keeps microseconds, SQLite ticks).</summary>
    protected static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    protected IHandoffTestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await CreateDatabaseAsync();

    public async Task DisposeAsync() => await Database.DisposeAsync();

    protected abstract Task<IHandoffTestDatabase> CreateDatabaseAsync();

    /// <summary>Runs <paramref name="count"/> calls at once on the thread pool, alternating between two instances' stores.</summary>
    protected static Task<T[]> RaceAsync<TStore, T>(TStore first, TStore second, int count, Func<TStore, int, Task<T>> call)
        => Task.WhenAll(Enumerable.Range(0, count).Select(index => Task.Run(() => call(index % 2 == 0 ? first : second, index))));

    protected static HandoffCase Case(
        string id,
        string status = CaseStatus.Waiting,
        string mode = CaseModes.Console,
        DateTimeOffset? queuedAt = null,
        string? conversation = null,
        string? owner = null,
        DateTimeOffset? acceptedAt = null,
        DateTimeOffset? closedAt = null) => new()
        {
            Id = id,
            ConversationKey = conversation ?? "webchat/" + id,
            ChannelId = "webchat",
            Reference = "{}",
            Adapter = CustomerAdapters.BotConnector,
            Mode = mode,
            Language = "sv",
            Status = status,
            Owner = owner,
            OwnerName = owner,
            CreatedAt = queuedAt ?? T0,
            QueuedAt = queuedAt ?? T0,
            AcceptedAt = acceptedAt,
            ClosedAt = closedAt,
        };
}
