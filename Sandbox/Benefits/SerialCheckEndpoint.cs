namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// <c>POST /v1/devices/check</c>: a POST rather than a GET so that the serial travels in the body, never in a
/// URL that proxies and access logs keep. The request is checked here, the answer given by <see cref="SerialCheck"/>.
/// </summary>
internal static class SerialCheckEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext httpContext, SerialCheck check)
    {
        var (body, malformed) = await JsonBody.ReadObjectAsync(httpContext.Request).ConfigureAwait(false);
        if (body is not { } json)
        {
            return malformed!.ToResult();
        }

        var (request, invalid) = SerialCheckRequestReader.Read(json);
        if (request is null)
        {
            return invalid!.ToResult();
        }

        var response = await check.CheckAsync(request, httpContext.RequestAborted).ConfigureAwait(false);
        return response.ToResult();
    }
}
