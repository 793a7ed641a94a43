using System.Text.Json.Serialization;

namespace IqosBot.Benefits.Contract;

// The request bodies of openapi.yaml (components/schemas), named as there. The bot's client writes them;
// the sandbox reads bodies field by field (each malformed field gets the contract's own error) and builds
// these from what it accepted, serial and e-mail address normalized.

/// <summary>Schema RegistrationRequest: <c>POST /v1/registrations</c>.</summary>
public sealed record RegistrationRequest(
    [property: JsonPropertyName("serial")] string Serial,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("purchaseDate")] DateOnly PurchaseDate,
    [property: JsonPropertyName("ageConfirmed")] bool AgeConfirmed,
    [property: JsonPropertyName("marketingConsent")] bool MarketingConsent,
    [property: JsonPropertyName("language")] string Language);

/// <summary>Schema CoverageLookupRequest: <c>POST /v1/coverage/lookup</c>.</summary>
public sealed record CoverageLookupRequest(
    [property: JsonPropertyName("serial")] string Serial,
    [property: JsonPropertyName("email")] string Email);

/// <summary>Schema DeviceCheckRequest: <c>POST /v1/devices/check</c>.</summary>
public sealed record DeviceCheckRequest([property: JsonPropertyName("serial")] string Serial);

/// <summary>Schema ClaimEligibilityRequest: <c>POST /v1/claims/eligibility</c>. Kind and damage are <see cref="ClaimKinds"/> and <see cref="DamageKinds"/>.</summary>
public sealed record ClaimEligibilityRequest(
    [property: JsonPropertyName("serial")] string Serial,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("damage")] string Damage);

/// <summary>Schema ShippingAddress: a Swedish delivery address.</summary>
public sealed record ShippingAddress(
    [property: JsonPropertyName("street")] string Street,
    [property: JsonPropertyName("postalCode")] string PostalCode,
    [property: JsonPropertyName("city")] string City);

/// <summary>Schema ClaimRequest: <c>POST /v1/claims</c>.</summary>
public sealed record ClaimRequest(
    [property: JsonPropertyName("serial")] string Serial,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("damage")] string Damage,
    [property: JsonPropertyName("faultDescription")] string FaultDescription,
    [property: JsonPropertyName("address")] ShippingAddress Address,
    [property: JsonPropertyName("language")] string Language);
