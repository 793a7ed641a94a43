using System.Security.Cryptography;
using System.Text;
using IqosBot.Benefits.Contract;
using Microsoft.Extensions.Options;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// Lets through only requests that carry the configured key in <c>X-Api-Key</c>, and names the client
/// for what is kept per key (idempotency keys, rate limits).
/// </summary>
internal sealed class ApiKeyFilter(IOptions<BenefitsSandboxOptions> options) : IEndpointFilter
{
    private static readonly object ClientItemKey = new();

    private readonly byte[] _expectedHash = Hash(options.Value.ApiKey ?? throw new InvalidOperationException("The benefits sandbox has no API key configured."));

    /// <summary>Who is calling, as a hash of their key: the key itself is a secret and is stored nowhere.</summary>
    public static string ClientOf(HttpContext httpContext) =>
        httpContext.Items[ClientItemKey] as string ?? throw new InvalidOperationException("The request was not authenticated by ApiKeyFilter.");

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var values = context.HttpContext.Request.Headers[BenefitsApiHeaders.ApiKey];
        if (values.Count != 1 || values[0] is not { Length: > 0 } provided)
        {
            return ValueTask.FromResult<object?>(Problems.Unauthorized().ToResult());
        }

        // Hashes have one length whatever was sent, so the comparison takes the same time for every wrong key.
        var providedHash = Hash(provided);
        if (!CryptographicOperations.FixedTimeEquals(providedHash, _expectedHash))
        {
            return ValueTask.FromResult<object?>(Problems.Unauthorized().ToResult());
        }

        context.HttpContext.Items[ClientItemKey] = "key-" + Convert.ToHexStringLower(providedHash.AsSpan(0, 8));
        return next(context);
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
