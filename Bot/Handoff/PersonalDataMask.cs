using System.Text.RegularExpressions;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Handoff;

/// <summary>
/// Masks what agents do not need to read in clear in a transcript: e-mail addresses, device serial
/// numbers, personal identity and card numbers. Agents see enough to match what the customer says
/// ("the one ending C4D5"), not enough to copy.
/// </summary>
public static partial class PersonalDataMask
{
    public static string? Apply(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        try
        {
            text = Email().Replace(text, match => EmailAddress.Mask(match.Value));

            // Valid personal identity and card numbers go whole, in every form SensitiveNumbers knows (no-break spaces,
            // zero-width characters, dashes, other scripts' digits): agents never need them, and the transcript keeps them
            // as "[•••]" too. What is left of long numbers is masked below, down to the last two digits.
            text = SensitiveNumbers.Redact(text);
            text = LongNumber().Replace(text, MaskAllButLastTwo);
            return Serial().Replace(text, match => SerialNumber.Mask(match.Value.ToUpperInvariant()));
        }
        catch (RegexMatchTimeoutException)
        {
            // Too hostile to mask in time: the agent sees that something was there, not what.
            return new string('•', Math.Min(text.Length, 40));
        }
    }

    /// <summary>
    /// "811218 – 9875" → "••••••••75". Every digit counts, of any script (\d matches Arabic-Indic and full-width digits
    /// too); the match always holds at least ten, and the count is floored at zero all the same so no text can throw here.
    /// </summary>
    private static string MaskAllButLastTwo(Match match)
        => new string('•', Math.Max(0, match.Value.Count(char.IsDigit) - 2)) + match.Value[^2..];

    /// <summary>An e-mail address anywhere in a text (also the insights' unanswered messages, <see cref="Insights.InsightText"/>).</summary>
    [GeneratedRegex(@"[^\s@<>""'()\[\],;:]{1,64}@[^\s@<>""'()\[\],;:]+\.[A-Za-z]{2,}", RegexOptions.NonBacktracking, RegexLimits.TimeoutMilliseconds)]
    internal static partial Regex Email();

    /// <summary>
    /// 10+ digits, possibly grouped, that SensitiveNumbers left (they fail the check digit: a mistyped number is still
    /// someone's): YYMMDD-XXXX and YYYYMMDD-XXXX with any dash or a plus, up to three spaces (plain, no-break, narrow)
    /// around it or in its place, YYYYMMDDXXXX, and card-length runs of 13–19. Phone numbers stay readable (they are
    /// shorter or written with a leading 0/+ and are asked for by agents).
    /// </summary>
    [GeneratedRegex(@"(?<![\d+])(?:(?:19|20)?\d{6}(?:[ \u00A0\u202F]{0,3}[-+\u2010-\u2015\u2212\uFF0D][ \u00A0\u202F]{0,3}|[ \u00A0\u202F]{1,3})\d{4}|(?:19|20)\d{10}|\d(?:(?:[ \u00A0\u202F]{1,3}(?:[-\u2010-\u2015\u2212][ \u00A0\u202F]{0,3})?|[-\u2010-\u2015\u2212][ \u00A0\u202F]{0,3})?\d){12,18})(?!\d)", RegexOptions.None, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex LongNumber();

    /// <summary>Letter-and-digit words of 8–20 characters with at least one digit and one letter, as serials are.</summary>
    [GeneratedRegex(@"\b(?=[A-Za-z0-9]{0,19}\d)(?=[A-Za-z0-9]{0,19}[A-Za-z])[A-Za-z0-9]{8,20}\b", RegexOptions.None, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex Serial();
}
