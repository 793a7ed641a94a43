namespace IqosBot.Sandbox.Benefits;

/// <summary><c>POST /v1/registrations</c>: the request is checked here, the registration done by <see cref="DeviceRegistrar"/>.</summary>
internal static class RegistrationsEndpoint
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const int MaxIdempotencyKeyLength = 100;

    public static async Task<IResult> HandleAsync(HttpContext httpContext, DeviceRegistrar registrar)
    {
        var keys = httpContext.Request.Headers[IdempotencyKeyHeader];
        if (keys.Count != 1 || keys[0] is not { Length: > 0 and <= MaxIdempotencyKeyLength } idempotencyKey)
        {
            return Problems.BadRequest($"Send one {IdempotencyKeyHeader} header of 1 to {MaxIdempotencyKeyLength} characters, new for each new registration.")
                .ToResult();
        }

        var (body, malformed) = await JsonBody.ReadObjectAsync(httpContext.Request).ConfigureAwait(false);
        if (body is not { } json)
        {
            return malformed!.ToResult();
        }

        var (request, invalid) = RegistrationRequestReader.Read(json);
        if (request is null)
        {
            return invalid!.ToResult();
        }

        var response = await registrar.RegisterAsync(ApiKeyFilter.ClientOf(httpContext), idempotencyKey, request, httpContext.RequestAborted)
            .ConfigureAwait(false);
        return response.ToResult();
    }
}
