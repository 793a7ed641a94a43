using IqosBot.DirectLine;
using IqosBot.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IqosBot.WebChat;

/// <summary>
/// <c>POST /api/webchat/token</c> for the chat page: creates a Direct Line conversation for a new user
/// <c>dl_&lt;guid&gt;</c> and returns a token bound to it. The Direct Line secret never leaves the server.
/// </summary>
public static class WebChatTokenEndpoint
{
    public const string Route = "/api/webchat/token";

    public static IEndpointRouteBuilder MapWebChatToken(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(Route, CreateAsync).RequireRateLimiting(RateLimitPolicies.Tokens);
        return endpoints;
    }

    private static async Task<Ok<WebChatToken>> CreateAsync(HttpContext context, DirectLineTokens tokens, IDirectLineStore store)
    {
        var userId = "dl_" + Guid.NewGuid().ToString("N");
        var conversationId = Guid.NewGuid().ToString("N");
        await store.CreateAsync(conversationId, userId, userName: null, locale: null, context.RequestAborted).ConfigureAwait(false);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new WebChatToken(tokens.Mint(userId, conversationId), conversationId, userId, tokens.ExpiresInSeconds));
    }
}

/// <summary>What the page gets: a conversation-bound Direct Line token, never the secret.</summary>
public sealed record WebChatToken(string Token, string ConversationId, string UserId, int ExpiresIn);
