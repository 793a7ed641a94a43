using IqosBot.Telemetry;
using IqosBot.Dialogs.Benefits;
using Microsoft.Extensions.Http.Resilience;

namespace IqosBot.Benefits;

/// <summary>Registers the benefits API client behind Microsoft.Extensions.Http.Resilience.</summary>
public static class BenefitsServiceCollectionExtensions
{
    /// <summary>
    /// Every operation is safe to retry: the lookup, the serial check and the claim check only read, and a registration
    /// or a claim carries an Idempotency-Key, so a retried POST cannot register or claim twice. Retries use jittered exponential
    /// back-off and honour Retry-After; the circuit breaker stops hammering an API that keeps failing,
    /// so customers get the "try later" answer at once instead of after every timeout.
    /// </summary>
    public static IHttpClientBuilder AddBenefitsApiClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(BenefitsApiOptions.SectionName);
        services.AddOptions<BenefitsApiOptions>()
            .Bind(section)
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                // Relative paths resolve under the base only when it ends in "/": "https://api.example/benefits"
                // would otherwise lose "benefits". Operators write it either way.
                if (options.BaseUrl is { } given && !given.AbsolutePath.EndsWith('/'))
                {
                    options.BaseUrl = new UriBuilder(given) { Path = given.AbsolutePath + "/" }.Uri;
                }

                // No external API: use the sandbox this bot serves, with the sandbox's key.
                if (options.BaseUrl is null)
                {
                    options.BaseUrl = SandboxAddress.From(provider.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>());
                    if (string.IsNullOrEmpty(options.ApiKey))
                    {
                        options.ApiKey = configuration[$"{BenefitsApiOptions.SectionName}:Sandbox:ApiKey"] ?? string.Empty;
                    }
                }
            });
        var options = section.Get<BenefitsApiOptions>() ?? new BenefitsApiOptions();

        services.AddBotMetrics();
        services.AddSingleton<BenefitsApiTransport>();
        services.AddSingleton<IBenefitsApi, BenefitsApiClient>();
        services.AddSingleton<IClaimsApi, ClaimsApiClient>();
        var builder = services.AddHttpClient(BenefitsApiClient.HttpClientName);
        builder.AddStandardResilienceHandler(resilience =>
        {
            resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
            resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
            resilience.Retry.MaxRetryAttempts = 2;
            resilience.Retry.UseJitter = true;
            resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
            resilience.Retry.ShouldRetryAfterHeader = true;
            resilience.CircuitBreaker.MinimumThroughput = 5;
            resilience.CircuitBreaker.FailureRatio = 0.5;
            resilience.CircuitBreaker.BreakDuration = options.BreakDuration;

            // The breaker's sampling window must be at least twice the attempt timeout (the library checks).
            resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, options.AttemptTimeout.Ticks * 2));
        });
        return builder;
    }
}
