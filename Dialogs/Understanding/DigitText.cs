using System.Globalization;
using System.Text;

namespace IqosBot.Dialogs.Understanding;

/// <summary>
/// Customer text as the number detectors read it, with a map back to the original. Text pasted from a web page, a PDF
/// or a phone keyboard writes the same number with no-break spaces, invisible zero-width characters, dashes other
/// than the hyphen and digits of other scripts (Arabic-Indic, Persian, full-width...). Reading that text directly
/// would need every variant in every pattern; folding it once lets the patterns stay small, ASCII-only and linear:
/// <list type="bullet">
/// <item>every decimal digit of any script (a Unicode Nd character, surrogate pairs included) becomes its ASCII digit;</item>
/// <item>a single no-break, narrow no-break or other non-ASCII space between two digits is dropped: it is how software
/// groups digits (Swedish number formatting uses it for thousands), not how a person separates two numbers, so
/// "8112\u00A0189876" reads as 8112189876;</item>
/// <item>every other space separator becomes ' ';</item>
/// <item>every dash (Unicode Pd) and the minus sign become '-', the full-width and small plus become '+';</item>
/// <item>invisible format characters (zero-width space and joiners, word joiner, BOM, soft hyphen, direction marks) are dropped.</item>
/// </list>
/// Everything else is kept as it is, so a pattern sees the same words and punctuation as the customer wrote.
/// </summary>
internal sealed class DigitText
{
    private readonly string _original;

    /// <summary>Where the original characters behind folded character i start and end (end exclusive).</summary>
    private readonly int[] _starts;
    private readonly int[] _ends;

    private DigitText(string original, string folded, int[] starts, int[] ends)
    {
        _original = original;
        Folded = folded;
        _starts = starts;
        _ends = ends;
    }

    /// <summary>The text with digits, spaces and dashes folded to ASCII and invisible characters dropped.</summary>
    public string Folded { get; }

    public static DigitText Of(string text)
    {
        var folded = new StringBuilder(text.Length);
        var starts = new int[text.Length];
        var ends = new int[text.Length];
        var groupingSpace = false;
        var index = 0;
        while (index < text.Length)
        {
            // Mathematical digits (𝟖) are outside the BMP: one digit, two chars.
            var length = char.IsSurrogatePair(text, index) ? 2 : 1;
            var category = CharUnicodeInfo.GetUnicodeCategory(text, index);
            if (category != UnicodeCategory.Format)
            {
                var c = Fold(text, index, category);
                if (groupingSpace && char.IsAsciiDigit(c))
                {
                    // The space stays inside whatever span covers the digits on both sides of it.
                    folded.Length--;
                }

                groupingSpace = category == UnicodeCategory.SpaceSeparator && text[index] != ' ' && folded.Length > 0 && char.IsAsciiDigit(folded[^1]);
                starts[folded.Length] = index;
                ends[folded.Length] = index + length;
                folded.Append(c);
            }

            index += length;
        }

        return new DigitText(text, folded.ToString(), starts, ends);
    }

    /// <summary>
    /// The original text with every folded span in <paramref name="spans"/> (index and length in <see cref="Folded"/>,
    /// in order, not overlapping) replaced by <paramref name="replacement"/>. A span is cut from the original character
    /// behind its first folded character to the one behind its last, so invisible characters just outside it stay.
    /// </summary>
    public string Replace(IReadOnlyList<(int Index, int Length)> spans, string replacement)
    {
        if (spans.Count == 0)
        {
            return _original;
        }

        var result = new StringBuilder(_original.Length);
        var kept = 0;
        foreach (var (index, length) in spans)
        {
            var start = _starts[index];
            result.Append(_original, kept, start - kept).Append(replacement);
            kept = _ends[index + length - 1];
        }

        return result.Append(_original, kept, _original.Length - kept).ToString();
    }

    private static char Fold(string text, int index, UnicodeCategory category)
    {
        var c = text[index];
        return category switch
        {
            UnicodeCategory.DecimalDigitNumber => (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(text, index)),
            UnicodeCategory.SpaceSeparator => ' ',
            UnicodeCategory.DashPunctuation => '-',
            _ when c is '\u2212' => '-',
            _ when c is '\uFF0B' or '\uFE62' => '+',
            // A non-digit outside the BMP (an emoji) stands as its high surrogate: a non-digit is all a pattern needs to see.
            _ => c,
        };
    }
}
