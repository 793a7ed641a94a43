namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// <c>POST /v1/coverage/lookup</c>: a POST rather than a GET so that the serial and the e-mail address travel
/// in the body, never in a URL that proxies and access logs keep.
/// </summary>
internal static class CoverageLookupEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext httpContext, CoverageLookup lookup)
    {
        var (body, malformed) = await JsonBody.ReadObjectAsync(httpContext.Request).ConfigureAwait(false);
        if (body is not { } json)
        {
            return malformed!.ToResult();
        }

        var (request, invalid) = CoverageLookupRequestReader.Read(json);
        if (request is null)
        {
            return invalid!.ToResult();
        }

        var response = await lookup.LookupAsync(request, httpContext.RequestAborted).ConfigureAwait(false);
        return response.ToResult();
    }
}
