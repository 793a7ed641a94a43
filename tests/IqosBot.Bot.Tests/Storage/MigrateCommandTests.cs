using System.Diagnostics;
using IqosBot.Storage.Postgres;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>
/// `dotnet run --project tools/IqosBot.Tools -- migrate`: an operator brings the PostgreSQL schema up to date
/// before rolling out instances, on the bot's own configuration (here from environment variables).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MigrateCommandTests(PostgresServer server)
{
    [Fact]
    public async Task Migrate_applies_every_step_once_and_then_says_the_schema_is_up_to_date()
    {
        var database = "migrate_" + Guid.NewGuid().ToString("N");
        await using var dataSource = await server.CreateDatabaseAsync(database);
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = new Npgsql.NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = database }.ConnectionString,
        };
        try
        {
            var first = await RunToolAsync(environment, "migrate");
            Assert.True(first.ExitCode == 0, first.Output);
            Assert.Contains($"Applied {PostgresMigrations.Steps.Count} migration(s)", first.Output, StringComparison.Ordinal);
            Assert.True(await PostgresMigrations.UpToDateAsync(dataSource, CancellationToken.None));

            var again = await RunToolAsync(environment, "migrate");
            Assert.True(again.ExitCode == 0, again.Output);
            Assert.Contains("The schema is up to date", again.Output, StringComparison.Ordinal);
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Migrate_on_the_default_sqlite_configuration_explains_and_changes_nothing()
    {
        var result = await RunToolAsync(new Dictionary<string, string> { ["Storage__Provider"] = "Sqlite" }, "migrate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not on PostgreSQL", result.Output, StringComparison.Ordinal);
    }

    /// <summary>Runs the built tools program (built with the solution, in this test build's configuration).</summary>
    private static async Task<(int ExitCode, string Output)> RunToolAsync(IDictionary<string, string> environment, params string[] arguments)
    {
        var root = RepositoryRoot();
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // …/bin/Debug/net10.0
        var tool = Path.Combine(root, "tools", "IqosBot.Tools", "bin", configuration, "net10.0", "IqosBot.Tools.dll");
        Assert.True(File.Exists(tool), $"{tool} is not built (dotnet build IqosBot.sln).");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await errors);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IqosBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("IqosBot.sln not found above " + AppContext.BaseDirectory);
    }
}
