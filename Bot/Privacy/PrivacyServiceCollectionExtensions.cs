using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IqosBot.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Retention of personal data (section "Retention", checked at start) and data-subject requests on the
    /// files this configuration names, relative paths against the bot's content root.
    /// </summary>
    public static IServiceCollection AddPersonalDataProtection(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PersonalDataRetention>();
        services.AddHostedService(provider => provider.GetRequiredService<PersonalDataRetention>());
        services.AddSingleton(_ => new PersonalDataRequests(PersonalDataFiles.From(configuration, contentRoot)));
        return services;
    }
}
