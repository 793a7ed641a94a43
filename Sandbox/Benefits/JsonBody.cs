using System.Text.Json;
using IqosBot.Benefits.Contract;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// Reads a request body as one JSON object, or answers 400 validation-failed. Bodies are read by hand
/// rather than bound by minimal APIs, whose own failures are bare 400s outside the contract's problem shape.
/// </summary>
internal static class JsonBody
{
    /// <summary>The largest request is a few hundred bytes; anything past this is not a client of the contract.</summary>
    private const int MaxBytes = 16 * 1024;

    public static async Task<(JsonElement? Body, ApiResponse? Problem)> ReadObjectAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, Problems.BadRequest($"The body is larger than {MaxBytes} bytes."));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, Problems.BadRequest("The body is empty; send a JSON object."));
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (null, Problems.BadRequest("The body must be a JSON object."));
        }
        catch (JsonException)
        {
            return (null, Problems.BadRequest("The body is not valid JSON."));
        }
    }

    /// <summary>The <c>serial</c> as the contract matches it; null when missing, not a string, or empty or too long once normalized.</summary>
    public static string? Serial(JsonElement body) =>
        String(body, "serial") is { } raw && SerialNumberFormat.Normalize(raw) is { Length: > 0 and <= SerialNumberFormat.MaxLength } serial ? serial : null;

    /// <summary>The <c>email</c> as the contract compares it; null when missing, not a string, or blank.</summary>
    public static string? Email(JsonElement body) =>
        String(body, "email") is { } raw && EmailAddressFormat.Canonical(raw) is { Length: > 0 } email ? email : null;

    /// <summary>The serial and e-mail every device request starts with; each one absent or malformed is added to <paramref name="missing"/> by its field name.</summary>
    public static (string? Serial, string? Email) SerialAndEmail(JsonElement body, List<string> missing)
    {
        var serial = Serial(body);
        if (serial is null)
        {
            missing.Add("serial");
        }

        var email = Email(body);
        if (email is null)
        {
            missing.Add("email");
        }

        return (serial, email);
    }

    public static string? String(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool? Boolean(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}
