using System.Text.RegularExpressions;
using IqosBot.Dialogs.Choices;

namespace IqosBot.Dialogs.Understanding;

/// <summary>
/// Spots a Swedish personal identity number (personnummer), a coordination number (samordningsnummer) or a payment
/// card number typed by mistake, so the bot can refuse it without storing or echoing it. The patterns read the text
/// folded by <see cref="DigitText"/> (ASCII digits, plain spaces and hyphens, no invisible characters), so a number
/// pasted with no-break spaces, zero-width characters, an en dash or Arabic-Indic digits is found like a typed one.
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

        var folded = DigitText.Of(text).Folded;
        return Valid(PersonalNumber(), folded, IsPersonalNumber).Any() || Valid(CardNumber(), folded, IsCardNumber).Any();
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

    /// <remarks>
    /// Personal numbers go first: "811218-9876 4111 1111 1111 1111" read as one run of digits is no card, and the card
    /// is only seen once the personal number before it is gone. <see cref="Contains"/> agrees: it finds the personal
    /// number, and with none it reads the same text for cards as the second pass here.
    /// </remarks>
    private static string RedactAll(string text)
    {
        var digits = DigitText.Of(text);
        var personal = Spans(PersonalNumber(), digits.Folded, IsPersonalNumber);
        if (personal.Count > 0)
        {
            digits = DigitText.Of(digits.Replace(personal, Removed));
        }

        return digits.Replace(Spans(CardNumber(), digits.Folded, IsCardNumber), Removed);
    }

    private static List<(int Index, int Length)> Spans(Regex pattern, string folded, Func<Match, bool> isValid)
        => Valid(pattern, folded, isValid).Select(match => (match.Index, match.Length)).ToList();

    private static IEnumerable<Match> Valid(Regex pattern, string folded, Func<Match, bool> isValid)
        => pattern.Matches(folded).Where(isValid);

    /// <summary>The check digit covers YYMMDDNNNC: the century, when written, is not part of it.</summary>
    private static bool IsPersonalNumber(Match match) => PassesLuhn(match.Groups["date"].Value[^6..] + match.Groups["tail"].Value);

    private static bool IsCardNumber(Match match)
    {
        var digits = new string(match.Value.Where(char.IsAsciiDigit).ToArray());
        return digits.Length is >= 13 and <= 19 && PassesLuhn(digits);
    }

    private const string Removed = "[•••]";

    /// <summary>The check digit of personnummer and card numbers alike, over ASCII digits (<see cref="DigitText"/> folds every other script's digits first).</summary>
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

    /// <summary>
    /// YYMMDD-XXXX, YYMMDD+XXXX (over 100), YYMMDDXXXX, YYYYMMDD-XXXX, YYYYMMDDXXXX, with up to three spaces on either
    /// side of the dash or up to three in its place ("811218 - 9876", "811218 9876"). The day is 01–31, or 61–91 for a
    /// coordination number (the day of birth plus 60). Every quantifier is bounded and the number cannot start inside a
    /// run of digits, so a match is tried in constant time at each position: linear in the text.
    /// </summary>
    [GeneratedRegex(@"(?<![0-9])(?<date>(?:19|20)?[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]|6[1-9]|[78][0-9]|9[01]))(?: {0,3}[-+] {0,3}| {1,3})?(?<tail>[0-9]{4})(?![0-9])", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PersonalNumber();

    /// <summary>
    /// 13–19 digits, optionally grouped by up to three spaces, a dash, or a dash with spaces around it ("4111 - 1111").
    /// Each separator starts either with a space or with a dash, never both ways, so a failed match gives back at most
    /// one choice per digit: bounded work at each position.
    /// </summary>
    [GeneratedRegex(@"(?<![0-9])[0-9](?:(?: {1,3}(?:- {0,3})?|- {0,3})?[0-9]){12,18}(?![0-9])", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex CardNumber();
}
