using IqosBot.Benefits.Contract;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// The benefits API sandbox in a host: a stand-in for the CRM that implements
/// deployment/benefits-api/openapi.yaml on a local SQLite file with demo data, so the bot can be tried offline.
/// </summary>
public static class BenefitsSandboxExtensions
{
    /// <summary>Where the sandbox answers; the contract's paths (<c>/v1/...</c>) follow it.</summary>
    public const string RoutePrefix = "/sandbox/benefits";

    /// <summary>
    /// Registers the sandbox's services and the start-up seeding of its demo data. The host refuses to
    /// start when <c>Benefits:Sandbox:ApiKey</c> is not set. A <see cref="TimeProvider"/> registered before
    /// this call (a fixed clock in tests) is used instead of the system clock.
    /// </summary>
    public static IServiceCollection AddBenefitsSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BenefitsSandboxOptions>()
            .Bind(configuration.GetSection(BenefitsSandboxOptions.SectionName))
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                if (!string.IsNullOrWhiteSpace(options.DatabasePath))
                {
                    options.DatabasePath = Path.GetFullPath(options.DatabasePath, environment.ContentRootPath);
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BenefitsSandboxOptions>, BenefitsSandboxOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SwedishCalendar>();
        services.TryAddSingleton<SandboxDatabase>();
        services.TryAddSingleton<IdempotentWrites>();
        services.TryAddSingleton<CoveragePolicy>();
        services.TryAddSingleton<DeviceRegistrar>();
        services.TryAddSingleton<CoverageLookup>();
        services.TryAddSingleton<SerialCheck>();
        services.TryAddSingleton<ClaimPolicy>();
        services.TryAddSingleton<ClaimsDesk>();
        services.TryAddSingleton<ApiKeyFilter>();
        services.TryAddSingleton<SandboxRateLimiter>();
        services.AddHostedService<DemoDataSeeder>();
        SandboxLog.AddCustomerDataRedaction(services);
        services.TryAddSingleton<SandboxRetention>();
        services.AddHostedService(provider => provider.GetRequiredService<SandboxRetention>());
        return services;
    }

    /// <summary>
    /// Maps the contract's endpoints under <see cref="RoutePrefix"/>: <c>POST /sandbox/benefits/v1/registrations</c>,
    /// <c>POST /sandbox/benefits/v1/coverage/lookup</c>, <c>POST /sandbox/benefits/v1/devices/check</c>,
    /// <c>POST /sandbox/benefits/v1/claims/eligibility</c> and
    /// <c>POST /sandbox/benefits/v1/claims</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapBenefitsSandbox(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var api = endpoints.MapGroup(RoutePrefix);

        // Every answer, a refusal included, names the request as the host's logs do (their RequestId scope),
        // so a client can quote it when reporting a problem without quoting any personal data.
        api.AddEndpointFilter((context, next) =>
        {
            context.HttpContext.Response.Headers[BenefitsApiHeaders.RequestId] = context.HttpContext.TraceIdentifier;
            return next(context);
        });

        // The key is checked first, so an unauthenticated caller learns nothing, not even the rate limit.
        // Both filters are the singletons, resolved per request: one rate-limit window per key across endpoints.
        api.AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<ApiKeyFilter>().InvokeAsync(context, next));
        api.AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<SandboxRateLimiter>().InvokeAsync(context, next));

        // Every endpoint that creates something takes an Idempotency-Key, checked and replayed in one place (Idempotency.cs).
        api.MapPost(BenefitsApiPaths.Registrations, RegistrationsEndpoint.HandleAsync).RequireIdempotencyKey("registration");
        api.MapPost(BenefitsApiPaths.CoverageLookup, CoverageLookupEndpoint.HandleAsync);
        api.MapPost(BenefitsApiPaths.DeviceCheck, SerialCheckEndpoint.HandleAsync);
        api.MapPost(BenefitsApiPaths.ClaimEligibility, ClaimsEndpoints.CheckAsync);
        api.MapPost(BenefitsApiPaths.Claims, ClaimsEndpoints.CreateAsync).RequireIdempotencyKey("claim");
        return endpoints;
    }
}
