using System.Text.RegularExpressions;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Insights;

/// <summary>
/// What the team may keep of a message the bot did not understand: the words, with every e-mail address, serial,
/// phone, personal or card number (anything of five digits or more) and street address replaced by a placeholder.
/// Stricter than the agents' <see cref="Handoff.PersonalDataMask"/>, which keeps phone numbers and partial serials
/// readable because an agent serves that one customer; the team reads many and serves none of them.
/// </summary>
public static partial class InsightText
{
    /// <summary>Long enough for any question; a pasted essay is cut.</summary>
    public const int MaxLength = 300;

    public static string Anonymise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Cut before reading at a space, never inside a word: half an e-mail address or serial would no longer be
        // recognised as one, and would be kept. A single word that long keeps nothing.
        text = CutAtSpace(text, MaxLength * 2, orNothing: true);

        try
        {
            text = Handoff.PersonalDataMask.Email().Replace(text, "[e-mail]");
            text = SensitiveNumbers.Redact(text).Replace("[•••]", "[number]", StringComparison.Ordinal);
            text = Street().Replace(text, "[address]");
            text = ManyDigits().Replace(text, "[number]");
            text = WithoutSerials(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // Too hostile to read in time: nothing of it is kept.
            return "[…]";
        }

        text = Spaces().Replace(text, " ").Trim();
        return text.Length <= MaxLength ? text : CutAtSpace(text, MaxLength, orNothing: false).TrimEnd() + "…";
    }

    /// <summary>
    /// At most <paramref name="max"/> characters, ending before a space; with no space, <paramref name="orNothing"/>
    /// gives nothing, else the first characters without splitting a character of two UTF-16 units (an emoji).
    /// </summary>
    private static string CutAtSpace(string text, int max, bool orNothing)
    {
        if (text.Length <= max)
        {
            return text;
        }

        for (var i = max; i > 0; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return text[..i];
            }
        }

        if (orNothing)
        {
            return string.Empty;
        }

        return text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];
    }

    /// <summary>
    /// Five digits or more, grouped by spaces, dashes, dots, slashes or a leading +: phone numbers ("070-123 45 67",
    /// "+46 70 123 45 67"), postcodes ("111 22"), order and personal numbers. A year or a price stays ("2024", "349 kr").
    /// </summary>
    [GeneratedRegex(@"\+?\d(?:[ \u00A0\u202F\-./]{0,2}\d){4,}", RegexOptions.NonBacktracking, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex ManyDigits();

    /// <summary>A street and its number, Swedish or English: "Storgatan 1", "Drottninggatan 12B", "Vasavägen 3 lgh 1101", "10 Downing Street".</summary>
    [GeneratedRegex(@"\b\p{L}{2,40}(?:gatan|gata|vägen|väg|gränd|torget|torg|plan|backe|backen|stig|stigen|allé|allén|leden|esplanaden|kajen|strand|stranden|road|street|avenue|lane|drive)\s{1,3}\d{1,4}[A-Za-z]?\b|\b\d{1,4}\s{1,3}\p{L}{2,40}\s{1,3}(?:road|street|avenue|lane|drive|st|rd)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex Street();

    /// <summary>
    /// A run of words that each hold a digit, one of them also a letter, is a serial or a code, typed whole or in groups
    /// ("ILP1A2B3C4D5", "ilp1-a2b3 c4d5", "D3U9 F8E7 D6C5"): the run becomes one "[serial]".
    /// </summary>
    private static string WithoutSerials(string text)
    {
        var words = text.Split(' ');
        var kept = new List<string>(words.Length);
        for (var i = 0; i < words.Length;)
        {
            var end = i;
            var mixed = false;
            while (end < words.Length && HoldsDigit(words[end]))
            {
                mixed |= words[end].Any(char.IsLetter);
                end++;
            }

            if (end > i && mixed)
            {
                kept.Add("[serial]" + TrailingPunctuation(words[end - 1]));
                i = end;
            }
            else
            {
                kept.AddRange(words[i..Math.Max(end, i + 1)]);
                i = Math.Max(end, i + 1);
            }
        }

        return string.Join(' ', kept);
    }

    private static bool HoldsDigit(string word) => word.Any(char.IsDigit) && !word.Contains('[', StringComparison.Ordinal);

    private static string TrailingPunctuation(string word) => word.Length > 0 && word[^1] is '.' or ',' or '?' or '!' ? word[^1..] : string.Empty;

    [GeneratedRegex(@"\s+", RegexOptions.None, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex Spaces();
}
