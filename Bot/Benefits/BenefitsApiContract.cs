using System.Text.Json.Serialization;

namespace IqosBot.Benefits;

// The JSON of deployment/benefits-api/openapi.yaml, as the client reads and writes it.

internal sealed record RegistrationRequestBody(
    [property: JsonPropertyName("serial")] string Serial,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("purchaseDate")] DateOnly PurchaseDate,
    [property: JsonPropertyName("ageConfirmed")] bool AgeConfirmed,
    [property: JsonPropertyName("marketingConsent")] bool MarketingConsent,
    [property: JsonPropertyName("language")] string Language);

internal sealed record LookupRequestBody(
    [property: JsonPropertyName("serial")] string Serial,
    [property: JsonPropertyName("email")] string Email);

internal sealed record SerialCheckRequestBody([property: JsonPropertyName("serial")] string Serial);

// "known" is required: a 200 without it is a broken answer, not an unknown serial. A known device without
// a model is broken too; the client checks that, as JsonRequired cannot make a property depend on another.
internal sealed record SerialCheckResponseBody(
    [property: JsonRequired, JsonPropertyName("known")] bool Known,
    [property: JsonPropertyName("model")] string? Model);

internal sealed record RegistrationResponseBody(
    [property: JsonPropertyName("device")] DeviceBody? Device,
    [property: JsonPropertyName("account")] AccountBody? Account);

internal sealed record AccountBody([property: JsonPropertyName("status")] string? Status);

internal sealed record LookupResponseBody(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("device")] DeviceBody? Device,
    [property: JsonPropertyName("model")] string? Model);

// Every field is required (JsonRequired): a 2xx body missing one is a broken answer, not a device with
// coverage dates of 0001-01-01 and no model. Deserialization then fails and the client answers Unavailable.
internal sealed record DeviceBody(
    [property: JsonRequired, JsonPropertyName("model")] string Model,
    [property: JsonRequired, JsonPropertyName("purchaseDate")] DateOnly PurchaseDate,
    [property: JsonRequired, JsonPropertyName("registrationDate")] DateOnly RegistrationDate,
    [property: JsonRequired, JsonPropertyName("warrantyEnd")] DateOnly WarrantyEnd,
    [property: JsonRequired, JsonPropertyName("benefitProgramEnd")] DateOnly BenefitProgramEnd,
    [property: JsonRequired, JsonPropertyName("accidentalDamageEnd")] DateOnly AccidentalDamageEnd,
    [property: JsonRequired, JsonPropertyName("accidentalDamageClaimUsed")] bool AccidentalDamageClaimUsed,
    [property: JsonRequired, JsonPropertyName("moneyBackEnd")] DateOnly MoneyBackEnd);

internal sealed record ProblemBody(
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("title")] string? Title);

internal sealed record ClaimCheckBody(
    [property: JsonPropertyName("serial")] string Serial,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("damage")] string Damage);

internal sealed record ClaimAddressBody(
    [property: JsonPropertyName("street")] string Street,
    [property: JsonPropertyName("postalCode")] string PostalCode,
    [property: JsonPropertyName("city")] string City);

internal sealed record ClaimRequestBody(
    [property: JsonPropertyName("serial")] string Serial,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("damage")] string Damage,
    [property: JsonPropertyName("faultDescription")] string FaultDescription,
    [property: JsonPropertyName("address")] ClaimAddressBody Address,
    [property: JsonPropertyName("language")] string Language);

internal sealed record ClaimEligibilityBody(
    [property: JsonRequired, JsonPropertyName("eligible")] bool Eligible,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonRequired, JsonPropertyName("model")] string Model);

internal sealed record ClaimCreatedBody(
    [property: JsonRequired, JsonPropertyName("caseNumber")] string CaseNumber,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonRequired, JsonPropertyName("model")] string Model);

/// <summary>A 422 <c>not-eligible</c> problem's extension members, beside the usual <see cref="ProblemBody"/>.</summary>
internal sealed record ClaimProblemBody(
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("model")] string? Model);
