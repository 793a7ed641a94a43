using System.Text.RegularExpressions;
using IqosBot.Dialogs.Choices;

namespace IqosBot.Dialogs.Understanding;

/// <summary>
/// Spots a Swedish personal identity number (personnummer) or a payment card number typed by mistake,
/// so the bot can refuse it without storing or echoing it.
/// </summary>
public static partial class SensitiveNumbers
{
    /// <remarks>A text too hostile to read in time counts as holding one: it is then neither stored nor echoed.</remarks>
    public static bool Contains(string? text)
    {
        try
        {
            return ContainsAny(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static bool ContainsAny(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (Match match in PersonalNumber().Matches(text))
        {
            var digits = match.Groups["date"].Value[^6..] + match.Groups["tail"].Value;
            if (PassesLuhn(digits))
            {
                return true;
            }
        }

        foreach (Match match in CardNumber().Matches(text))
        {
            var digits = new string(match.Value.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length is >= 13 and <= 19 && PassesLuhn(digits))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with every personal identity or card number replaced, for anything that keeps customer text (a transcript).</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return RedactAll(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // Too hostile to read in time: nothing of it is kept.
            return Removed;
        }
    }

    private static string RedactAll(string text)
    {
        text = PersonalNumber().Replace(text, match => PassesLuhn(match.Groups["date"].Value[^6..] + match.Groups["tail"].Value) ? Removed : match.Value);
        return CardNumber().Replace(text, match =>
        {
            var digits = new string(match.Value.Where(char.IsAsciiDigit).ToArray());
            return digits.Length is >= 13 and <= 19 && PassesLuhn(digits) ? Removed : match.Value;
        });
    }

    private const string Removed = "[•••]";

    /// <summary>The check digit of personnummer and card numbers alike.</summary>
    private static bool PassesLuhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = digits[i] - '0';
            if (doubleIt)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>YYMMDD-XXXX, YYMMDD+XXXX, YYYYMMDDXXXX, YYYYMMDD-XXXX, and the separator with spaces around it or as an en dash: "811218 – 9876".</summary>
    [GeneratedRegex(@"(?<!\d)(?<date>(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?:[ \u00A0]{0,3}[-+\u2010-\u2015\u2212][ \u00A0]{0,3}|[ \u00A0]{1,3})?(?<tail>\d{4})(?!\d)", RegexOptions.None, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PersonalNumber();

    /// <summary>13–19 digits, optionally grouped by spaces or dashes.</summary>
    [GeneratedRegex(@"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)", RegexOptions.None, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex CardNumber();
}
