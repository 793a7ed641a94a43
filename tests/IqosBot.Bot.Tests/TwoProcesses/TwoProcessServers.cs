using IqosBot.Bot.Tests.Storage;

namespace IqosBot.Bot.Tests.TwoProcesses;

[CollectionDefinition(Name)]
public sealed class TwoProcessCollection : ICollectionFixture<TwoProcessServers>
{
    /// <summary>One test at a time: each runs a whole deployment (three .NET processes and nginx) on the machine.</summary>
    public const string Name = "Two bot processes";
}

/// <summary>
/// What the deployments of these tests run on: a throwaway PostgreSQL cluster and a redis-server (the same
/// fixtures as the storage tests), and one deployment shared by the tests that leave its processes running.
/// </summary>
public sealed class TwoProcessServers : IAsyncLifetime
{
    private readonly SemaphoreSlim _sharedGate = new(1, 1);
    private TwoBotCluster? _shared;

    /// <summary>Room for two instances' connection pools (Npgsql's default 100 each) and the tests' own connections.</summary>
    public PostgresServer Postgres { get; } = new() { MaxConnections = 300 };

    public RedisServer Redis { get; } = new();

    public async Task InitializeAsync()
    {
        await Postgres.InitializeAsync();
        await Redis.InitializeAsync();
    }

    /// <summary>The deployment the cross-instance tests share (started on first use, stopped at the end): starting one takes seconds.</summary>
    public async Task<TwoBotCluster> SharedClusterAsync()
    {
        await _sharedGate.WaitAsync();
        try
        {
            return _shared ??= await TwoBotCluster.StartAsync(Postgres, Redis);
        }
        finally
        {
            _sharedGate.Release();
        }
    }

    /// <summary>A deployment of its own, for a test that kills its processes; the caller disposes it.</summary>
    public Task<TwoBotCluster> StartClusterAsync() => TwoBotCluster.StartAsync(Postgres, Redis);

    public async Task DisposeAsync()
    {
        if (_shared is not null)
        {
            await _shared.DisposeAsync();
        }

        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
        _sharedGate.Dispose();
    }
}
