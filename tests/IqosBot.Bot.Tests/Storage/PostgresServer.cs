using IqosBot.Testing;
using System.Diagnostics;
using System.Net;
using Npgsql;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>Tests on the shared PostgreSQL server; those that scale out also get a Redis of this collection's own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>, ICollectionFixture<RedisServer>
{
    public const string Name = "PostgreSQL";
}

/// <summary>
/// A real PostgreSQL server for the tests: the one ConnectionStrings__Postgres names, or else a throwaway
/// cluster of the machine's PostgreSQL 15 (initdb into a temporary folder, run as the postgres user when the
/// tests run as root, on a free port, no fsync), stopped and removed at the end of the run.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string Binaries = "/usr/lib/postgresql/15/bin";

    private string? _folder;

    public string AdminConnectionString { get; private set; } = string.Empty;

    /// <summary>The cluster's max_connections (PostgreSQL's default 100); several bot processes with their own pools need more.</summary>
    public int MaxConnections { get; init; } = 100;

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") is { Length: > 0 } given)
        {
            AdminConnectionString = given;
            return;
        }

        _folder = Path.Combine(Path.GetTempPath(), "iqosbot-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        await RunAsync("chown", $"-R postgres {_folder}", asPostgres: false);
        var port = LoopbackPort.Free();
        await RunAsync(Path.Combine(Binaries, "initdb"), $"-D {_folder}/data -A trust -U postgres -E UTF8 --no-sync", asPostgres: true);
        await RunAsync(Path.Combine(Binaries, "pg_ctl"), $"-D {_folder}/data -l {_folder}/server.log -w -o \"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections={MaxConnections} -c fsync=off -c full_page_writes=off\" start", asPostgres: true);
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    public async Task<NpgsqlDataSource> CreateDatabaseAsync(string name)
    {
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return await CreateDataSourceAsync(name);
    }

    /// <summary>A pooled data source on a database of this server.</summary>
    public Task<NpgsqlDataSource> CreateDataSourceAsync(string database)
        => Task.FromResult(NpgsqlDataSource.Create(ConnectionStringFor(database)));

    /// <summary>A pooled connection string to a database of this server, as an operator would write it for the bot.</summary>
    public string ConnectionStringFor(string database)
        => new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = true }.ConnectionString;

    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_folder is null)
        {
            return;
        }

        await RunAsync(Path.Combine(Binaries, "pg_ctl"), $"-D {_folder}/data -m immediate stop", asPostgres: true);
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>PostgreSQL refuses to run as root; as root the server's commands run as the postgres user.</summary>
    private static async Task RunAsync(string program, string arguments, bool asPostgres)
    {
        var root = Environment.UserName == "root";
        var start = asPostgres && root
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {await output} {await errors}");
        }
    }
}
