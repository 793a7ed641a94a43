using IqosBot.Storage.Postgres;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IqosBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Where bot state lives (Storage:Provider): "Sqlite", the default, a file at Storage:Path; or "Postgres",
    /// ConnectionStrings:Postgres, shared by several instances, its schema migrated at start-up.
    /// </summary>
    public static IServiceCollection AddBotState(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);

        // One per instance, shared by the store and by erasure (which deletes rows behind the store's back).
        services.TryAddSingleton(provider => new StateHandOver(provider.GetRequiredService<TimeProvider>()));
        var provider = configuration["Storage:Provider"] ?? StorageProviders.Sqlite;
        if (StorageProviders.IsPostgres(configuration))
        {
            var connectionString = configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            }

            // Two pools (PostgresDataSources says why): the stores', and the one whose connections hold session locks.
            services.AddSingleton(_ => PostgresDataSources.ForStores(connectionString));
            services.AddKeyedSingleton(PostgresDataSources.LocksKey, (_, _) => PostgresDataSources.ForLocks(connectionString));
            services.AddHostedService(provider => new PostgresMigrator(provider.GetRequiredKeyedService<NpgsqlDataSource>(PostgresDataSources.LocksKey)));

            // Turns of one conversation on different instances take turns through the same database.
            services.AddSingleton<Medallion.Threading.IDistributedLockProvider>(provider => new Medallion.Threading.Postgres.PostgresDistributedSynchronizationProvider(provider.GetRequiredKeyedService<NpgsqlDataSource>(PostgresDataSources.LocksKey)));
            services.AddSingleton(provider => new PostgresStorage(provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<StateHandOver>()));
            services.AddSingleton<IStateStore>(provider => provider.GetRequiredService<PostgresStorage>());

            // The server answers at all (the served check); "state" below adds that the schema is migrated and state reads.
            services.AddHealthChecks().AddNpgSql(
                provider => provider.GetRequiredService<NpgsqlDataSource>(),
                name: "postgres",
                tags: [Endpoints.HealthEndpoint.ReadyTag],
                timeout: TimeSpan.FromSeconds(5));
        }
        else if (string.Equals(provider, StorageProviders.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton(provider => new SqliteStorage(provider.GetRequiredService<IOptions<SqliteStorageOptions>>().Value, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<StateHandOver>()));
            services.AddSingleton<IStateStore>(provider => provider.GetRequiredService<SqliteStorage>());
        }
        else
        {
            throw new InvalidOperationException($"Storage:Provider '{provider}' is not known; use Sqlite or Postgres.");
        }

        services.AddSingleton<IStorage>(provider => provider.GetRequiredService<IStateStore>());
        services.AddHealthChecks().AddCheck<StateStoreHealthCheck>("state", tags: [Endpoints.HealthEndpoint.ReadyTag]);
        return services;
    }

    /// <summary>Brings the PostgreSQL schema up to date before the bot takes its first turn (under a session lock: on the locks' pool).</summary>
    private sealed class PostgresMigrator(NpgsqlDataSource dataSource) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => PostgresMigrations.ApplyAsync(dataSource, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
