using System.Globalization;
using System.Threading.RateLimiting;
using IqosBot.Configuration;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using StackExchange.Redis;

namespace IqosBot.RateLimiting;

/// <summary>
/// The public endpoints' limits, with ASP.NET Core's rate limiter: fixed windows per client address (tokens,
/// conversation starts, anonymous /api/messages, agent sign-in) or per Direct Line conversation (messages,
/// uploads). A refused request gets 429 with Retry-After. <c>RateLimits:Enabled=false</c> turns them all off.
/// With ConnectionStrings:Redis the windows are counted in Redis (<see cref="SharedFixedWindowLimiter"/>), so the
/// limits hold across every instance behind the load balancer rather than once per instance.
/// </summary>
public static class RateLimitPolicies
{
    public const string Tokens = "tokens";
    public const string Conversations = "conversations";
    public const string Activities = "activities";
    public const string Uploads = "uploads";
    public const string AnonymousMessages = "anonymous-messages";
    public const string SignIn = "sign-in";

    public static IServiceCollection AddIqosRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        var address = ClientAddress.From(options.TrustedProxies);
        var anonymous = string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);
        var shared = configuration.HasSharedRedis();
        services.AddSharedRedis(configuration);

        // Behind a TLS-terminating proxy the request's scheme is the proxy's X-Forwarded-Proto, believed from the
        // same trusted proxies only: so the agent console's sign-in cookie is Secure there (SameAsRequest).
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedProto;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in ClientAddress.ParseProxies(options.TrustedProxies))
            {
                forwarded.KnownIPNetworks.Add(proxy);
            }
        });

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            RateLimitPartition<string> Window(HttpContext context, RateWindow window, string key)
                => !options.Enabled ? RateLimitPartition.GetNoLimiter("off") : shared ? SharedWindow(context, window, key) : LocalWindow(window, key);

            limiter.AddPolicy(Tokens, context => Window(context, options.Tokens, Tokens + ":" + address.Of(context)));
            limiter.AddPolicy(Conversations, context => Window(context, options.Conversations, Conversations + ":" + address.Of(context)));
            limiter.AddPolicy(Activities, context => Window(context, options.Activities, Activities + ":" + Conversation(context)));
            limiter.AddPolicy(Uploads, context => Window(context, options.Uploads, Uploads + ":" + Conversation(context)));
            limiter.AddPolicy(SignIn, context => Window(context, options.SignIn, SignIn + ":" + address.Of(context)));

            // With an app id every request carries a Bot Framework token the adapter checks; only anonymous access needs a limit.
            limiter.AddPolicy(AnonymousMessages, context => anonymous
                ? Window(context, options.AnonymousMessages, AnonymousMessages + ":" + address.Of(context))
                : RateLimitPartition.GetNoLimiter(AnonymousMessages));
        });
        return services;
    }

    private static RateLimitPartition<string> LocalWindow(RateWindow window, string key)
        => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = window.PermitLimit,
            Window = TimeSpan.FromSeconds(window.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>The window in Redis, under the bot's prefix (the limiter stores it as <c>rl:fw:{iqosbot:policy:client}</c>, expiring with the window).</summary>
    private static RateLimitPartition<string> SharedWindow(HttpContext context, RateWindow window, string key)
    {
        var redis = context.RequestServices.GetRequiredService<IConnectionMultiplexer>();
        return RateLimitPartition.Get(key, partition => new SharedFixedWindowLimiter(SharedRedisServiceCollectionExtensions.ChannelPrefix + ":" + partition, window, redis));
    }

    /// <summary>The conversation a Direct Line request is about (its route), so one busy conversation does not slow another.</summary>
    private static string Conversation(HttpContext context) => context.GetRouteValue("conversationId") as string ?? "none";

    /// <summary>When the window reopens: the in-memory limiter says it as a TimeSpan, the Redis one in whole seconds.</summary>
    private static int RetryAfterSeconds(RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            return Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        }

        return lease.TryGetMetadata(RedisRateLimiting.RateLimitMetadataName.RetryAfter, out var seconds) ? Math.Max(1, seconds) : 60;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        var seconds = RetryAfterSeconds(rejected.Lease);
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (rejected.HttpContext.Request.Path.StartsWithSegments("/v3/directline", StringComparison.OrdinalIgnoreCase))
        {
            // Direct Line's own error shape, which Web Chat reads.
            response.ContentType = "application/json";
            await response.WriteAsync("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests; try again later.\"}}", cancellationToken).ConfigureAwait(false);
            return;
        }

        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: $"Try again in {seconds} seconds.")
            .ExecuteAsync(rejected.HttpContext).ConfigureAwait(false);
    }
}
