namespace IqosBot.DirectLine;

/// <summary>Who called a Direct Line route: the holder of the secret, or of a valid <see cref="Token"/>.</summary>
public sealed record DirectLineCaller(DirectLineToken? Token)
{
    public static DirectLineCaller Secret { get; } = new((DirectLineToken?)null);

    public bool IsSecret => Token is null;
}

/// <summary>On a conversation's routes: the conversation exists, the caller may use it, and as which user.</summary>
public sealed record DirectLineAccess(string UserId, string? UserName);

/// <summary>
/// What <see cref="DirectLineAuthorizationFilter"/> established for this request, for the handlers behind it.
/// Asking where the filter did not run is a programming error, not a refusal.
/// </summary>
internal static class DirectLineCallerAccessor
{
    private static readonly object CallerKey = new();
    private static readonly object AccessKey = new();

    public static DirectLineCaller GetDirectLineCaller(this HttpContext context)
        => Get<DirectLineCaller>(context, CallerKey);

    public static DirectLineAccess GetDirectLineAccess(this HttpContext context)
        => Get<DirectLineAccess>(context, AccessKey);

    public static void SetDirectLineCaller(this HttpContext context, DirectLineCaller caller) => context.Items[CallerKey] = caller;

    public static void SetDirectLineAccess(this HttpContext context, DirectLineAccess access) => context.Items[AccessKey] = access;

    private static T Get<T>(HttpContext context, object key)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(key, out var value) && value is T found
            ? found
            : throw new InvalidOperationException($"No {typeof(T).Name}: the route is not behind the Direct Line authorisation filter.");
    }
}
