using System.Text.Json;
using IqosBot.Benefits.Contract;
using System.Text.RegularExpressions;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// Checks claim bodies against the contract. A body that does not fit the schema (a field missing or of the
/// wrong JSON type, a kind, damage or language outside its enum, an address that is not an object) is 400;
/// a body that fits but whose values are refused (a postcode that is not Swedish, a blank or over-long
/// street, city or fault description) is 422. Details name the fields, never their values.
/// </summary>
internal static partial class ClaimRequestReader
{
    public const int MaxFaultDescriptionLength = 1000;
    public const int MaxStreetLength = 100;
    public const int MaxCityLength = 60;

    public static (ClaimEligibilityRequest? Request, ApiResponse? Problem) ReadCheck(JsonElement body)
    {
        var missing = new List<string>();
        var check = ReadCheck(body, missing);
        return missing.Count > 0 ? (null, Missing(missing)) : (check, null);
    }

    public static (ClaimRequest? Request, ApiResponse? Problem) ReadClaim(JsonElement body)
    {
        var missing = new List<string>();
        var check = ReadCheck(body, missing);

        var fault = JsonBody.String(body, "faultDescription");
        if (fault is null)
        {
            missing.Add("faultDescription");
        }

        string? street = null, postalCode = null, city = null;
        if (!body.TryGetProperty("address", out var address) || address.ValueKind != JsonValueKind.Object)
        {
            missing.Add("address");
        }
        else
        {
            street = Required(address, "street", "address.street", missing);
            postalCode = Required(address, "postalCode", "address.postalCode", missing);
            city = Required(address, "city", "address.city", missing);
        }

        var language = JsonBody.String(body, "language");
        if (language is null || !Languages.All.Contains(language, StringComparer.Ordinal))
        {
            missing.Add("language (sv or en)");
        }

        if (missing.Count > 0)
        {
            return (null, Missing(missing));
        }

        var refused = new List<string>();
        fault = fault!.Trim();
        if (fault.Length is 0 or > MaxFaultDescriptionLength)
        {
            refused.Add($"faultDescription must be 1 to {MaxFaultDescriptionLength} characters");
        }

        street = street!.Trim();
        if (street.Length is 0 or > MaxStreetLength)
        {
            refused.Add($"address.street must be 1 to {MaxStreetLength} characters");
        }

        city = city!.Trim();
        if (city.Length is 0 or > MaxCityLength)
        {
            refused.Add($"address.city must be 1 to {MaxCityLength} characters");
        }

        var postcode = SwedishPostcode().Match(postalCode!.Trim());
        if (!postcode.Success)
        {
            refused.Add("address.postalCode must be a Swedish postcode of five digits (\"123 45\" or \"12345\")");
        }

        if (refused.Count > 0)
        {
            return (null, Problems.Unprocessable(string.Join("; ", refused) + "."));
        }

        var normalizedPostcode = postcode.Groups[1].Value + " " + postcode.Groups[2].Value;
        return (new ClaimRequest(check!.Serial, check.Email, check.Kind, check.Damage, fault, new ShippingAddress(street, normalizedPostcode, city), language!), null);
    }

    private static ClaimEligibilityRequest? ReadCheck(JsonElement body, List<string> missing)
    {
        var (serial, email) = JsonBody.SerialAndEmail(body, missing);

        var kind = JsonBody.String(body, "kind");
        if (kind is null || !ClaimKinds.All.Contains(kind, StringComparer.Ordinal))
        {
            missing.Add("kind (warranty-replacement or accidental-damage)");
        }

        var damage = JsonBody.String(body, "damage");
        if (damage is null || !DamageKinds.All.Contains(damage, StringComparer.Ordinal))
        {
            missing.Add("damage (none, dropped, liquid, cracked or other)");
        }

        return missing.Count > 0 ? null : new ClaimEligibilityRequest(serial!, email!, kind!, damage!);
    }

    private static string? Required(JsonElement address, string name, string label, List<string> missing)
    {
        var value = JsonBody.String(address, name);
        if (value is null)
        {
            missing.Add(label);
        }

        return value;
    }

    private static ApiResponse Missing(List<string> missing) =>
        Problems.BadRequest($"Missing or malformed fields: {string.Join(", ", missing)}.");

    // ASCII digits only: \d would also take other scripts' digits.
    [GeneratedRegex("^([0-9]{3}) ?([0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex SwedishPostcode();
}
