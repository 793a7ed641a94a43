using System.Text.Json;
using IqosBot.Benefits.Contract;

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
        Create(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "Unauthorized", "Send a valid API key in the X-Api-Key header.");

    public static ApiResponse BadRequest(string detail) =>
        Create(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, "Validation failed", detail);

    public static ApiResponse Unprocessable(string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, ProblemCodes.ValidationFailed, "Validation failed", detail);

    public static ApiResponse UnknownSerial() =>
        Create(StatusCodes.Status404NotFound, ProblemCodes.UnknownSerial, "Unknown serial number", "No device with this serial number exists.");

    public static ApiResponse RegisteredToAnotherAccount() =>
        Create(StatusCodes.Status409Conflict, ProblemCodes.RegisteredToAnotherAccount, "Registered to another account",
            "This device is already registered to another account.");

    public static ApiResponse InvalidPurchaseDate(string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, ProblemCodes.InvalidPurchaseDate, "Invalid purchase date", detail);

    public static ApiResponse NotFound() =>
        Create(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Not found", "No device matching this serial number and e-mail address was found.");

    public static ApiResponse IdempotencyKeyReused() =>
        Create(StatusCodes.Status422UnprocessableEntity, ProblemCodes.IdempotencyKeyReused, "Idempotency key reused",
            "This Idempotency-Key was already used with a different request body. Use a new key for a new request.");

    public static ApiResponse RateLimited() =>
        Create(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited, "Too many requests", "Too many requests for this API key. Retry after the time given in Retry-After.");

    /// <summary>
    /// A claim the CRM refuses for this device: <c>reason</c> is one of <see cref="ClaimRefusalReasons"/> and
    /// <c>model</c> the device's, which this caller may know (the device is theirs or registered to nobody).
    /// </summary>
    public static ApiResponse NotEligible(string reason, string model) =>
        Create(StatusCodes.Status422UnprocessableEntity, ProblemCodes.NotEligible, "Not eligible", "This device is not eligible for this claim; see reason.", reason, model);

    private static ApiResponse Create(int status, string code, string title, string detail, string? reason = null, string? model = null) =>
        new(status, ContentType, JsonSerializer.Serialize(new Problem(TypeBase + code, title, status, detail, code, reason, model), BenefitsApiJson.Options));
}
