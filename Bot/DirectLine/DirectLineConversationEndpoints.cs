using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace IqosBot.DirectLine;

/// <summary>Starting a conversation (<c>POST conversations</c>) and reconnecting to one (<c>GET conversations/{id}</c>).</summary>
public static partial class DirectLineEndpoints
{
    /// <summary>201 the first time, with the welcome turn queued; 200 when the token's conversation had already started.</summary>
    private static async Task<JsonHttpResult<DirectLineConversation>> StartConversationAsync(
        HttpContext context, DirectLineTokens tokens, IDirectLineStore store, DirectLineTurnQueue turns)
    {
        var body = await ReadJsonObjectAsync(context.Request).ConfigureAwait(false);
        var user = body?["user"] as JObject;
        var locale = body?.Value<string>("locale") is { Length: > 0 } requested ? requested : null;

        string conversationId;
        string userId;
        if (context.GetDirectLineCaller().Token is { } token)
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
        var started = await store.TryMarkStartedAsync(conversationId, locale, context.RequestAborted).ConfigureAwait(false);
        if (started)
        {
            // One conversationUpdate with the bot and the user, so the welcome is in the log before the client's
            // first poll or socket. The response does not wait for the turn; the store remembers it is owed.
            _ = turns.EnqueueWelcome(conversationId, ServiceUrl(context.Request), ResponseSent(context));
        }

        var conversation = Conversation(context.Request, tokens, conversationId, userId, watermark: null);
        return DirectLineResults.Json(conversation, started ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>A fresh token and a stream URL that resumes after <paramref name="watermark"/>.</summary>
    private static JsonHttpResult<DirectLineConversation> Reconnect(string conversationId, string? watermark, HttpContext context, DirectLineTokens tokens)
    {
        var access = context.GetDirectLineAccess();
        return DirectLineResults.Json(Conversation(context.Request, tokens, conversationId, access.UserId, string.IsNullOrEmpty(watermark) ? null : watermark));
    }

    private static DirectLineConversation Conversation(HttpRequest request, DirectLineTokens tokens, string conversationId, string userId, string? watermark)
    {
        var token = tokens.Mint(userId, conversationId);
        return new DirectLineConversation(conversationId, token, tokens.ExpiresInSeconds, StreamUrl(request, conversationId, token, watermark));
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
}
