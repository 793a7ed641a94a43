using IqosBot.Storage;
using IqosBot.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace IqosBot.Tools;

/// <summary>
/// migrate: brings the PostgreSQL schema of the bot's configuration (Storage:Provider=Postgres,
/// ConnectionStrings:Postgres) up to date, for operators who apply schema changes before rolling out new
/// instances rather than letting the first instance do it at start-up. Safe beside running instances.
/// </summary>
internal static class MigrateCommand
{
    public static Task<int> RunAsync(string repositoryRoot, TextWriter output, TextWriter errors)
        => RunAsync(BotConfiguration.Load(Path.Combine(repositoryRoot, "Bot")), output, errors);

    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (!StorageProviders.IsPostgres(configuration) || configuration.GetConnectionString("Postgres") is not { Length: > 0 } connectionString)
        {
            await errors.WriteLineAsync("migrate: the configuration is not on PostgreSQL (set Storage__Provider=Postgres and ConnectionStrings__Postgres). SQLite files are brought up to date by the bot itself.").ConfigureAwait(false);
            return 2;
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var ran = await PostgresMigrations.ApplyAsync(dataSource, CancellationToken.None).ConfigureAwait(false);
        await output.WriteLineAsync(ran == 0
            ? $"The schema is up to date (version {PostgresMigrations.Steps.Max(step => step.Version)})."
            : $"Applied {ran} migration(s); the schema is at version {PostgresMigrations.Steps.Max(step => step.Version)}.").ConfigureAwait(false);
        return 0;
    }
}
