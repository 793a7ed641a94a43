using IqosBot.Dialogs.Benefits;
using IqosBot.Dialogs.Broken;
using IqosBot.Dialogs.Faq;
using IqosBot.Dialogs.Handoff;
using IqosBot.Dialogs.Main;
using IqosBot.Dialogs.Registration;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Warranty;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IqosBot.Dialogs;

/// <summary>
/// The one way the conversation is composed: the host and every test host call these, so the dialogs
/// are wired once. The host provides what lies outside the conversation: <c>IRecognizer</c>,
/// <c>IBenefitsApi</c>, <c>IClaimsApi</c>, <c>IHumanHandoff</c> and the bot's <c>IStorage</c>.
/// A new journey adds its own <c>AddXJourney</c> here and a parameter to <see cref="MainDialog"/>.
/// </summary>
public static class DialogsServiceCollectionExtensions
{
    /// <summary>The main dialog with every journey.</summary>
    public static IServiceCollection AddIqosDialogs(this IServiceCollection services, IConfiguration configuration)
        => services
            .AddMainDialog(configuration)
            .AddRegistrationJourney()
            .AddWarrantyJourney()
            .AddBrokenDeviceJourney(configuration)
            .AddHandoffDialogs();

    /// <summary>
    /// The top of the conversation, the FAQ and what every journey reads: customer care's details and
    /// hours, the policy figures, the local clock. A journey left out is explained instead of run.
    /// </summary>
    public static IServiceCollection AddMainDialog(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SupportOptions>().Bind(configuration.GetSection(SupportOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PolicyOptions>().Bind(configuration.GetSection(PolicyOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        KeepLastValid<SupportOptions>(services);
        KeepLastValid<PolicyOptions>(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LocalClock>();
        services.TryAddSingleton<BusinessHours>();
        services.TryAddSingleton<FaqKnowledge>();
        // What the message says about the customer's situation, spoken to before the general answer.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnswerSituation, PurchaseTiming>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnswerSituation, ReturnRoute>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnswerSituation, AbroadNow>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnswerSituation, StoreQuestion>());
        services.TryAddSingleton<FaqDialog>();
        services.TryAddSingleton<MainDialog>();
        return services;
    }

    public static IServiceCollection AddRegistrationJourney(this IServiceCollection services)
    {
        services.TryAddSingleton<RegistrationDialog>();
        return services;
    }

    /// <summary>The warranty lookup, with the per-conversation limit on lookups kept in the bot's storage.</summary>
    public static IServiceCollection AddWarrantyJourney(this IServiceCollection services)
    {
        services.TryAddSingleton<ILookupThrottle, StorageLookupThrottle>();
        services.TryAddSingleton<WarrantyStatusDialog>();
        return services;
    }

    /// <summary>Troubleshooting a broken device, then the claim (through the API, or by agents: <c>Claims:HandledBy</c>).</summary>
    public static IServiceCollection AddBrokenDeviceJourney(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ClaimsOptions>().Bind(configuration.GetSection(ClaimsOptions.SectionName)).ValidateOnStart();
        KeepLastValid<ClaimsOptions>(services);
        services.TryAddSingleton<ILookupThrottle, StorageLookupThrottle>();
        services.TryAddSingleton(TroubleshootingGuide.Shared);
        services.TryAddSingleton<BrokenDeviceDialog>();
        return services;
    }

    /// <summary>The way to a person (queue, hours, callback) and the rating after.</summary>
    public static IServiceCollection AddHandoffDialogs(this IServiceCollection services)
    {
        services.TryAddSingleton<HandoffDialog>();
        services.TryAddSingleton<RatingDialog>();
        services.TryAddSingleton<HandoffDialogs>();
        return services;
    }

    /// <summary>
    /// Options read per turn keep their last valid values when a live edit of the configuration is invalid
    /// (<see cref="LastValidOptionsMonitor{T}"/>); at start-up an invalid configuration still stops the bot.
    /// </summary>
    private static void KeepLastValid<T>(IServiceCollection services)
        where T : class
        => services.AddSingleton<IOptionsMonitor<T>>(provider => new LastValidOptionsMonitor<T>(
            provider.GetRequiredService<IOptionsFactory<T>>(),
            provider.GetServices<IOptionsChangeTokenSource<T>>(),
            (provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<LastValidOptionsMonitor<T>>()));
}
