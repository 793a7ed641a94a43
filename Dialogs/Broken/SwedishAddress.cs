using System.Text.RegularExpressions;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Understanding;

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
        var match = TryMatch(PostalCodeShape(), Collapse(text));
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

    /// <summary>
    /// Every part of an address a line holds: "Storgatan 1, 111 22 Stockholm" gives all three, "111 22 Malmö" the
    /// postcode and town, "Storgatan 1" the street. What is before a postcode is the street, what follows it the
    /// town; without a postcode a comma separates them.
    /// </summary>
    public static AddressParts Read(string? text)
    {
        var line = Collapse(text);
        if (line.Length is 0 or > MaximumLine)
        {
            return new AddressParts(null, null, null);
        }

        var match = TryMatch(PostalCodeInLine(), line);
        if (match.Success)
        {
            var before = line[..match.Index].Trim(' ', ',');
            var after = line[(match.Index + match.Length)..].Trim(' ', ',');
            return new AddressParts(
                before.Length == 0 ? null : Street(before),
                $"{match.Groups["first"].Value} {match.Groups["last"].Value}",
                after.Length == 0 ? null : City(after));
        }

        var comma = line.LastIndexOf(',');
        if (comma > 0 && City(line[(comma + 1)..]) is { } city && Street(line[..comma]) is { } street && LooksLikeStreet(street))
        {
            return new AddressParts(street, null, city);
        }

        return new AddressParts(LooksLikeStreet(line) ? Street(line) : null, null, null);
    }

    /// <summary>
    /// A line on its own is a street when it has a house number, or a few words one of which names a street
    /// ("Byvägen", "Lilla gränd"): "hur når jag kundtjänst?" or "hmm what" at the street question is not an address.
    /// </summary>
    private static bool LooksLikeStreet(string line)
    {
        if (line.Any(char.IsDigit))
        {
            return true;
        }

        var words = TextNormalizer.Tokens(line);
        return words.Length <= 4 && !line.Contains('?', StringComparison.Ordinal)
               && words.Any(word => StreetEndings.Any(ending => word.EndsWith(ending, StringComparison.Ordinal)));
    }

    /// <summary>Folded endings of Swedish and English street names.</summary>
    private static readonly string[] StreetEndings =
    [
        "gatan", "gata", "vagen", "vag", "grand", "granden", "stigen", "torget", "alle", "allen", "backe", "backen", "platsen", "gard", "garden",
        "road", "street", "lane", "avenue",
    ];

    /// <summary>A match, or none when the text was too hostile to read in time.</summary>
    private static Match TryMatch(Regex regex, string text)
    {
        try
        {
            return regex.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return Match.Empty;
        }
    }

    /// <summary>An address line is short; a longer message is not one.</summary>
    private const int MaximumLine = 200;

    private static string Collapse(string? text) => WhiteSpace().Replace((text ?? string.Empty).Trim(), " ");

    [GeneratedRegex(@"^(?:SE-?\s?)?(?<first>[1-9]\d{2})\s?(?<last>\d{2})$", RegexOptions.IgnoreCase, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PostalCodeShape();

    /// <summary>A postcode inside a line: five digits, or three and two, not part of a longer number.</summary>
    [GeneratedRegex(@"(?<![\d-])(?:SE-?\s?)?(?<first>[1-9]\d{2})\s?(?<last>\d{2})(?!\d)", RegexOptions.IgnoreCase, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PostalCodeInLine();

    [GeneratedRegex(@"\s+", RegexOptions.None, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex WhiteSpace();
}

/// <summary>The parts of a delivery address found in one message; null where the message did not hold that part.</summary>
public sealed record AddressParts(string? Street, string? PostalCode, string? City);
