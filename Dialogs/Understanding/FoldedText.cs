using IqosBot.Dialogs.Choices;

namespace IqosBot.Dialogs.Understanding;

/// <summary>
/// A message folded once (<see cref="TextNormalizer"/>: lower case, no å/ä/ö or other diacritics, punctuation
/// as spaces) for whole-word phrase look-ups by the readers of customer text: "dead" is not found in
/// "deadline", "paj" not in "pajas".
/// </summary>
public sealed class FoldedText
{
    private readonly string _padded;

    public FoldedText(string? text)
    {
        _padded = " " + TextNormalizer.Fold(text) + " ";
    }

    /// <summary>Whether the folded phrase stands in the message as whole words.</summary>
    public bool Has(string phrase) => _padded.Contains(" " + phrase + " ", StringComparison.Ordinal);

    public bool HasAny(IEnumerable<string> phrases) => phrases.Any(Has);
}
