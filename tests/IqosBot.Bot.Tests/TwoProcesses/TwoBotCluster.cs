using IqosBot.Testing;
using IqosBot.Bot.Tests.Storage;
using Npgsql;
using Xunit.Sdk;

namespace IqosBot.Bot.Tests.TwoProcesses;

/// <summary>
/// A deployment of two bot instances in separate processes (A and B, real Kestrel, two ports) on one PostgreSQL
/// database and one Redis, one benefits API sandbox process for both, and nginx in front of them.
/// </summary>
public sealed class TwoBotCluster : IAsyncDisposable
{
    private readonly PostgresServer _postgres;
    private readonly string _folder;

    private TwoBotCluster(PostgresServer postgres, string database, string folder, ServerProcess sandbox, ServerProcess a, ServerProcess b)
    {
        _postgres = postgres;
        Database = database;
        _folder = folder;
        Sandbox = sandbox;
        A = a;
        B = b;
    }

    public string Database { get; }

    public ServerProcess Sandbox { get; }

    public ServerProcess A { get; }

    public ServerProcess B { get; }

    public NginxProxy Proxy { get; private set; } = null!;

    /// <summary>The sandbox's SQLite file, where the registrations the benefits API took are.</summary>
    public string SandboxDatabasePath => BotProcesses.SandboxDatabase(Path.Combine(_folder, "sandbox"));

    public static async Task<TwoBotCluster> StartAsync(PostgresServer postgres, RedisServer redis)
    {
        var database = "scaleout_" + Guid.NewGuid().ToString("N");
        await (await postgres.CreateDatabaseAsync(database)).DisposeAsync();
        var folder = Path.Combine(Path.GetTempPath(), "iqosbot-scaleout", Guid.NewGuid().ToString("N"));
        foreach (var name in new[] { "sandbox", "a", "b" })
        {
            Directory.CreateDirectory(Path.Combine(folder, name));
        }

        var sandboxPort = LoopbackPort.Free();
        var shared = new SharedServices(
            new NpgsqlConnectionStringBuilder(postgres.AdminConnectionString) { Database = database, Pooling = true }.ConnectionString,
            redis.ConnectionString,
            BotProcesses.SandboxApi(sandboxPort));
        var cluster = new TwoBotCluster(
            postgres,
            database,
            folder,
            BotProcesses.Sandbox(sandboxPort, Path.Combine(folder, "sandbox")),
            BotProcesses.Bot("A", LoopbackPort.Free(), Path.Combine(folder, "a"), shared),
            BotProcesses.Bot("B", LoopbackPort.Free(), Path.Combine(folder, "b"), shared));
        try
        {
            await cluster.Sandbox.StartAsync();
            await Task.WhenAll(cluster.A.StartAsync(), cluster.B.StartAsync());
            cluster.Proxy = await NginxProxy.StartAsync(cluster.A.BaseAddress, cluster.B.BaseAddress);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>
    /// A client of one instance (or the proxy), as a browser or Web Chat would be: cookies only when given a jar;
    /// with <paramref name="upstreams"/>, which instance answered each request is noted.
    /// </summary>
    public static HttpClient Client(Uri baseAddress, System.Net.CookieContainer? cookies = null, UpstreamLog? upstreams = null)
    {
        HttpMessageHandler handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new System.Net.CookieContainer(),
        };
        if (upstreams is not null)
        {
            upstreams.InnerHandler = handler;
            handler = upstreams;
        }

        return new HttpClient(handler)
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public Task<NpgsqlDataSource> DataSourceAsync() => _postgres.CreateDataSourceAsync(Database);

    /// <summary>Runs a test's body; when it fails, the failure carries the last output of every process of the deployment.</summary>
    public async Task ExplainFailuresAsync(Func<Task> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        try
        {
            await test();
        }
        catch (Exception exception)
        {
            throw new XunitException(exception.Message + Environment.NewLine + Explain(), exception);
        }
    }

    /// <summary>The last lines each process wrote.</summary>
    public string Explain() => string.Join(
        Environment.NewLine,
        A.OutputTail(),
        B.OutputTail(),
        Sandbox.OutputTail(),
        Proxy?.OutputTail() ?? string.Empty);

    public async ValueTask DisposeAsync()
    {
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        await A.DisposeAsync();
        await B.DisposeAsync();
        await Sandbox.DisposeAsync();
        await _postgres.DropDatabaseAsync(Database);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
