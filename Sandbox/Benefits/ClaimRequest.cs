using System.Security.Cryptography;
using System.Text;

namespace IqosBot.Sandbox.Benefits;

/// <summary>The claim kinds and damage kinds as the contract spells them.</summary>
internal static class ClaimWire
{
    public const string WarrantyReplacement = "warranty-replacement";
    public const string AccidentalDamage = "accidental-damage";

    public const string NoDamage = "none";
    public const string Liquid = "liquid";

    public static readonly string[] Kinds = [WarrantyReplacement, AccidentalDamage];

    public static readonly string[] Damages = [NoDamage, "dropped", Liquid, "cracked", "other"];
}

/// <summary>Why the CRM refuses a claim: the <c>reason</c> of an eligibility answer and of a 422 <c>not-eligible</c>.</summary>
internal static class ClaimReasons
{
    public const string NotRegistered = "not-registered";
    public const string WarrantyExpired = "warranty-expired";
    public const string AccidentalCoverExpired = "accidental-cover-expired";
    public const string AccidentalClaimUsed = "accidental-claim-used";
    public const string DamageExcluded = "damage-excluded";
}

/// <summary>An eligibility question: serial and e-mail address already normalized.</summary>
internal sealed record ClaimCheckRequest(string Serial, string Email, string Kind, string Damage);

/// <summary>A Swedish delivery address, trimmed; the postcode written "123 45".</summary>
internal sealed record ClaimAddress(string Street, string PostalCode, string City);

/// <summary>A claim as the CRM understands it: every field normalized and checked.</summary>
internal sealed record ClaimRequest(
    string Serial,
    string Email,
    string Kind,
    string Damage,
    string FaultDescription,
    ClaimAddress Address,
    string Language)
{
    public ClaimCheckRequest Check => new(Serial, Email, Kind, Damage);

    /// <summary>
    /// "The same body" for an Idempotency-Key: the same claim once normalized. Hashed, like a registration's,
    /// so the idempotency table keeps no copy of the address; prefixed so that a key first used for a
    /// registration can never match a claim.
    /// </summary>
    public string Fingerprint()
    {
        var canonical = string.Join(
            '\n',
            "claim",
            Serial,
            Email,
            Kind,
            Damage,
            FaultDescription,
            Address.Street,
            Address.PostalCode,
            Address.City,
            Language);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
