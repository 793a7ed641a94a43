namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// <c>POST /v1/claims/eligibility</c> and <c>POST /v1/claims</c>: the request is checked here, the claim
/// decided by <see cref="ClaimsDesk"/>. Both are POSTs so that serial, e-mail and address stay out of URLs.
/// A claim's Idempotency-Key is checked by <see cref="IdempotencyKeyFilter"/>.
/// </summary>
internal static class ClaimsEndpoints
{
    public static async Task<IResult> CheckAsync(HttpContext httpContext, ClaimsDesk desk)
    {
        var (body, malformed) = await JsonBody.ReadObjectAsync(httpContext.Request).ConfigureAwait(false);
        if (body is not { } json)
        {
            return malformed!.ToResult();
        }

        var (check, invalid) = ClaimRequestReader.ReadCheck(json);
        if (check is null)
        {
            return invalid!.ToResult();
        }

        return (await desk.CheckAsync(check, httpContext.RequestAborted).ConfigureAwait(false)).ToResult();
    }

    public static async Task<IResult> CreateAsync(HttpContext httpContext, ClaimsDesk desk)
    {
        var (body, malformed) = await JsonBody.ReadObjectAsync(httpContext.Request).ConfigureAwait(false);
        if (body is not { } json)
        {
            return malformed!.ToResult();
        }

        var (claim, invalid) = ClaimRequestReader.ReadClaim(json);
        if (claim is null)
        {
            return invalid!.ToResult();
        }

        var response = await desk.CreateAsync(IdempotencyKey.Of(httpContext), claim, httpContext.RequestAborted).ConfigureAwait(false);
        return response.ToResult();
    }
}
