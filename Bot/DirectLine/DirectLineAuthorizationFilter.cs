namespace IqosBot.DirectLine;

/// <summary>
/// The check in front of every Direct Line route, as Azure's: the secret or a valid token as
/// <c>Authorization: Bearer …</c> (401 without one, 403 when it is wrong or expired); on a conversation's
/// routes a token must be that conversation's (403) and the conversation must exist (404). What it
/// established is in <see cref="DirectLineCallerAccessor"/> for the handler.
/// </summary>
internal sealed class DirectLineAuthorizationFilter(DirectLineTokens tokens, IDirectLineStore store) : IEndpointFilter
{
    /// <summary>The route value that makes a route a conversation's.</summary>
    public const string ConversationIdRouteValue = "conversationId";

    /// <summary>
    /// Metadata of the stream route: browsers cannot set headers on a WebSocket, so its token comes in the
    /// URL (<c>?t=</c>). Every other route takes the credential from the header only.
    /// </summary>
    public static object CredentialInUrl { get; } = new CredentialInUrlMetadata();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(next);
        var context = invocation.HttpContext;
        var credential = CredentialOf(context);
        if (string.IsNullOrEmpty(credential))
        {
            return DirectLineResults.Error(StatusCodes.Status401Unauthorized, "MissingToken", "Send the Direct Line secret or a token as 'Authorization: Bearer …'.");
        }

        DirectLineCaller caller;
        if (tokens.IsSecret(credential))
        {
            caller = DirectLineCaller.Secret;
        }
        else
        {
            switch (tokens.TryRead(credential, out var token))
            {
                case TokenProblem.None:
                    caller = new DirectLineCaller(token);
                    break;
                case TokenProblem.Expired:
                    return DirectLineResults.Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; refresh it before it does.");
                default:
                    return DirectLineResults.Error(StatusCodes.Status403Forbidden, "BadToken", "The secret or token is not valid.");
            }
        }

        context.SetDirectLineCaller(caller);
        if (context.GetRouteValue(ConversationIdRouteValue) is string conversationId)
        {
            if (caller.Token is { } bound && bound.ConversationId != conversationId)
            {
                return DirectLineResults.Error(StatusCodes.Status403Forbidden, "BadToken", "The token is for another conversation.");
            }

            var record = await store.FindAsync(conversationId, context.RequestAborted).ConfigureAwait(false);
            if (record is null)
            {
                return DirectLineResults.Error(StatusCodes.Status404NotFound, "NotFound", "The conversation does not exist or has ended.");
            }

            context.SetDirectLineAccess(new DirectLineAccess(caller.Token?.UserId ?? record.UserId, record.UserName));
        }

        return await next(invocation).ConfigureAwait(false);
    }

    private static string? CredentialOf(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<CredentialInUrlMetadata>() is not null
            && context.Request.Query["t"].ToString() is { Length: > 0 } inUrl)
        {
            return inUrl;
        }

        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private sealed class CredentialInUrlMetadata;
}
