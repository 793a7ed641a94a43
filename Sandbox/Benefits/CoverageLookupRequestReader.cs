using System.Text.Json;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// Checks a coverage lookup body. The e-mail address is not syntax-checked: it is only compared, and a
/// lookup that cannot match simply finds nothing, like any other wrong address.
/// </summary>
internal static class CoverageLookupRequestReader
{
    public static (string? Serial, string? Email, ApiResponse? Problem) Read(JsonElement body)
    {
        var missing = new List<string>();

        var serial = JsonBody.String(body, "serial") is { } rawSerial ? SerialNumber.Normalize(rawSerial) : null;
        if (serial is not { Length: > 0 and <= SerialNumber.MaxLength })
        {
            missing.Add("serial");
        }

        var email = JsonBody.String(body, "email") is { } rawEmail ? EmailAddress.Normalize(rawEmail) : null;
        if (email is not { Length: > 0 })
        {
            missing.Add("email");
        }

        return missing.Count > 0
            ? (null, null, Problems.BadRequest($"Missing or malformed fields: {string.Join(", ", missing)}."))
            : (serial, email, null);
    }
}
