using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IqosBot.Benefits.Contract;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// What "the same body" means for an Idempotency-Key: the same request once normalized, so a retry that
/// spells the serial with dashes or reorders the JSON is still a retry. Hashed, because the table that keeps
/// it outlives the request and should not be one more copy of customers' e-mail and delivery addresses.
/// A claim's is prefixed, so a key first used for a registration can never match a claim.
/// </summary>
internal static class Fingerprints
{
    /// <param name="request">Serial and e-mail address normalized; age confirmed (nothing else gets this far).</param>
    public static string Of(RegistrationRequest request) => Hash(
        request.Serial,
        request.Email,
        request.PurchaseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        request.MarketingConsent ? "1" : "0",
        request.Language);

    /// <param name="claim">Every field normalized and checked.</param>
    public static string Of(ClaimRequest claim) => Hash(
        "claim",
        claim.Serial,
        claim.Email,
        claim.Kind,
        claim.Damage,
        claim.FaultDescription,
        claim.Address.Street,
        claim.Address.PostalCode,
        claim.Address.City,
        claim.Language);

    private static string Hash(params string[] canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', canonical))));
}
