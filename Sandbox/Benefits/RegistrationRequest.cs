using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IqosBot.Sandbox.Benefits;

/// <summary>A registration as the CRM understands it: serial and e-mail address already normalized.</summary>
internal sealed record RegistrationRequest(
    string Serial,
    string Email,
    DateOnly PurchaseDate,
    bool MarketingConsent,
    string Language)
{
    /// <summary>
    /// What "the same body" means for an Idempotency-Key: the same registration once normalized, so a retry
    /// that spells the serial with dashes or reorders the JSON is still a retry. Hashed, because the table
    /// that keeps it outlives the request and should not be one more copy of customers' e-mail addresses.
    /// </summary>
    public string Fingerprint()
    {
        var canonical = string.Join(
            '\n',
            Serial,
            Email,
            PurchaseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            MarketingConsent ? "1" : "0",
            Language);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
