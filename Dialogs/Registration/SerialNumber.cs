using System.Text;

namespace IqosBot.Dialogs.Registration;

/// <summary>
/// Device serial numbers as customers type them. The bot only pre-checks loosely (letters and digits,
/// 8–20 characters): the real format is the benefits API's business, and it rejects unknown serials.
/// </summary>
public static class SerialNumber
{
    /// <summary>Spaces and dashes removed, upper case: "ilp1-a2b3 c4d5" → "ILP1A2B3C4D5".</summary>
    public static string Normalize(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in (text ?? string.Empty).Trim())
        {
            if (c is not (' ' or '-' or '\u2013'))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    public static bool LooksPlausible(string normalized)
        => normalized.Length is >= 8 and <= 20 && normalized.All(char.IsAsciiLetterOrDigit) && normalized.Any(char.IsAsciiDigit);

    /// <summary>"ILP1A2B3C4D5" → "ILP1•••••C4D5": enough for the customer to recognise, too little to reuse.</summary>
    public static string Mask(string normalized)
        => normalized.Length <= 8 ? new string('•', normalized.Length) : normalized[..4] + new string('•', normalized.Length - 8) + normalized[^4..];
}
