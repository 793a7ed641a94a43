using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IqosBot.Endpoints;

/// <summary>
/// Probes: <c>GET /healthz</c>, the process is up and serving requests (liveness: it checks nothing further);
/// <c>GET /readyz</c>, it can take a turn — the checks tagged <see cref="ReadyTag"/> (bot state readable, its
/// schema up to date) pass: 200, otherwise 503, so a load balancer sends customers to another instance.
/// </summary>
public static class HealthEndpoint
{
    public const string Route = "/healthz";

    public const string ReadyRoute = "/readyz";

    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Route, () => TypedResults.Ok(LivenessStatus.Ok));
        endpoints.MapHealthChecks(ReadyRoute, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        });
        return endpoints;
    }

    /// <summary>{"status":"ready"|"not ready","checks":{"state":"Healthy"}}: each check's verdict, never its exception.</summary>
    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status == HealthStatus.Healthy ? "ready" : "not ready",
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => entry.Value.Status.ToString()),
        }));
    }
}

/// <summary>The body of <c>/healthz</c>: <c>{"status":"ok"}</c>.</summary>
public sealed record LivenessStatus(string Status)
{
    public static LivenessStatus Ok { get; } = new("ok");
}
