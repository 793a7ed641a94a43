using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IqosBot.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Retention of personal data (section "Retention", checked at start) and data-subject requests on the
    /// stores this configuration names (SQLite files, relative paths against the bot's content root, or PostgreSQL).
    /// </summary>
    public static IServiceCollection AddPersonalDataProtection(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PersonalDataRetention>();
        services.AddHostedService(provider => provider.GetRequiredService<PersonalDataRetention>());
        services.AddSingleton(provider => PersonalDataRequests.From(configuration, contentRoot, provider.GetService<Npgsql.NpgsqlDataSource>(), provider.GetService<IqosBot.Storage.StateHandOver>()));
        return services;
    }
}
