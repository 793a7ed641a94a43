namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// <c>POST /v1/registrations</c>: the request is checked here (its Idempotency-Key by <see cref="IdempotencyKeyFilter"/>),
/// the registration done by <see cref="DeviceRegistrar"/>.
/// </summary>
internal static class RegistrationsEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext httpContext, DeviceRegistrar registrar)
    {
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

        var response = await registrar.RegisterAsync(IdempotencyKey.Of(httpContext), request, httpContext.RequestAborted).ConfigureAwait(false);
        return response.ToResult();
    }
}
