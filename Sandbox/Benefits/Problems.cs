namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// The contract's RFC 7807 errors. Written by hand rather than with Results.Problem, which adds a traceId:
/// the two "not found" bodies of a coverage lookup must be byte-identical, and no body may differ by
/// anything that could tell an unknown serial from somebody else's device.
/// Details are fixed sentences: they never echo an e-mail address or a serial back.
/// </summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    private const string TypeBase = "https://benefits.example.com/problems/";

    public static ApiResponse Unauthorized() =>
        Create(StatusCodes.Status401Unauthorized, "unauthorized", "Unauthorized", "Send a valid API key in the X-Api-Key header.");

    public static ApiResponse BadRequest(string detail) =>
        Create(StatusCodes.Status400BadRequest, "validation-failed", "Validation failed", detail);

    public static ApiResponse Unprocessable(string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, "validation-failed", "Validation failed", detail);

    public static ApiResponse UnknownSerial() =>
        Create(StatusCodes.Status404NotFound, "unknown-serial", "Unknown serial number", "No device with this serial number exists.");

    public static ApiResponse RegisteredToAnotherAccount() =>
        Create(StatusCodes.Status409Conflict, "registered-to-another-account", "Registered to another account",
            "This device is already registered to another account.");

    public static ApiResponse InvalidPurchaseDate(string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, "invalid-purchase-date", "Invalid purchase date", detail);

    public static ApiResponse NotFound() =>
        Create(StatusCodes.Status404NotFound, "not-found", "Not found", "No device matching this serial number and e-mail address was found.");

    public static ApiResponse IdempotencyKeyReused() =>
        Create(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "Idempotency key reused",
            "This Idempotency-Key was already used with a different request body. Use a new key for a new request.");

    public static ApiResponse RateLimited() =>
        Create(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests", "Too many requests for this API key. Retry after the time given in Retry-After.");

    /// <summary>
    /// A claim the CRM refuses for this device: <c>reason</c> is one of the eligibility reasons and <c>model</c>
    /// the device's, which this caller may know (the device is theirs or registered to nobody).
    /// </summary>
    public static ApiResponse NotEligible(string reason, string model) =>
        new(StatusCodes.Status422UnprocessableEntity, ContentType, WireJson.Serialize(new ClaimProblem(
            TypeBase + "not-eligible", "Not eligible", StatusCodes.Status422UnprocessableEntity,
            "This device is not eligible for this claim; see reason.", "not-eligible", reason, model)));

    private static ApiResponse Create(int status, string code, string title, string detail) =>
        new(status, ContentType, WireJson.Serialize(new Problem(TypeBase + code, title, status, detail, code)));

    private sealed record Problem(string Type, string Title, int Status, string Detail, string Code);

    private sealed record ClaimProblem(string Type, string Title, int Status, string Detail, string Code, string Reason, string Model);
}
