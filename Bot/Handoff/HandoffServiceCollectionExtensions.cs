using IqosBot.Dialogs.Handoff;
using IqosBot.Handoff.Postgres;
using IqosBot.Handoff.Sqlite;
using IqosBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using IqosBot.Conversations;
using Npgsql;
using IqosBot.Telemetry;

namespace IqosBot.Handoff;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>
    /// Cases, transcripts and callback tickets in the state database (SQLite or PostgreSQL), the transcript middleware for every
    /// adapter, and the services between customers and agents. The agent side (console or contact
    /// centre) is chosen by Handoff:Mode.
    /// </summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HandoffSettings>()
            .Bind(configuration.GetSection(HandoffSettings.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        AddStores(services, configuration);
        services.AddBotMetrics();
        services.AddSingleton<TranscriptLog>();
        services.AddHostedService(provider => provider.GetRequiredService<TranscriptLog>());
        services.AddSingleton<TranscriptRecorder>();
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware>(provider => provider.GetRequiredService<TranscriptRecorder>());
        services.AddSingleton<CustomerAdapters>();
        services.AddSingleton<QueueEstimator>();
        services.AddSingleton<QueueAnnouncer>();
        services.AddSingleton<CustomerRelay>();
        services.AddSingleton<AgentDesk>();
        services.TryAddSingleton<ConversationLocks>();
        services.AddSingleton<IHumanHandoff, HandoffCoordinator>();
        services.AddHostedService<TranscriptRetention>();
        return services;
    }

    /// <summary>
    /// On PostgreSQL (Storage:Provider=Postgres) the stores use the data source bot state registered, and their
    /// tables are migration step 3; no SQLite file is opened. Otherwise the cases and tickets are in the SQLite
    /// state file and the transcripts in a file beside it.
    /// </summary>
    private static void AddStores(IServiceCollection services, IConfiguration configuration)
    {
        if (StorageProviders.IsPostgres(configuration))
        {
            services.AddSingleton<ICaseStore>(provider => new PostgresCaseStore(provider.GetRequiredService<NpgsqlDataSource>()));
            services.AddSingleton<ICallbackStore>(provider => new PostgresCallbackStore(provider.GetRequiredService<NpgsqlDataSource>()));
            services.AddSingleton<IHandoffTranscriptStore>(provider => new PostgresTranscriptStore(provider.GetRequiredService<NpgsqlDataSource>()));
            return;
        }

        services.AddSingleton(provider => new HandoffDatabase(provider.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.Path));
        services.AddSingleton(provider => new TranscriptDatabase(provider.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.Path));
        services.AddSingleton<ICaseStore, SqliteCaseStore>();
        services.AddSingleton<ICallbackStore, SqliteCallbackStore>();
        services.AddSingleton<IHandoffTranscriptStore, SqliteTranscriptStore>();
    }
}
