using IqosBot.Benefits.Contract;
using Microsoft.Data.Sqlite;

namespace IqosBot.Sandbox.Benefits;

/// <summary>A request's Idempotency-Key, with the client it belongs to: two clients cannot collide on a key.</summary>
internal sealed record IdempotencyKey(string Client, string Value)
{
    private static readonly object ItemKey = new();

    /// <summary>The key <see cref="IdempotencyKeyFilter"/> accepted for this request.</summary>
    public static IdempotencyKey Of(HttpContext httpContext) =>
        httpContext.Items[ItemKey] as IdempotencyKey ?? throw new InvalidOperationException("The endpoint does not require an Idempotency-Key (RequireIdempotencyKey).");

    internal static void Set(HttpContext httpContext, IdempotencyKey key) => httpContext.Items[ItemKey] = key;
}

/// <summary>
/// Lets through only requests with one Idempotency-Key of 1 to 100 characters (else 400 validation-failed,
/// before the body is read), for every endpoint that creates something. Runs after <see cref="ApiKeyFilter"/>
/// (route group filters run first), which names the client the key belongs to.
/// </summary>
internal sealed class IdempotencyKeyFilter(string creates) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var keys = context.HttpContext.Request.Headers[BenefitsApiHeaders.IdempotencyKey];
        if (keys.Count != 1 || keys[0] is not { Length: > 0 and <= BenefitsApiHeaders.MaxIdempotencyKeyLength } key)
        {
            return ValueTask.FromResult<object?>(Problems.BadRequest(
                $"Send one {BenefitsApiHeaders.IdempotencyKey} header of 1 to {BenefitsApiHeaders.MaxIdempotencyKeyLength} characters, new for each new {creates}.").ToResult());
        }

        IdempotencyKey.Set(context.HttpContext, new IdempotencyKey(ApiKeyFilter.ClientOf(context.HttpContext), key));
        return next(context);
    }
}

/// <summary>
/// Runs a write at most once per Idempotency-Key: in the write's own transaction, a key already used with the
/// same fingerprint gets the stored response again (<c>Idempotent-Replayed</c>) and a key used with another
/// body is 422 idempotency-key-reused, both without running the write; otherwise the write runs and a success
/// (2xx) is stored with it. Check, write and stored response commit together, so concurrent retries of one key
/// do the work once. Errors are not stored: they changed nothing, and a retry is judged afresh.
/// </summary>
internal sealed class IdempotentWrites(SandboxDatabase database, SwedishCalendar calendar)
{
    /// <param name="fingerprint">What "the same body" means (<see cref="Fingerprints"/>).</param>
    /// <param name="write">The work, on the transaction's connection; its outcome is for the log.</param>
    public Task<(ApiResponse Response, string Outcome)> RunOnceAsync(
        IdempotencyKey key,
        string fingerprint,
        Func<SqliteConnection, Task<(ApiResponse Response, string Outcome)>> write,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(write);
        return database.WriteAsync(async connection =>
        {
            var stored = await IdempotencyStore.FindAsync(connection, key.Client, key.Value, cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                return string.Equals(stored.Fingerprint, fingerprint, StringComparison.Ordinal)
                    ? (stored.Response, "replayed for the same Idempotency-Key")
                    : (Problems.IdempotencyKeyReused(), "refused: Idempotency-Key reused with another body");
            }

            var (response, outcome) = await write(connection).ConfigureAwait(false);
            if (response.Status is >= 200 and < 300)
            {
                await IdempotencyStore.SaveAsync(connection, key.Client, key.Value, fingerprint, response, calendar.Now, cancellationToken).ConfigureAwait(false);
            }

            return (response, outcome);
        }, cancellationToken);
    }
}

internal static class IdempotencyEndpointExtensions
{
    /// <summary>The endpoint creates a <paramref name="creates"/> and needs an Idempotency-Key (<see cref="IdempotencyKey.Of"/>).</summary>
    public static RouteHandlerBuilder RequireIdempotencyKey(this RouteHandlerBuilder endpoint, string creates) =>
        endpoint.AddEndpointFilter(new IdempotencyKeyFilter(creates));
}
