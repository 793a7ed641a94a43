using System.Text.Json.Serialization;

namespace IqosBot.DirectLine;

// The Direct Line 3.0 envelopes this server answers with. Every name is spelled out because the wire format
// is DirectLineJS's, not ours: camelCase, except the schema's snake-case expires_in; the property order is
// the order written. Activities are not here: they are Bot Framework JSON, written by Newtonsoft (DirectLineHub).

/// <summary>
/// A conversation and a token for it: the answer to <c>tokens/generate</c> and <c>tokens/refresh</c> (no
/// stream URL) and to starting or reconnecting to a conversation (with the URL of its stream).
/// </summary>
public sealed record DirectLineConversation(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StreamUrl = null);

/// <summary>The id the server gave a posted activity.</summary>
public sealed record DirectLineResourceResponse([property: JsonPropertyName("id")] string Id);

/// <summary><c>session/getsessionid</c>: Web Chat asks; there are no sessions here, so the id is empty.</summary>
public sealed record DirectLineSession([property: JsonPropertyName("sessionId")] string SessionId);

/// <summary>Every refusal: <c>{"error":{"code","message"}}</c>.</summary>
public sealed record DirectLineErrorResponse([property: JsonPropertyName("error")] DirectLineError Error);

/// <summary>A Direct Line error code (MissingToken, BadToken, TokenExpired, BadArgument, NotFound, MessageSizeTooBig) and why.</summary>
public sealed record DirectLineError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);
