using System.Net.Mail;

namespace IqosBot.Sandbox.Benefits;

/// <summary>How the CRM compares e-mail addresses: trimmed and case-insensitively, so it stores them lower-cased.</summary>
internal static class EmailAddress
{
    /// <summary>RFC 5321's limit on a forward path.</summary>
    public const int MaxLength = 254;

    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    /// <summary>
    /// A plain address (local@domain.tld), as a registration form accepts it. MailAddress alone would also
    /// take display names ("Anna &lt;anna@example.com&gt;") and dotless domains, which no CRM can mail.
    /// </summary>
    public static bool IsValid(string normalized) =>
        normalized.Length <= MaxLength
        && MailAddress.TryCreate(normalized, out var address)
        && string.Equals(address.Address, normalized, StringComparison.Ordinal)
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.StartsWith('.')
        && !address.Host.EndsWith('.');
}
