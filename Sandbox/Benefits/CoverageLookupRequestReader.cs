using System.Text.Json;
using IqosBot.Benefits.Contract;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// Checks a coverage lookup body. The e-mail address is not syntax-checked: it is only compared, and a
/// lookup that cannot match simply finds nothing, like any other wrong address.
/// </summary>
internal static class CoverageLookupRequestReader
{
    public static (CoverageLookupRequest? Request, ApiResponse? Problem) Read(JsonElement body)
    {
        var missing = new List<string>();

        var (serial, email) = JsonBody.SerialAndEmail(body, missing);

        return missing.Count > 0
            ? (null, Problems.BadRequest($"Missing or malformed fields: {string.Join(", ", missing)}."))
            : (new CoverageLookupRequest(serial!, email!), null);
    }
}
