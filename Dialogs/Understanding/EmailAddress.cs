using IqosBot.Benefits.Contract;

namespace IqosBot.Dialogs.Understanding;

/// <summary>Validates and masks the account e-mail a customer types.</summary>
public static class EmailAddress
{
    /// <summary>Trimmed, with the angle brackets or "mailto:" some clients add removed; null when it is not an address.</summary>
    public static string? Normalize(string? text)
    {
        var candidate = (text ?? string.Empty).Trim().Trim('<', '>', '.', ',').Replace("mailto:", string.Empty, StringComparison.OrdinalIgnoreCase);

        // The benefits API's own rule, deliberately simple (one @, a dot in the domain, no spaces, at most 254
        // characters), so an address accepted here is never refused by the API; the account system has the last word.
        return EmailAddressFormat.IsWellFormed(candidate) ? candidate : null;
    }

    /// <summary>The address in a message, also inside a sentence ("min mejl är anna@example.com, tack"); the last one when there are two.</summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaximumScan)
        {
            return null;
        }

        string? found = null;
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Contains('@', StringComparison.Ordinal) && Normalize(word.Trim('!', '?', ':', ';', '"', '\'', '(', ')')) is { } address)
            {
                found = address;
            }
        }

        return found;
    }

    /// <summary>Longer messages are not answers to "what is your e-mail?"; they are not searched for one.</summary>
    private const int MaximumScan = 2000;

    /// <summary>"anna.svensson@example.com" → "a•••n@example.com".</summary>
    public static string Mask(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0)
        {
            return new string('•', email.Length);
        }

        var local = email[..at];
        var masked = local.Length <= 2 ? new string('•', local.Length) : $"{local[0]}•••{local[^1]}";
        return masked + email[at..];
    }
}
