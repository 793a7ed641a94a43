using System.Globalization;
using System.Text;
using IqosBot.RateLimiting;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IqosBot.DirectLine;

/// <summary>
/// A self-hosted Direct Line 3.0 under <c>/v3/directline</c>, enough for the unmodified Web Chat
/// (DirectLineJS): tokens, conversations, activities (REST polling and the WebSocket stream), uploads.
/// This file is the route table and what the routes share; the handlers are in DirectLine*Endpoint(s).cs
/// beside it, and every route is behind <see cref="DirectLineAuthorizationFilter"/>.
/// </summary>
public static partial class DirectLineEndpoints
{
    public const string RoutePrefix = "/v3/directline";

    /// <summary>The channel id the bot sees, as with Azure Direct Line.</summary>
    public const string ChannelId = "directline";

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(RoutePrefix).AddEndpointFilter<DirectLineAuthorizationFilter>();
        group.MapPost("/tokens/generate", GenerateTokenAsync).RequireRateLimiting(RateLimitPolicies.Tokens);
        group.MapPost("/tokens/refresh", RefreshToken);
        group.MapGet("/session/getsessionid", SessionId);
        group.MapPost("/conversations", StartConversationAsync).RequireRateLimiting(RateLimitPolicies.Conversations);
        group.MapGet("/conversations/{conversationId}", Reconnect);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).RequireRateLimiting(RateLimitPolicies.Activities);
        group.MapPost("/conversations/{conversationId}/upload", UploadAsync).RequireRateLimiting(RateLimitPolicies.Uploads);
        group.Map("/conversations/{conversationId}/stream", StreamAsync).WithMetadata(DirectLineAuthorizationFilter.CredentialInUrl);
        return endpoints;
    }

    private static string ServiceUrl(HttpRequest request)
    {
        var (scheme, host) = PublicOrigin(request);
        return $"{scheme}://{host}{request.PathBase.Value}{RoutePrefix}/";
    }

    /// <summary>The scheme and host as the client reached this server, proxies included.</summary>
    private static (string Scheme, string Host) PublicOrigin(HttpRequest request)
    {
        var scheme = FirstValue(request.Headers["X-Forwarded-Proto"].ToString())?.ToLowerInvariant() ?? request.Scheme;
        var host = FirstValue(request.Headers["X-Forwarded-Host"].ToString()) ?? request.Host.Value ?? "localhost";
        return (scheme, host);
    }

    private static string? FirstValue(string header)
        => header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    /// <summary>Missing, empty or unreadable is 0, the start of the log.</summary>
    internal static long ParseWatermark(string? watermark)
        => long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary>Completes once the response has gone out (or the client left), so the bot's turn starts after it.</summary>
    private static Task ResponseSent(HttpContext context)
    {
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        context.Response.OnCompleted(() =>
        {
            sent.TrySetResult();
            return Task.CompletedTask;
        });
        context.RequestAborted.Register(() => sent.TrySetResult());
        return sent.Task;
    }

    /// <summary>
    /// The optional <c>{"user":{"id","name"},"locale"}</c> of tokens/generate and conversations, read leniently:
    /// no body, or one that is not a JSON object, is the same as no parameters.
    /// </summary>
    private static async Task<JObject?> ReadJsonObjectAsync(HttpRequest request)
    {
        try
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(text) ? null : JToken.Parse(text) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string NewConversationId() => Guid.NewGuid().ToString("N");

    private static string NewUserId() => "dl_" + Guid.NewGuid().ToString("N");
}
