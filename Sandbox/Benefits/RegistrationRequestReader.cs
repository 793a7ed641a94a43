using System.Globalization;
using System.Text.Json;
using IqosBot.Benefits.Contract;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// Checks a registration body against the contract. A body that does not fit the schema (a field missing,
/// of the wrong JSON type, a date not written YYYY-MM-DD, a language other than sv/en) is 400; a body that
/// fits but cannot be accepted (an e-mail address that is no address, age not confirmed) is 422.
/// Details name the fields, never their values.
/// </summary>
internal static class RegistrationRequestReader
{
    public static (RegistrationRequest? Request, ApiResponse? Problem) Read(JsonElement body)
    {
        var missing = new List<string>();

        var (serial, email) = JsonBody.SerialAndEmail(body, missing);

        DateOnly purchaseDate = default;
        if (JsonBody.String(body, "purchaseDate") is not { } rawDate
            || !DateOnly.TryParseExact(rawDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out purchaseDate))
        {
            missing.Add("purchaseDate (YYYY-MM-DD)");
        }

        var ageConfirmed = JsonBody.Boolean(body, "ageConfirmed");
        if (ageConfirmed is null)
        {
            missing.Add("ageConfirmed");
        }

        var marketingConsent = JsonBody.Boolean(body, "marketingConsent");
        if (marketingConsent is null)
        {
            missing.Add("marketingConsent");
        }

        var language = JsonBody.String(body, "language");
        if (language is null || !Languages.All.Contains(language, StringComparer.Ordinal))
        {
            missing.Add("language (sv or en)");
        }

        if (missing.Count > 0)
        {
            return (null, Problems.BadRequest($"Missing or malformed fields: {string.Join(", ", missing)}."));
        }

        var refused = new List<string>();
        // The contract's one rule, the one the bot's dialogs accept an address by: what the bot sends is never refused here.
        if (!EmailAddressFormat.IsWellFormed(email!))
        {
            refused.Add("email is not a valid e-mail address");
        }

        if (ageConfirmed != true)
        {
            // Nothing is stored for a refused registration: the customer's data is not kept even as an attempt.
            refused.Add("ageConfirmed must be true: registration is only for adults (18+)");
        }

        if (refused.Count > 0)
        {
            return (null, Problems.Unprocessable(string.Join("; ", refused) + "."));
        }

        return (new RegistrationRequest(serial!, email!, purchaseDate, AgeConfirmed: true, marketingConsent!.Value, language!), null);
    }
}
