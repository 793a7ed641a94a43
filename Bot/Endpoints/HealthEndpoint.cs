using Microsoft.AspNetCore.Http.HttpResults;

namespace IqosBot.Endpoints;

/// <summary><c>GET /healthz</c> for probes: the process is up and serving requests (it checks nothing further).</summary>
public static class HealthEndpoint
{
    public const string Route = "/healthz";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Route, () => TypedResults.Ok(HealthStatus.Ok));
        return endpoints;
    }
}

/// <summary>The body of <c>/healthz</c>: <c>{"status":"ok"}</c>.</summary>
public sealed record HealthStatus(string Status)
{
    public static HealthStatus Ok { get; } = new("ok");
}
