using System.Net;
using IqosBot.Recognition.Clu;
using IqosBot.Recognition.Embedded;
using IqosBot.Recognition.Training;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace IqosBot.Recognition;

/// <summary>Registers the recognizer the configuration asks for; the embedded one is the default and always the fallback.</summary>
public static class RecognitionServiceCollectionExtensions
{
    public static IServiceCollection AddIqosRecognizer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RecognizerSettings>().Bind(configuration.GetSection(RecognizerSettings.SectionName));

        // Loaded from the model file the build trained (or trained, when it is missing or stale) once, when first
        // needed: the host resolves it at start-up so no customer waits for it.
        services.AddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<RecognizerSettings>>().Value;
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EmbeddedRecognizer));
            return EmbeddedRecognizer.LoadOrTrain(
                settings.ModelPath ?? RecognizerModelFile.DefaultPath,
                UtteranceCorpus.LoadEmbedded().Train,
                settings,
                how => logger.LogInformation("The embedded recognizer was {How}", how));
        });

        var kind = configuration.GetSection(RecognizerSettings.SectionName)[nameof(RecognizerSettings.Kind)];
        if (string.Equals(kind, "Clu", StringComparison.OrdinalIgnoreCase))
        {
            services.AddCluClient(configuration);
            services.AddSingleton<IRecognizer, CluRecognizer>();
        }
        else
        {
            services.AddSingleton<IRecognizer>(provider => provider.GetRequiredService<EmbeddedRecognizer>());
        }

        return services;
    }

    /// <summary>
    /// The typed CLU client behind a resilience pipeline: a total time limit, at most two retries and only
    /// after 429 (honouring Retry-After), and a per-attempt time limit. Other failures are not retried:
    /// the embedded recognizer answers at once instead.
    /// </summary>
    public static IHttpClientBuilder AddCluClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CluOptions>().Bind(configuration.GetSection(CluOptions.SectionName));
        var options = configuration.GetSection(CluOptions.SectionName).Get<CluOptions>() ?? new CluOptions();

        // The recognizer is a singleton and keeps its typed client: connections are renewed by the
        // handler's pooled-connection lifetime instead of by the factory's handler rotation.
        var builder = services.AddHttpClient<CluClient>()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler("clu", pipeline =>
        {
            pipeline.AddTimeout(options.TotalTimeout);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                ShouldRetryAfterHeader = true,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(2),
                ShouldHandle = arguments => ValueTask.FromResult(arguments.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests),
            });
            pipeline.AddTimeout(options.AttemptTimeout);
        });
        return builder;
    }
}
