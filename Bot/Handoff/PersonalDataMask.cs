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
            text = LongNumber().Replace(text, match => new string('•', match.Value.Count(char.IsAsciiDigit) - 2) + match.Value[^2..]);
            return Serial().Replace(text, match => SerialNumber.Mask(match.Value.ToUpperInvariant()));
        }
        catch (RegexMatchTimeoutException)
        {
            // Too hostile to mask in time: the agent sees that something was there, not what.
            return new string('•', Math.Min(text.Length, 40));
        }
    }

    [GeneratedRegex(@"[^\s@<>""'()\[\],;:]{1,64}@[^\s@<>""'()\[\],;:]+\.[A-Za-z]{2,}", RegexOptions.NonBacktracking, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex Email();

    /// <summary>10+ digits, possibly grouped: personnummer (YYMMDD-XXXX and longer) and card numbers. Phone numbers stay readable (they are shorter or written with a leading 0/+ and are asked for by agents).</summary>
    [GeneratedRegex(@"(?<![\d+])(?:(?:19|20)?\d{6}[-+]\d{4}|(?:19|20)\d{10}|\d(?:[ -]?\d){12,18})(?!\d)", RegexOptions.None, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex LongNumber();

    /// <summary>Letter-and-digit words of 8–20 characters with at least one digit and one letter, as serials are.</summary>
    [GeneratedRegex(@"\b(?=[A-Za-z0-9]{0,19}\d)(?=[A-Za-z0-9]{0,19}[A-Za-z])[A-Za-z0-9]{8,20}\b", RegexOptions.None, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex Serial();
}
