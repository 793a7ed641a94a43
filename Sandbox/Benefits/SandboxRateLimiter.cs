using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// A fixed window of <see cref="BenefitsSandboxOptions.RequestsPerMinute"/> per API key, answered with
/// 429 <c>rate-limited</c> and Retry-After like the real CRM. An endpoint filter rather than the ASP.NET
/// Core rate-limiting middleware, which would need a line in Program.cs the sandbox does not own.
/// </summary>
internal sealed class SandboxRateLimiter(IOptions<BenefitsSandboxOptions> options) : IEndpointFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        using var lease = _limiter.AttemptAcquire(ApiKeyFilter.ClientOf(context.HttpContext));
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Problems.RateLimited().ToResult();
        }

        return await next(context).ConfigureAwait(false);
    }

    public void Dispose() => _limiter.Dispose();
}
