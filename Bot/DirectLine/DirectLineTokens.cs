using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IqosBot.DirectLine;

/// <summary>What a valid token says: who the user is, which conversation it opens, and until when.</summary>
public sealed record DirectLineToken(string UserId, string ConversationId, DateTimeOffset ExpiresAt);

/// <summary>Why a bearer credential was refused.</summary>
public enum TokenProblem
{
    None,
    Malformed,
    BadSignature,
    Expired,
}

/// <summary>
/// Mints and checks tokens shaped like a JWT (<c>header.payload.signature</c>, base64url), with the
/// payload <c>{"user","conv","exp"}</c> that Web Chat reads without checking the signature. The server
/// always checks it: HMAC-SHA256 with a key derived from the Direct Line secret.
/// </summary>
public sealed class DirectLineTokens
{
    private static readonly byte[] HeaderBytes = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");
    private readonly byte[] _key;
    private readonly byte[] _secret;
    private readonly TimeProvider _time;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        Lifetime = options.Value.TokenLifetime;
        _secret = Encoding.UTF8.GetBytes(options.Value.Secret);
        _key = HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes("IqosBot.DirectLine token signing key v1"));
    }

    public TimeSpan Lifetime { get; }

    public int ExpiresInSeconds => (int)Math.Max(1, Math.Round(Lifetime.TotalSeconds));

    /// <summary>The secret itself, compared in constant time.</summary>
    public bool IsSecret(string credential)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential), _secret);

    public string Mint(string userId, string conversationId)
    {
        var expires = _time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        var payload = new JObject { ["user"] = userId, ["conv"] = conversationId, ["exp"] = expires };
        var signingInput = Base64Url(HeaderBytes) + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToString(Formatting.None)));
        return signingInput + "." + Base64Url(Sign(signingInput));
    }

    public TokenProblem TryRead(string credential, out DirectLineToken? token)
    {
        token = null;
        var parts = credential.Split('.');
        if (parts.Length != 3)
        {
            return TokenProblem.Malformed;
        }

        byte[] signature;
        JObject payload;
        try
        {
            signature = FromBase64Url(parts[2]);
            payload = JObject.Parse(Encoding.UTF8.GetString(FromBase64Url(parts[1])));
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return TokenProblem.Malformed;
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(parts[0] + "." + parts[1])))
        {
            return TokenProblem.BadSignature;
        }

        var user = payload.Value<string>("user");
        var conversation = payload.Value<string>("conv");
        var exp = payload["exp"]?.Type == JTokenType.Integer ? payload.Value<long>("exp") : (long?)null;
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(conversation) || exp is null)
        {
            return TokenProblem.Malformed;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(exp.Value);
        if (expiresAt <= _time.GetUtcNow())
        {
            return TokenProblem.Expired;
        }

        token = new DirectLineToken(user, conversation, expiresAt);
        return TokenProblem.None;
    }

    private byte[] Sign(string signingInput) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput));

    private static string Base64Url(byte[] bytes)
        => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += (base64.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException("Not base64url.") };
        return Convert.FromBase64String(base64);
    }
}
