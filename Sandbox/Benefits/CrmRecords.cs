namespace IqosBot.Sandbox.Benefits;

/// <summary>A device the CRM knows, with its registration if it has one.</summary>
internal sealed record DeviceRecord(string Serial, string Model, RegistrationRecord? Registration);

/// <summary>
/// A device's registration with what its coverage depends on, including the latest purchase date among
/// all devices registered to the same account (the benefit programme runs from that one).
/// </summary>
internal sealed record RegistrationRecord(
    long AccountId,
    string AccountEmail,
    string AccountStatus,
    DateOnly PurchaseDate,
    DateOnly RegistrationDate,
    bool AccidentalDamageClaimUsed,
    DateOnly LatestPurchaseOnAccount);
