using System.Text.Json;
using System.Text.Json.Serialization;

namespace IqosBot.Sandbox.Benefits;

// The response bodies of deployment/benefits-api/openapi.yaml, exactly as they travel (camelCase,
// dates as YYYY-MM-DD). Requests are read field by field instead (RegistrationRequestReader,
// CoverageLookupRequestReader, SerialCheckRequestReader) so that each malformed field gets the contract's own error.

internal sealed record DeviceCoverage(
    string Model,
    DateOnly PurchaseDate,
    DateOnly RegistrationDate,
    DateOnly WarrantyEnd,
    DateOnly BenefitProgramEnd,
    DateOnly AccidentalDamageEnd,
    bool AccidentalDamageClaimUsed,
    DateOnly MoneyBackEnd);

internal sealed record AccountSummary(string Status);

internal sealed record RegistrationResult(DeviceCoverage Device, AccountSummary Account);

internal sealed record RegisteredLookupResult(DeviceCoverage Device)
{
    // First on the wire, so a reader sees which shape it holds before the rest.
    [JsonPropertyOrder(-1)]
    public string Status => "registered";
}

internal sealed record NotRegisteredLookupResult(string Model)
{
    [JsonPropertyOrder(-1)]
    public string Status => "notRegistered";
}

/// <summary>
/// The answer of <c>POST /v1/devices/check</c>: <c>{"known":true,"model":"..."}</c> or <c>{"known":false}</c>,
/// never anything about a registration.
/// </summary>
internal sealed record DeviceCheckResult(
    bool Known,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Model);

/// <summary>The answer of <c>POST /v1/claims/eligibility</c>; <c>reason</c> only when not eligible.</summary>
internal sealed record ClaimEligibilityResult(
    bool Eligible,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    string Model);

/// <summary>The 201 of <c>POST /v1/claims</c>.</summary>
internal sealed record ClaimCreatedResult(string CaseNumber, string Kind, string Model, DateTimeOffset CreatedAt);

internal static class AccountStatus
{
    public const string Active = "active";
    public const string PendingActivation = "pendingActivation";
}

internal static class WireJson
{
    /// <summary>
    /// One set of options for every body, so that a stored idempotent response and a fresh one are
    /// byte-for-byte what the same request would get.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
