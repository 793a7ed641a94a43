using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IqosBot.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The standard OTLP exporter setting (an environment variable; also read from configuration).</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Application Insights' connection string, as App Service and the Azure Monitor distro name it.</summary>
    public const string ApplicationInsightsKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Forces the OpenTelemetry SDK on without an exporter configured here (a test's in-memory exporter, a console exporter added by code).</summary>
    public const string EnabledKey = "Telemetry:Enabled";

    /// <summary>
    /// The bot's turn spans and metrics (<see cref="TurnTelemetry"/>, <see cref="BotMetrics"/>), always recorded
    /// into the instruments; and, when something will receive them, the OpenTelemetry SDK with ASP.NET Core,
    /// HttpClient, Npgsql and runtime instrumentation and the logs: exported over OTLP when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set, to Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is
    /// set, or both. With neither, no SDK runs and a turn pays for no span (issue #17 counts every microsecond).
    /// </summary>
    public static IServiceCollection AddIqosTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddBotMetrics();
        // Before every other middleware (registration order is pipeline order): the turn's span encloses them all.
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, TurnTelemetry>();

        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        var applicationInsights = !string.IsNullOrWhiteSpace(configuration[ApplicationInsightsKey]);
        if (!otlp && !applicationInsights && !configuration.GetValue<bool>(EnabledKey))
        {
            return services;
        }

        // Probes are asked every few seconds by every load balancer; their spans would bury the customers' requests.
        services.Configure<AspNetCoreTraceInstrumentationOptions>(options => options.Filter = context => !IsProbe(context.Request.Path));

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(BotTelemetry.Name.ToLowerInvariant(), serviceVersion: typeof(BotTelemetry).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddSource(BotTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(BotTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation())
            .WithLogging(logging => logging.AddProcessor(new FreezePooledLogValues()));

        if (otlp)
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddOtlpExporter());
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddOtlpExporter());
            services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddOtlpExporter());
        }

        if (applicationInsights)
        {
            telemetry.UseAzureMonitor();
        }

        return services;
    }

    /// <summary>The instruments alone (features that record into them register this; the SDK is <see cref="AddIqosTelemetry"/>'s).</summary>
    public static IServiceCollection AddBotMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();
        return services;
    }

    private static bool IsProbe(PathString path)
        => path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/readyz", StringComparison.OrdinalIgnoreCase);
}
