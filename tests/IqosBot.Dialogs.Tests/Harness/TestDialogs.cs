using System.Globalization;
using IqosBot.Dialogs.Benefits;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Main;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IqosBot.Dialogs.Tests.Harness;

/// <summary>
/// The dialogs composed as the bot composes them (<see cref="DialogsServiceCollectionExtensions"/>), over
/// test doubles for what lies outside the conversation. A test bot adds the journeys it needs, replaces
/// what it fakes, and hands <see cref="Factory"/> to the harness: every restart builds new dialog objects
/// from a new container, as a new process would, while the doubles registered as instances live on.
/// </summary>
internal static class TestDialogs
{
    /// <summary>
    /// The core of the conversation with the test support settings (<see cref="TestSupport"/>) as
    /// configuration, the given clock, recognizer and benefits API. <paramref name="configuration"/> is
    /// the configuration root, so a test can change a setting while the bot runs.
    /// </summary>
    public static IServiceCollection Services(TimeProvider time, IRecognizer recognizer, IBenefitsApi? benefits, out IConfigurationRoot configuration, IDictionary<string, string?>? overrides = null)
    {
        var settings = Settings();
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddSingleton(recognizer);
        if (benefits is not null)
        {
            services.AddSingleton(benefits);
        }

        services.AddMainDialog(configuration);
        return services;
    }

    public static IServiceCollection Services(TimeProvider time, IRecognizer recognizer, IBenefitsApi? benefits = null, IDictionary<string, string?>? overrides = null)
        => Services(time, recognizer, benefits, out _, overrides);

    /// <summary>A new main dialog from a new container on every call.</summary>
    public static Func<Dialog> Factory(IServiceCollection services)
        => () => services.BuildServiceProvider().GetRequiredService<MainDialog>();

    /// <summary><see cref="TestSupport.Options"/> and <see cref="TestSupport.Policy"/> as configuration keys, as appsettings.json spells them.</summary>
    public static Dictionary<string, string?> Settings()
    {
        var support = TestSupport.Options();
        var policy = TestSupport.Policy();
        var invariant = CultureInfo.InvariantCulture;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Support:Phone"] = support.Phone,
            ["Support:Email"] = support.Email,
            ["Support:TimeZone"] = support.TimeZone,
            ["Policy:MoneyBackDays"] = policy.MoneyBackDays.ToString(invariant),
            ["Policy:MoneyBackMaxDevices"] = policy.MoneyBackMaxDevices.ToString(invariant),
            ["Policy:ReturnDays"] = policy.ReturnDays.ToString(invariant),
            ["Policy:WarrantyMonths"] = policy.WarrantyMonths.ToString(invariant),
            ["Policy:AccidentalDamageMonths"] = policy.AccidentalDamageMonths.ToString(invariant),
            ["Policy:BenefitProgramMonths"] = policy.BenefitProgramMonths.ToString(invariant),
            ["Policy:AccessoriesDiscountPercent"] = policy.AccessoriesDiscountPercent.ToString(invariant),
        };
        for (var i = 0; i < support.OpeningHours.Count; i++)
        {
            var rule = support.OpeningHours[i];
            settings[$"Support:OpeningHours:{i}:From"] = rule.From.ToString();
            settings[$"Support:OpeningHours:{i}:To"] = rule.To.ToString();
            settings[$"Support:OpeningHours:{i}:Open"] = rule.Open.ToString("HH:mm", invariant);
            settings[$"Support:OpeningHours:{i}:Close"] = rule.Close.ToString("HH:mm", invariant);
        }

        return settings;
    }
}
