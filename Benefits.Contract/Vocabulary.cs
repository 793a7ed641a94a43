namespace IqosBot.Benefits.Contract;

// The words of the contract's enums, as they travel. Clients branch on them; they never change meaning.

/// <summary>A problem's <c>code</c> (schema Problem).</summary>
public static class ProblemCodes
{
    public const string Unauthorized = "unauthorized";
    public const string ValidationFailed = "validation-failed";
    public const string UnknownSerial = "unknown-serial";
    public const string RegisteredToAnotherAccount = "registered-to-another-account";
    public const string InvalidPurchaseDate = "invalid-purchase-date";
    public const string NotFound = "not-found";
    public const string IdempotencyKeyReused = "idempotency-key-reused";
    public const string RateLimited = "rate-limited";
    public const string NotEligible = "not-eligible";
}

/// <summary>The language the CRM writes to the customer in.</summary>
public static class Languages
{
    public const string Swedish = "sv";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Swedish, English];
}

/// <summary>An account's <c>status</c> (schema Account).</summary>
public static class AccountStatuses
{
    public const string Active = "active";

    /// <summary>Created by the registration, to be activated from an e-mail the CRM sends.</summary>
    public const string PendingActivation = "pendingActivation";
}

/// <summary>A coverage lookup's <c>status</c> (schema CoverageLookupResponse).</summary>
public static class CoverageLookupStatuses
{
    public const string Registered = "registered";
    public const string NotRegistered = "notRegistered";
}

/// <summary>Schema ClaimKind.</summary>
public static class ClaimKinds
{
    /// <summary>A defect covered by the warranty.</summary>
    public const string WarrantyReplacement = "warranty-replacement";

    /// <summary>The device's one accidental-damage claim.</summary>
    public const string AccidentalDamage = "accidental-damage";

    public static IReadOnlyList<string> All { get; } = [WarrantyReplacement, AccidentalDamage];
}

/// <summary>Schema DamageKind: what happened, for an accident; <see cref="None"/> for a defect.</summary>
public static class DamageKinds
{
    public const string None = "none";
    public const string Dropped = "dropped";
    public const string Liquid = "liquid";
    public const string Cracked = "cracked";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [None, Dropped, Liquid, Cracked, Other];
}

/// <summary>Schema ClaimRefusalReason: why a device may not get a claim.</summary>
public static class ClaimRefusalReasons
{
    public const string NotRegistered = "not-registered";
    public const string WarrantyExpired = "warranty-expired";
    public const string AccidentalCoverExpired = "accidental-cover-expired";
    public const string AccidentalClaimUsed = "accidental-claim-used";
    public const string DamageExcluded = "damage-excluded";
}
