using System.Globalization;
using System.Text;
using IqosBot.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IqosBot.DirectLine;

/// <summary>
/// A self-hosted Direct Line 3.0 under <c>/v3/directline</c>, enough for the unmodified Web Chat
/// (DirectLineJS): tokens, conversations, activities (REST polling and the WebSocket stream), uploads.
/// The upload route is in DirectLineUploadEndpoint.cs.
/// </summary>
public static partial class DirectLineEndpoints
{
    public const string RoutePrefix = "/v3/directline";

    /// <summary>The channel id the bot sees, as with Azure Direct Line.</summary>
    public const string ChannelId = "directline";

    /// <summary>An activity body is at most 256 KB on Azure; allow headroom for channel data.</summary>
    private const long MaxActivityBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(RoutePrefix);
        group.MapPost("/tokens/generate", GenerateTokenAsync).RequireRateLimiting(RateLimitPolicies.Tokens);
        group.MapPost("/tokens/refresh", RefreshTokenAsync);
        group.MapPost("/conversations", StartConversationAsync).RequireRateLimiting(RateLimitPolicies.Conversations);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).RequireRateLimiting(RateLimitPolicies.Activities);
        group.MapPost("/conversations/{conversationId}/upload", UploadAsync).RequireRateLimiting(RateLimitPolicies.Uploads);
        group.Map("/conversations/{conversationId}/stream", StreamAsync);
        group.MapGet("/session/getsessionid", (HttpContext context, DirectLineTokens tokens) =>
            Authenticate(context, tokens, BearerOf(context)).Problem ?? Json(StatusCodes.Status200OK, new JObject { ["sessionId"] = "" }));
        return endpoints;
    }

    private static async Task<IResult> GenerateTokenAsync(HttpContext context, DirectLineTokens tokens, DirectLineStore store)
    {
        var (caller, problem) = Authenticate(context, tokens, BearerOf(context));
        if (problem is not null)
        {
            return problem;
        }

        if (!caller.IsSecret)
        {
            return Error(StatusCodes.Status403Forbidden, "BadArgument", "Tokens are generated with the Direct Line secret, not with a token.");
        }

        var body = await ReadJsonObjectAsync(context.Request).ConfigureAwait(false);
        var user = body?["user"] as JObject;
        var userId = user?.Value<string>("id") is { Length: > 0 } given ? given : NewUserId();
        var conversationId = NewConversationId();
        await store.CreateAsync(conversationId, userId, user?.Value<string>("name"), null, context.RequestAborted).ConfigureAwait(false);
        return Json(StatusCodes.Status200OK, new JObject
        {
            ["conversationId"] = conversationId,
            ["token"] = tokens.Mint(userId, conversationId),
            ["expires_in"] = tokens.ExpiresInSeconds,
        });
    }

    private static IResult RefreshTokenAsync(HttpContext context, DirectLineTokens tokens)
    {
        var (caller, problem) = Authenticate(context, tokens, BearerOf(context));
        if (problem is not null)
        {
            return problem;
        }

        if (caller.Token is not { } token)
        {
            return Error(StatusCodes.Status403Forbidden, "BadArgument", "Only a token can be refreshed.");
        }

        return Json(StatusCodes.Status200OK, new JObject
        {
            ["conversationId"] = token.ConversationId,
            ["token"] = tokens.Mint(token.UserId, token.ConversationId),
            ["expires_in"] = tokens.ExpiresInSeconds,
        });
    }

    private static async Task<IResult> StartConversationAsync(
        HttpContext context, DirectLineTokens tokens, DirectLineStore store, DirectLineTurnQueue turns, DirectLineAdapter adapter)
    {
        var (caller, problem) = Authenticate(context, tokens, BearerOf(context));
        if (problem is not null)
        {
            return problem;
        }

        var body = await ReadJsonObjectAsync(context.Request).ConfigureAwait(false);
        var user = body?["user"] as JObject;
        var locale = body?.Value<string>("locale") is { Length: > 0 } requested ? requested : null;

        string conversationId;
        string userId;
        if (caller.Token is { } token)
        {
            // The token names the conversation (tokens/generate created it) and the user.
            conversationId = token.ConversationId;
            userId = token.UserId;
        }
        else
        {
            // With the secret, the client picks the user id; "dl_" ids are only ever given by tokens.
            conversationId = NewConversationId();
            userId = user?.Value<string>("id") is { Length: > 0 } given && !given.StartsWith("dl_", StringComparison.Ordinal) ? given : NewUserId();
        }

        await store.CreateAsync(conversationId, userId, user?.Value<string>("name"), locale, context.RequestAborted).ConfigureAwait(false);
        var record = await store.FindAsync(conversationId, context.RequestAborted).ConfigureAwait(false);
        var started = await store.TryMarkStartedAsync(conversationId, locale, context.RequestAborted).ConfigureAwait(false);
        if (started)
        {
            // One conversationUpdate with the bot and the user, so the welcome is in the log before the
            // client's first poll or socket. The response does not wait for the turn.
            var member = new ChannelAccount(userId, record?.UserName, RoleTypes.User);
            var update = new Activity
            {
                Type = ActivityTypes.ConversationUpdate,
                Id = "cu-" + conversationId,
                Timestamp = DateTimeOffset.UtcNow,
                ChannelId = ChannelId,
                ServiceUrl = ServiceUrl(context.Request),
                Conversation = new ConversationAccount(id: conversationId),
                From = member,
                Recipient = adapter.BotAccount,
                MembersAdded = [adapter.BotAccount, member],
                Locale = locale ?? record?.Locale,
            };
            _ = turns.Enqueue(conversationId, update, ResponseSent(context));
        }

        return Json(started ? StatusCodes.Status201Created : StatusCodes.Status200OK, ConversationBody(context.Request, tokens, conversationId, userId, watermark: null));
    }

    private static async Task<IResult> ReconnectAsync(string conversationId, string? watermark, HttpContext context, DirectLineTokens tokens, DirectLineStore store)
    {
        var (access, problem) = await AccessAsync(context, tokens, store, conversationId, BearerOf(context)).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        return Json(StatusCodes.Status200OK, ConversationBody(context.Request, tokens, conversationId, access.UserId, string.IsNullOrEmpty(watermark) ? null : watermark));
    }

    private static async Task<IResult> GetActivitiesAsync(string conversationId, string? watermark, HttpContext context, DirectLineTokens tokens, DirectLineStore store, DirectLineHub hub)
    {
        var (_, problem) = await AccessAsync(context, tokens, store, conversationId, BearerOf(context)).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var (activities, next) = await hub.ReadAsync(conversationId, ParseWatermark(watermark), context.RequestAborted).ConfigureAwait(false);
        return Results.Content(DirectLineHub.ActivitySet(activities, next), "application/json", Encoding.UTF8, StatusCodes.Status200OK);
    }

    private static async Task<IResult> PostActivityAsync(
        string conversationId, HttpContext context, DirectLineTokens tokens, DirectLineStore store, DirectLineHub hub, DirectLineTurnQueue turns, DirectLineAdapter adapter)
    {
        var (access, problem) = await AccessAsync(context, tokens, store, conversationId, BearerOf(context)).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxActivityBytes;
        }

        Activity? activity;
        try
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            activity = DirectLineHub.Deserialize(await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false));
        }
        catch (JsonException)
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is not a valid activity.");
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "The activity is too large.");
        }

        return await AcceptAsync(context, hub, turns, adapter, conversationId, access, activity).ConfigureAwait(false);
    }

    private static async Task StreamAsync(string conversationId, string? t, string? watermark, HttpContext context, DirectLineTokens tokens, DirectLineStore store, DirectLineStream stream)
    {
        // Browsers cannot set headers on a WebSocket, so the token comes in the URL.
        var credential = string.IsNullOrEmpty(t) ? BearerOf(context) : t;
        var (_, problem) = await AccessAsync(context, tokens, store, conversationId, credential).ConfigureAwait(false);
        if (problem is not null)
        {
            await problem.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Error(StatusCodes.Status400BadRequest, "BadArgument", "This is the Direct Line stream: connect with a WebSocket.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        await stream.RunAsync(socket, conversationId, ParseWatermark(watermark), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Echoes the user's activity into the log (with the server's id, time and identities) and queues the bot's turn for after the response.</summary>
    private static async Task<IResult> AcceptAsync(HttpContext context, DirectLineHub hub, DirectLineTurnQueue turns, DirectLineAdapter adapter, string conversationId, Access access, Activity? activity)
    {
        if (activity is null || string.IsNullOrEmpty(activity.Type))
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The activity has no type.");
        }

        if (DirectLineLimits.AttachmentProblem(activity) is { } attachmentProblem)
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", attachmentProblem);
        }

        // As Azure does: the channel, the ids and the identities are the server's; channelData
        // (Web Chat's clientActivityID) is left exactly as sent.
        activity.From = new ChannelAccount(access.UserId, activity.From?.Name ?? access.UserName, RoleTypes.User);
        activity.Recipient = adapter.BotAccount;
        activity.Conversation = new ConversationAccount(id: conversationId);
        activity.ServiceUrl = null;
        activity.ReplyToId = null;

        var responseSent = ResponseSent(context);
        var serviceUrl = ServiceUrl(context.Request);
        var id = await hub.AppendAsync(
            conversationId,
            activity,
            persist: activity.Type != ActivityTypes.Typing,
            whileOrdered: echoId =>
            {
                var turnActivity = DirectLineHub.Deserialize(DirectLineHub.Serialize(activity))!;
                turnActivity.ServiceUrl = serviceUrl;
                _ = turns.Enqueue(conversationId, turnActivity, responseSent);
            },
            context.RequestAborted).ConfigureAwait(false);
        return Json(StatusCodes.Status200OK, new JObject { ["id"] = id });
    }

    private readonly record struct Caller(bool IsSecret, DirectLineToken? Token);

    private sealed record Access(string UserId, string? UserName);

    private static (Caller Caller, IResult? Problem) Authenticate(HttpContext context, DirectLineTokens tokens, string? credential)
    {
        if (string.IsNullOrEmpty(credential))
        {
            return (default, Error(StatusCodes.Status401Unauthorized, "MissingToken", "Send the Direct Line secret or a token as 'Authorization: Bearer …'."));
        }

        if (tokens.IsSecret(credential))
        {
            return (new Caller(true, null), null);
        }

        return tokens.TryRead(credential, out var token) switch
        {
            TokenProblem.None => (new Caller(false, token), null),
            TokenProblem.Expired => (default, Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; refresh it before it does.")),
            _ => (default, Error(StatusCodes.Status403Forbidden, "BadToken", "The secret or token is not valid.")),
        };
    }

    private static async Task<(Access Access, IResult? Problem)> AccessAsync(HttpContext context, DirectLineTokens tokens, DirectLineStore store, string conversationId, string? credential)
    {
        var (caller, problem) = Authenticate(context, tokens, credential);
        if (problem is not null)
        {
            return (null!, problem);
        }

        if (caller.Token is { } token && token.ConversationId != conversationId)
        {
            return (null!, Error(StatusCodes.Status403Forbidden, "BadToken", "The token is for another conversation."));
        }

        var record = await store.FindAsync(conversationId, context.RequestAborted).ConfigureAwait(false);
        if (record is null)
        {
            return (null!, Error(StatusCodes.Status404NotFound, "NotFound", "The conversation does not exist or has ended."));
        }

        return (new Access(caller.Token?.UserId ?? record.UserId, record.UserName), null);
    }

    private static JObject ConversationBody(HttpRequest request, DirectLineTokens tokens, string conversationId, string userId, string? watermark)
    {
        var token = tokens.Mint(userId, conversationId);
        return new JObject
        {
            ["conversationId"] = conversationId,
            ["token"] = token,
            ["expires_in"] = tokens.ExpiresInSeconds,
            ["streamUrl"] = StreamUrl(request, conversationId, token, watermark),
        };
    }

    /// <summary>An absolute ws:// or wss:// URL as the client reached this server, proxies included.</summary>
    internal static string StreamUrl(HttpRequest request, string conversationId, string token, string? watermark)
    {
        var (scheme, host) = PublicOrigin(request);
        var url = new StringBuilder()
            .Append(scheme == "https" ? "wss" : "ws").Append("://").Append(host)
            .Append(request.PathBase.Value).Append(RoutePrefix)
            .Append("/conversations/").Append(Uri.EscapeDataString(conversationId))
            .Append("/stream?t=").Append(Uri.EscapeDataString(token));
        if (!string.IsNullOrEmpty(watermark))
        {
            url.Append("&watermark=").Append(Uri.EscapeDataString(watermark));
        }

        return url.ToString();
    }

    private static string ServiceUrl(HttpRequest request)
    {
        var (scheme, host) = PublicOrigin(request);
        return $"{scheme}://{host}{request.PathBase.Value}{RoutePrefix}/";
    }

    private static (string Scheme, string Host) PublicOrigin(HttpRequest request)
    {
        var scheme = FirstValue(request.Headers["X-Forwarded-Proto"].ToString())?.ToLowerInvariant() ?? request.Scheme;
        var host = FirstValue(request.Headers["X-Forwarded-Host"].ToString()) ?? request.Host.Value ?? "localhost";
        return (scheme, host);
    }

    private static string? FirstValue(string header)
        => header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    private static string? BearerOf(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

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

    private static IResult Json(int status, JObject body)
        => Results.Content(body.ToString(Formatting.None), "application/json", Encoding.UTF8, status);

    private static IResult Error(int status, string code, string message)
        => Json(status, new JObject { ["error"] = new JObject { ["code"] = code, ["message"] = message } });
}
