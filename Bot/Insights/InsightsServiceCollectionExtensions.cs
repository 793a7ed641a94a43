using IqosBot.Insights.Postgres;
using IqosBot.Insights.Sqlite;
using IqosBot.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IqosBot.Insights;

public static class InsightsServiceCollectionExtensions
{
    /// <summary>
    /// The team's insights: the recorder in every adapter's pipeline (after the transcript's), the queue and its
    /// background writer, the store of the configured provider, and retention.
    /// </summary>
    public static IServiceCollection AddInsights(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<InsightsOptions>()
            .Bind(configuration.GetSection(InsightsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (StorageProviders.IsPostgres(configuration))
        {
            services.AddSingleton<IInsightStore>(provider => new PostgresInsightStore(provider.GetRequiredService<NpgsqlDataSource>()));
        }
        else
        {
            services.AddSingleton(provider => new InsightDatabase(provider.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.Path));
            services.AddSingleton<IInsightStore, SqliteInsightStore>();
        }

        services.AddSingleton<InsightLog>();
        services.AddHostedService(provider => provider.GetRequiredService<InsightLog>());
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, InsightRecorder>();
        services.AddHostedService<InsightRetention>();
        return services;
    }
}
