namespace IqosBot.Dialogs.Benefits;

/// <summary>
/// The benefits API as the dialogs see it (a port; the HTTP client in Bot/ is its adapter). It decides
/// everything about a device: whether a serial exists, coverage dates, eligibility. Failures come back
/// as <see cref="RegistrationStatus.Unavailable"/> / <see cref="CoverageStatus.Unavailable"/>, never as exceptions.
/// </summary>
public interface IBenefitsApi
{
    /// <param name="idempotencyKey">The same key for retries of one registration, so it never happens twice.</param>
    Task<RegistrationResult> RegisterAsync(DeviceRegistration registration, string idempotencyKey, CancellationToken cancellationToken);

    Task<CoverageResult> LookUpCoverageAsync(string serial, string email, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a device with this serial exists (and its model), asked as soon as a customer gives a serial so
    /// that a typo is caught before any other question. It says nothing about whether or to whom it is registered.
    /// </summary>
    Task<SerialCheckResult> CheckSerialAsync(string serial, CancellationToken cancellationToken);
}

public enum SerialCheckStatus
{
    Known,
    Unknown,

    /// <summary>The API could not be asked: the journey goes on, and the later call has the last word.</summary>
    Unavailable,
}

public sealed record SerialCheckResult(SerialCheckStatus Status, string? Model = null);

/// <summary>What the customer gave in the registration dialog. Age 18+ is confirmed before this is ever built.</summary>
public sealed record DeviceRegistration(string Serial, string Email, DateOnly PurchaseDate, bool MarketingConsent, string Language);

/// <summary>A registered device's dates and claim state, as the API computed them.</summary>
public sealed record DeviceCoverage(
    string Model,
    DateOnly PurchaseDate,
    DateOnly RegistrationDate,
    DateOnly WarrantyEnd,
    DateOnly BenefitProgramEnd,
    DateOnly AccidentalDamageEnd,
    bool AccidentalDamageClaimUsed,
    DateOnly MoneyBackEnd);

public enum RegistrationStatus
{
    Registered,
    AlreadyRegistered,
    UnknownSerial,
    RegisteredToAnotherAccount,
    InvalidPurchaseDate,
    Unavailable,
}

public sealed record RegistrationResult(RegistrationStatus Status, DeviceCoverage? Device = null, bool AccountPendingActivation = false);

public enum CoverageStatus
{
    Registered,
    NotRegistered,

    /// <summary>Unknown serial, or a serial registered to another e-mail: the API does not say which.</summary>
    NotFound,
    Unavailable,
}

public sealed record CoverageResult(CoverageStatus Status, DeviceCoverage? Device = null, string? Model = null);

/// <summary>
/// Replacement and accidental-damage claims through the benefits API (a port, like <see cref="IBenefitsApi"/>).
/// The API decides eligibility; the bot only asks and reports. Failures come back as
/// <see cref="ClaimDecision.Unavailable"/> / <see cref="ClaimStatus.Unavailable"/>, never as exceptions.
/// </summary>
public interface IClaimsApi
{
    /// <summary>May this device get this kind of claim? Asked before the customer gives an address.</summary>
    Task<ClaimEligibility> CheckClaimAsync(ClaimCheck check, CancellationToken cancellationToken);

    /// <param name="idempotencyKey">The same key for retries of one claim, so it is never created twice.</param>
    Task<ClaimResult> CreateClaimAsync(ClaimRequest request, string idempotencyKey, CancellationToken cancellationToken);
}

public enum ClaimKind
{
    /// <summary>A defect covered by the warranty: a new device.</summary>
    WarrantyReplacement,

    /// <summary>The one accidental-damage claim per device.</summary>
    AccidentalDamage,
}

/// <summary>What happened, for an accident; None for a defect.</summary>
public enum DamageKind
{
    None,
    Dropped,
    Liquid,
    Cracked,
    Other,
}

public sealed record ClaimCheck(string Serial, string Email, ClaimKind Kind, DamageKind Damage);

public enum ClaimDecision
{
    Eligible,
    NotRegistered,

    /// <summary>Unknown serial, or a serial registered to another e-mail: the API does not say which.</summary>
    NotFound,
    WarrantyExpired,
    AccidentalCoverExpired,
    AccidentalClaimUsed,

    /// <summary>The terms exclude this damage (liquid, opened, cosmetic only).</summary>
    DamageExcluded,
    Unavailable,
}

public sealed record ClaimEligibility(ClaimDecision Decision, string? Model = null);

/// <summary>A Swedish delivery address: street and number, five-digit postcode, city.</summary>
public sealed record ShippingAddress(string Street, string PostalCode, string City);

/// <param name="FaultDescription">The diagnosis in words: the symptom, the model, the steps tried.</param>
public sealed record ClaimRequest(string Serial, string Email, ClaimKind Kind, DamageKind Damage, string FaultDescription, ShippingAddress Address, string Language);

public enum ClaimStatus
{
    Created,

    /// <summary>The API refused at creation (eligibility changed since the check); see <see cref="ClaimResult.RefusedBecause"/>.</summary>
    Refused,
    Unavailable,
}

public sealed record ClaimResult(ClaimStatus Status, string? CaseNumber = null, ClaimDecision? RefusedBecause = null, string? Model = null);
