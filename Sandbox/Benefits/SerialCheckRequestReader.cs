using System.Text.Json;

namespace IqosBot.Sandbox.Benefits;

/// <summary>Checks a serial check body: one <c>serial</c>, normalized as the CRM matches serials.</summary>
internal static class SerialCheckRequestReader
{
    public static (string? Serial, ApiResponse? Problem) Read(JsonElement body)
    {
        var serial = JsonBody.String(body, "serial") is { } rawSerial ? SerialNumber.Normalize(rawSerial) : null;
        return serial is { Length: > 0 and <= SerialNumber.MaxLength }
            ? (serial, null)
            : (null, Problems.BadRequest("Missing or malformed fields: serial."));
    }
}
