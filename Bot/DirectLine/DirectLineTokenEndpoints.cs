using Microsoft.AspNetCore.Http.HttpResults;
using Newtonsoft.Json.Linq;
using ErrorResult = Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<IqosBot.DirectLine.DirectLineErrorResponse>;

namespace IqosBot.DirectLine;

/// <summary><c>tokens/generate</c>, <c>tokens/refresh</c> and <c>session/getsessionid</c>.</summary>
public static partial class DirectLineEndpoints
{
    /// <summary>With the secret only: a new conversation and a token bound to it (and to the given user, or a new one).</summary>
    private static async Task<Results<JsonHttpResult<DirectLineConversation>, ErrorResult>> GenerateTokenAsync(HttpContext context, DirectLineTokens tokens, IDirectLineStore store)
    {
        if (!context.GetDirectLineCaller().IsSecret)
        {
            return DirectLineResults.Error(StatusCodes.Status403Forbidden, "BadArgument", "Tokens are generated with the Direct Line secret, not with a token.");
        }

        var body = await ReadJsonObjectAsync(context.Request).ConfigureAwait(false);
        var user = body?["user"] as JObject;
        var userId = user?.Value<string>("id") is { Length: > 0 } given ? given : NewUserId();
        var conversationId = NewConversationId();
        await store.CreateAsync(conversationId, userId, user?.Value<string>("name"), null, context.RequestAborted).ConfigureAwait(false);
        return DirectLineResults.Json(new DirectLineConversation(conversationId, tokens.Mint(userId, conversationId), tokens.ExpiresInSeconds));
    }

    /// <summary>With a token only: a fresh one for the same user and conversation.</summary>
    private static Results<JsonHttpResult<DirectLineConversation>, ErrorResult> RefreshToken(HttpContext context, DirectLineTokens tokens)
    {
        if (context.GetDirectLineCaller().Token is not { } token)
        {
            return DirectLineResults.Error(StatusCodes.Status403Forbidden, "BadArgument", "Only a token can be refreshed.");
        }

        return DirectLineResults.Json(new DirectLineConversation(token.ConversationId, tokens.Mint(token.UserId, token.ConversationId), tokens.ExpiresInSeconds));
    }

    /// <summary>Web Chat asks for it; there are no sessions here.</summary>
    private static JsonHttpResult<DirectLineSession> SessionId() => DirectLineResults.Json(new DirectLineSession(""));
}
