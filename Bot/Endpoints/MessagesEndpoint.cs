using IqosBot.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace IqosBot.Endpoints;

/// <summary>
/// <c>POST /api/messages</c>, the Bot Framework endpoint. It does what <c>CloudAdapter.ProcessAsync</c>
/// does, but checks the activity first: a body that is not JSON, has no type, no conversation or
/// nowhere to reply to gets a 400 with a reason, instead of failing inside the turn as a 500.
/// </summary>
public static class MessagesEndpoint
{
    /// <summary>Direct Line caps an activity at 256 KB; allow headroom for channel data, refuse anything absurd.</summary>
    private const long MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync).RequireRateLimiting(RateLimitPolicies.AnonymousMessages);
        return endpoints;
    }

    private static async Task<Results<InvokeResult, ProblemHttpResult, UnauthorizedHttpResult, StatusCodeHttpResult>> HandleAsync(
        HttpContext httpContext, AdapterWithErrorHandler adapter, IBot bot, ReplyHosts replyHosts, ILogger<AdapterWithErrorHandler> logger)
    {
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        var (activity, problem) = await ReadActivityAsync(httpContext.Request).ConfigureAwait(false);
        if (activity is not null && !replyHosts.MayReplyTo(activity))
        {
            (activity, problem) = (null, "The bot does not reply to that serviceUrl.");
        }

        if (activity is null)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Not a valid Bot Framework activity");
        }

        try
        {
            var authHeader = httpContext.Request.Headers.Authorization.ToString();
            return new InvokeResult(await adapter.ProcessIncomingAsync(authHeader, activity, bot, httpContext.RequestAborted).ConfigureAwait(false));
        }
        catch (UnauthorizedAccessException)
        {
            return TypedResults.Unauthorized();
        }
        catch (InvalidOperationException exception) when (exception.Message.StartsWith("IDX", StringComparison.Ordinal))
        {
            // IdentityModel (its messages start with IDX) could not fetch the Bot Framework signing keys, so the
            // token can be neither accepted nor refused: the channel should retry later, as for any outage.
            logger.LogError(exception, "Could not validate a channel token: the identity metadata is unreachable");
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The turn's answer as the SDK writes it: 200 with no body, or an invoke's status and Newtonsoft JSON body.</summary>
    private sealed class InvokeResult(InvokeResponse? response) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => InvokeResponseWriter.WriteAsync(httpContext.Response, response);
    }

    /// <summary>
    /// The SDK's activity serializer with a depth limit: the SDK's own reads without one, and an activity nested
    /// a hundred thousand levels deep would otherwise be kept and written out recursively until the stack ends.
    /// </summary>
    private static readonly JsonSerializer ActivityReader = JsonSerializer.Create(
        new JsonSerializerSettings(HttpHelper.BotMessageSerializerSettings) { MaxDepth = JsonLimits.MaxDepth });

    private static async Task<(Activity? Activity, string? Problem)> ReadActivityAsync(HttpRequest request)
    {
        Activity? activity;
        try
        {
            // Newtonsoft reads synchronously, which Kestrel forbids on the request stream: buffer first.
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
            buffer.Position = 0;
            using var reader = new StreamReader(buffer);
            using var json = new JsonTextReader(reader) { ArrayPool = Storage.JsonCharPool.Instance };
            activity = ActivityReader.Deserialize<Activity>(json);
        }
        catch (JsonException)
        {
            return (null, "The body is not valid JSON.");
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, "The activity is too large.");
        }

        return activity switch
        {
            null => (null, "The body is empty."),
            { Type: null or "" } => (null, "The activity has no type."),
            { Conversation: null } or { Conversation.Id: null or "" } => (null, "The activity has no conversation id."),
            { ChannelId: null or "" } => (null, "The activity has no channelId."),
            _ when activity.DeliveryMode != DeliveryModes.ExpectReplies && !IsHttpUrl(activity.ServiceUrl)
                => (null, "The activity has no absolute serviceUrl to reply to."),
            _ => (activity, null),
        };
    }

    private static bool IsHttpUrl(string? url)
        => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
