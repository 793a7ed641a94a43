using System.Net;
using System.Text.Json;

namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>What the sandbox answered: status, media type, headers and the body exactly as sent.</summary>
public sealed record SandboxReply(HttpStatusCode Status, string? MediaType, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The problem's code, for a problem+json reply.</summary>
    public string? Code => MediaType == "application/problem+json" ? Json.GetProperty("code").GetString() : null;

    public JsonElement Device => Json.GetProperty("device");

    public string Date(string name) => Device.GetProperty(name).GetString()!;

    public static async Task<SandboxReply> ReadAsync(HttpResponseMessage response)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(header => header.Key, header => string.Join(",", header.Value), StringComparer.OrdinalIgnoreCase);
        return new SandboxReply(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), headers);
    }
}
