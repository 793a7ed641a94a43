using System.Text.Json;
using IqosBot.Benefits.Contract;

namespace IqosBot.Sandbox.Benefits;

/// <summary>Checks a serial check body: one <c>serial</c>, normalized as the CRM matches serials.</summary>
internal static class SerialCheckRequestReader
{
    public static (DeviceCheckRequest? Request, ApiResponse? Problem) Read(JsonElement body) =>
        JsonBody.Serial(body) is { } serial
            ? (new DeviceCheckRequest(serial), null)
            : (null, Problems.BadRequest("Missing or malformed fields: serial."));
}
