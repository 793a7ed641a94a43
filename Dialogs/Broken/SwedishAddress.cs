using System.Text.RegularExpressions;
using IqosBot.Dialogs.Registration;

namespace IqosBot.Dialogs.Broken;

/// <summary>
/// Loose checks of a Swedish delivery address as typed: enough to catch a slip (a postcode with four
/// digits, a phone number in the street field), never a judgement on whether the address exists.
/// </summary>
public static partial class SwedishAddress
{
    /// <summary>"storgatan 12 B" → "Storgatan 12 B"; null when it has no letters, is too long, or holds a personal/card number.</summary>
    public static string? Street(string? text)
    {
        var street = Collapse(text);
        if (street.Length is < 3 or > 100 || !street.Any(char.IsLetter) || SensitiveNumbers.Contains(street) || street.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        return char.ToUpperInvariant(street[0]) + street[1..];
    }

    /// <summary>"12345", "123 45", "SE-123 45" → "123 45"; null otherwise. Swedish postcodes never start with 0.</summary>
    public static string? PostalCode(string? text)
    {
        var match = PostalCodeShape().Match(Collapse(text));
        return match.Success ? $"{match.Groups["first"].Value} {match.Groups["last"].Value}" : null;
    }

    /// <summary>"malmö" → "Malmö"; letters, spaces and hyphens only, 2–50 characters.</summary>
    public static string? City(string? text)
    {
        var city = Collapse(text);
        if (city.Length is < 2 or > 50 || !city.All(c => char.IsLetter(c) || c is ' ' or '-'))
        {
            return null;
        }

        return string.Join(' ', city.Split(' ').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
    }

    private static string Collapse(string? text) => WhiteSpace().Replace((text ?? string.Empty).Trim(), " ");

    [GeneratedRegex(@"^(?:SE-?\s?)?(?<first>[1-9]\d{2})\s?(?<last>\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex PostalCodeShape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
