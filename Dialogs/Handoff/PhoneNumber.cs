using System.Text;
using System.Text.RegularExpressions;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Handoff;

/// <summary>Swedish phone numbers as customers type them: "070-123 45 67", "+46 70 123 45 67", "08-123 456 78".</summary>
public static partial class PhoneNumber
{
    /// <summary>
    /// The phone number in a message as the customer typed it, also inside a sentence ("ring mig på 070-123 45 67");
    /// the last one when there are two; null when there is none.
    /// </summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaximumScan)
        {
            return null;
        }

        string? found = null;
        var start = -1;
        for (var index = 0; index <= text.Length; index++)
        {
            var c = index < text.Length ? text[index] : '\n';
            var partOfNumber = char.IsAsciiDigit(c) || (start >= 0 && c is ' ' or '-' or '(' or ')' or '/' or '\u2013');
            if (start < 0 && (char.IsAsciiDigit(c) || c == '+'))
            {
                start = index;
            }
            else if (start >= 0 && !partOfNumber)
            {
                var typed = text[start..index].Trim(' ', '-', '(', ')', '/', '\u2013');
                if (Normalize(typed) is not null)
                {
                    found = typed;
                }

                start = -1;
            }
        }

        return found;
    }

    /// <summary>Longer messages are not answers to "which number?"; they are not searched for one.</summary>
    private const int MaximumScan = 2000;

    /// <summary>The number in international form ("+46701234567"), or null when it is not a Swedish number.</summary>
    public static string? Normalize(string? text)
    {
        var digits = new StringBuilder();
        var trimmed = (text ?? string.Empty).Trim();

        // A phone number however typed is short; a longer text is not read as one.
        if (trimmed.Length > 40)
        {
            return null;
        }
        for (var index = 0; index < trimmed.Length; index++)
        {
            var c = trimmed[index];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '+' && index == 0)
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '(' or ')' or '/' or '\u2013'))
            {
                return null;
            }
        }

        var raw = digits.ToString();

        // "050505-1234" is a personal identity number's shape, not how Swedes write a phone number.
        if (SensitiveNumbers.Contains(trimmed) && IsPersonalNumberShape(trimmed))
        {
            return null;
        }

        string? national;
        if (raw.StartsWith("+46", StringComparison.Ordinal) || raw.StartsWith("0046", StringComparison.Ordinal))
        {
            national = raw[(raw[0] == '+' ? 3 : 4)..];

            // A leading 0 after the country code is a common slip: "+46 070 ...".
            if (national.StartsWith('0'))
            {
                national = national[1..];
            }
        }
        else
        {
            national = raw.StartsWith('0') && !raw.StartsWith("00", StringComparison.Ordinal) ? raw[1..] : null;
        }

        // Swedish numbers have 7–9 digits after the trunk prefix 0 (area code included).
        return national is { Length: >= 7 and <= 9 } && national[0] != '0' ? "+46" + national : null;
    }

    /// <summary>"+46701234567" → "+4670•••••67": enough to recognise in a log line, too little to dial.</summary>
    public static string Mask(string normalized)
        => normalized.Length <= 7 ? new string('•', normalized.Length) : normalized[..5] + new string('•', normalized.Length - 7) + normalized[^2..];

    private static bool IsPersonalNumberShape(string text)
    {
        try
        {
            return PersonalNumberShape().IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    [GeneratedRegex(@"^(?:19|20)?\d{6}[-+]\d{4}$", RegexOptions.None, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PersonalNumberShape();
}
