using System.Text.Json.Serialization;

namespace IqosBot.Benefits.Contract;

// The response bodies of openapi.yaml (components/schemas), named as there, in the order they travel.
// The sandbox writes every member the contract requires. JsonRequired marks what the bot's client refuses
// to do without when it reads a 2xx body (a body missing it is broken, and the client answers "unavailable"
// rather than act on a default such as 0001-01-01); nullable members are those it reads without.
// Members that only one shape of an answer has are left out when null (JsonIgnore WhenWritingNull).

/// <summary>Schema DeviceCoverage: a registered device's dates and claim state, as the CRM computed them.</summary>
public sealed record DeviceCoverage(
    [property: JsonRequired, JsonPropertyName("model")] string Model,
    [property: JsonRequired, JsonPropertyName("purchaseDate")] DateOnly PurchaseDate,
    [property: JsonRequired, JsonPropertyName("registrationDate")] DateOnly RegistrationDate,
    [property: JsonRequired, JsonPropertyName("warrantyEnd")] DateOnly WarrantyEnd,
    [property: JsonRequired, JsonPropertyName("benefitProgramEnd")] DateOnly BenefitProgramEnd,
    [property: JsonRequired, JsonPropertyName("accidentalDamageEnd")] DateOnly AccidentalDamageEnd,
    [property: JsonRequired, JsonPropertyName("accidentalDamageClaimUsed")] bool AccidentalDamageClaimUsed,
    [property: JsonRequired, JsonPropertyName("moneyBackEnd")] DateOnly MoneyBackEnd);

/// <summary>Schema Account; <c>status</c> is one of <see cref="AccountStatuses"/>.</summary>
public sealed record Account([property: JsonPropertyName("status")] string? Status);

/// <summary>Schema RegistrationResponse: the 201 (registered) and the 200 (already this account's) of a registration.</summary>
public sealed record RegistrationResponse(
    [property: JsonPropertyName("device")] DeviceCoverage? Device,
    [property: JsonPropertyName("account")] Account? Account);

/// <summary>
/// Schema CoverageLookupResponse, by its <c>status</c> (<see cref="CoverageLookupStatuses"/>): <c>registered</c>
/// with the device's coverage, or <c>notRegistered</c> with the model.
/// </summary>
public sealed record CoverageLookupResponse(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("device"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DeviceCoverage? Device,
    [property: JsonPropertyName("model"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Model)
{
    public static CoverageLookupResponse Registered(DeviceCoverage device) => new(CoverageLookupStatuses.Registered, device, null);

    public static CoverageLookupResponse NotRegistered(string model) => new(CoverageLookupStatuses.NotRegistered, null, model);
}

/// <summary>
/// Schema DeviceCheckResponse: <c>{"known":true,"model":"..."}</c> or <c>{"known":false}</c>, never anything
/// about a registration. <c>known</c> is required: a 200 without it is a broken answer, not an unknown serial.
/// A known device without a model is broken too; the client checks that, as JsonRequired cannot make one
/// member depend on another.
/// </summary>
public sealed record DeviceCheckResponse(
    [property: JsonRequired, JsonPropertyName("known")] bool Known,
    [property: JsonPropertyName("model"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Model);

/// <summary>Schema ClaimEligibilityResponse; <c>reason</c> (<see cref="ClaimRefusalReasons"/>) exactly when not eligible.</summary>
public sealed record ClaimEligibilityResponse(
    [property: JsonRequired, JsonPropertyName("eligible")] bool Eligible,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonRequired, JsonPropertyName("model")] string Model);

/// <summary>Schema ClaimCreated: the 201 of <c>POST /v1/claims</c>.</summary>
public sealed record ClaimCreated(
    [property: JsonRequired, JsonPropertyName("caseNumber")] string CaseNumber,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonRequired, JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("createdAt")] DateTimeOffset? CreatedAt);

/// <summary>
/// Schema Problem (RFC 7807), and NotEligibleProblem when <c>reason</c> and <c>model</c> are set (422
/// <c>not-eligible</c>). Clients branch on <c>code</c> (<see cref="ProblemCodes"/>); title and detail are for
/// people, and detail never holds an e-mail address or a serial. Every member is optional when read: a
/// client must make what it can of any error body.
/// </summary>
public sealed record Problem(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null,
    [property: JsonPropertyName("model"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Model = null);
