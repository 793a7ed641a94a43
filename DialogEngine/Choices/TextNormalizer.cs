using System.Globalization;
using System.Text;

namespace IqosBot.Dialogs.Choices;

/// <summary>
/// Folds customer text for matching: lower case, diacritics removed (customers often type Swedish
/// without å/ä/ö), punctuation turned into spaces. "Ja, gärna!" and "ja garna" compare equal.
/// </summary>
public static class TextNormalizer
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // Keep "1:a" and "3:e" (Swedish ordinals) and "1st" together; everything else that isn't a letter or digit separates words.
            var keep = char.IsLetterOrDigit(c) || (c == ':' && builder.Length > 0 && char.IsDigit(builder[^1]));
            if (keep)
            {
                builder.Append(c);
                lastWasSpace = false;
            }
            else if (!lastWasSpace && builder.Length > 0)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        return builder.ToString().TrimEnd();
    }

    public static string[] Tokens(string? text)
        => Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
