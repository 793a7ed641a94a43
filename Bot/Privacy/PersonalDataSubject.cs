using System.Text.RegularExpressions;

namespace IqosBot.Privacy;

/// <summary>
/// Whom a data-subject request is about: an e-mail address, a phone number, a conversation id, or several.
/// Matching is what a person would accept as "theirs": the e-mail in any case, the phone number however it
/// was typed (spaces, dashes, +46 or 0), the conversation with or without its channel.
/// </summary>
public sealed partial record PersonalDataSubject(string? Email, string? Phone, string? Conversation)
{
    /// <summary>The national significant number ("701234567" for +46 70-123 45 67 or 070 123 45 67), or null.</summary>
    public string? PhoneDigits
    {
        get
        {
            if (string.IsNullOrWhiteSpace(Phone))
            {
                return null;
            }

            var digits = new string(Phone.Where(char.IsAsciiDigit).ToArray());
            digits = digits.StartsWith("0046", StringComparison.Ordinal) ? digits[4..]
                : Phone.TrimStart().StartsWith('+') && digits.StartsWith("46", StringComparison.Ordinal) ? digits[2..]
                : digits.TrimStart('0');

            // Shorter runs of digits would match order numbers and dates, not a person.
            return digits.Length >= 7 ? digits : null;
        }
    }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Email) && PhoneDigits is null && string.IsNullOrWhiteSpace(Conversation);

    /// <summary>Whether stored text mentions this person's e-mail or phone number.</summary>
    public bool IsMentionedIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(Email) && MentionsAddress(text, Email.Trim()))
        {
            return true;
        }

        // Each number as typed, its separators dropped: digits of two different numbers never run together.
        return PhoneDigits is { } phone && NumberRun().Matches(text).Any(run => new string(run.Value.Where(char.IsAsciiDigit).ToArray()).EndsWith(phone, StringComparison.Ordinal));
    }

    /// <summary>The address as a whole, in any case: "a@b.se" is not found in "anna@b.se" or "a@b.se.example".</summary>
    private static bool MentionsAddress(string text, string address)
    {
        for (var at = text.IndexOf(address, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(address, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + address.Length;
            var startsWord = at == 0 || !IsAddressChar(text[at - 1]);
            var endsWord = end == text.Length || !(char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '_' || (text[end] == '.' && end + 1 < text.Length && char.IsAsciiLetterOrDigit(text[end + 1])));
            if (startsWord && endsWord)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAddressChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    /// <summary>Seven or more digits with single spaces or dashes between them, optionally after a plus.</summary>
    [GeneratedRegex(@"\+?\d(?:[ \-]?\d){6,}", RegexOptions.None, 200)]
    private static partial Regex NumberRun();
}
