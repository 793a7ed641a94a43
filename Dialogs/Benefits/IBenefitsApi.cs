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
}

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
