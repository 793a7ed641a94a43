using IqosBot.Benefits;
using IqosBot.Dialogs.Benefits;
using IqosBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IqosBot.Bot.Tests.Benefits;

/// <summary>
/// The claims client as the bot builds it: <see cref="BenefitsServiceCollectionExtensions.AddBenefitsApiClient"/>
/// over an in-memory "Benefits" section with the short time limits of <see cref="BenefitsClient"/>, and
/// captured logs. Also exposes the registration/coverage client of the same container, to set up and read back.
/// </summary>
public sealed class ClaimsClient : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ClaimsClient(ServiceProvider provider, CapturedLogs logs)
    {
        _provider = provider;
        Logs = logs;
        Claims = provider.GetRequiredService<IClaimsApi>();
        Benefits = provider.GetRequiredService<IBenefitsApi>();
    }

    public IClaimsApi Claims { get; }

    public IBenefitsApi Benefits { get; }

    public CapturedLogs Logs { get; }

    /// <param name="patient">Long time limits, for the real sandbox whose answers are under test.</param>
    public static ClaimsClient Create(Uri baseUrl, string apiKey, bool patient = false)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Benefits:BaseUrl"] = baseUrl.ToString(),
                ["Benefits:ApiKey"] = apiKey,
                ["Benefits:AttemptTimeout"] = (patient ? BenefitsClient.PatientAttemptTimeout : BenefitsClient.AttemptTimeout).ToString("c"),
                ["Benefits:TotalTimeout"] = (patient ? BenefitsClient.PatientTotalTimeout : BenefitsClient.TotalTimeout).ToString("c"),
                ["Benefits:BreakDuration"] = BenefitsClient.BreakDuration.ToString("c"),
            })
            .Build();

        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddBenefitsApiClient(configuration);
        return new ClaimsClient(services.BuildServiceProvider(validateScopes: true), logs);
    }

    /// <summary>No log line of the client's side holds any of these values (case-insensitively).</summary>
    public void AssertLogsHoldNone(params string[] values)
    {
        Assert.NotEmpty(Logs.Lines);
        foreach (var line in Logs.Lines)
        {
            foreach (var value in values)
            {
                Assert.False(line.Contains(value, StringComparison.OrdinalIgnoreCase), $"A log line holds personal data ({value}): {line}");
            }
        }
    }

    public int WarningsContaining(string text) =>
        Logs.Lines.Count(line => line.StartsWith("Warning ", StringComparison.Ordinal) && line.Contains(text, StringComparison.OrdinalIgnoreCase));

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
