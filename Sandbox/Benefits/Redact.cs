using System.Security.Cryptography;
using System.Text;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// What logs may say about a serial or an e-mail address: a short hash prefix, enough to follow one
/// customer's requests through the log, never the value itself (logs are kept and shipped further than the CRM).
/// </summary>
internal static class Redact
{
    public static string Hash(string normalizedValue)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalizedValue), hash);
        return Convert.ToHexStringLower(hash[..4]);
    }
}
