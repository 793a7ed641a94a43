namespace IqosBot.Dialogs.Choices;

/// <summary>
/// Finds which option a customer picked, in Swedish or English: by option number ("2", "nr 2"), by
/// ordinal ("the second", "andra", "2:a", "last"/"sista"), or by the words of a title or synonym
/// ("garanti" picks "Kolla min garanti"). Written here because Microsoft.Recognizers.Text is not served.
/// </summary>
public static class ChoiceRecognizer
{
    /// <summary>The score of a title, synonym or number typed as it is.</summary>
    public const double FullMatch = 1.0;

    private const int MaximumPickLength = 500;

    /// <summary>Below this a word match is too weak to act on.</summary>
    private const double MinimumScore = 0.5;

    private static readonly HashSet<string> NumberFillers =
    [
        "nr", "nummer", "number", "no", "option", "alternativ", "alt", "val", "the", "den", "det", "one", "please", "tack",
        "i", "choose", "pick", "take", "jag", "valjer", "tar",
    ];

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["1st"] = 1, ["second"] = 2, ["2nd"] = 2, ["third"] = 3, ["3rd"] = 3, ["fourth"] = 4, ["4th"] = 4,
        ["fifth"] = 5, ["5th"] = 5, ["sixth"] = 6, ["6th"] = 6, ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10,
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["forsta"] = 1, ["1:a"] = 1, ["andra"] = 2, ["2:a"] = 2, ["tredje"] = 3, ["3:e"] = 3, ["fjarde"] = 4, ["4:e"] = 4,
        ["femte"] = 5, ["5:e"] = 5, ["sjatte"] = 6, ["6:e"] = 6, ["sjunde"] = 7, ["attonde"] = 8, ["nionde"] = 9, ["tionde"] = 10,
        ["ett"] = 1, ["tva"] = 2, ["tre"] = 3, ["fyra"] = 4, ["fem"] = 5, ["sex"] = 6,
    };

    private static readonly HashSet<string> LastWords = ["last", "sista"];

    /// <summary>Words that carry no meaning on their own; a match on them alone picks nothing.</summary>
    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "the", "to", "my", "i", "me", "want", "would", "like", "please", "can", "you", "of", "for", "on", "in",
        "is", "it", "do", "with", "and", "about", "some", "id", "im", "need",
        "en", "ett", "min", "mitt", "mina", "jag", "vill", "att", "med", "och", "for", "pa", "om", "kan", "du", "det", "den",
        "av", "till", "har", "ha", "tack", "garna", "behover", "skulle",
    ];

    public static FoundChoice? Recognize(string? utterance, IReadOnlyList<Choice> choices, bool matchTitles = true)
    {
        ArgumentNullException.ThrowIfNull(choices);

        // A pick from a few options is a few words; a longer message is something else and is not read for one.
        if (utterance is { Length: > MaximumPickLength })
        {
            return null;
        }

        var tokens = TextNormalizer.Tokens(utterance);
        if (tokens.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        return ByPosition(tokens, choices) ?? (matchTitles ? ByWords(tokens, choices) : null);
    }

    /// <summary>
    /// The words that carry meaning, in order: "I want to register my device" and "Register a device"
    /// both give "register device". Equal keys are what <see cref="Recognize"/> scores as a full match.
    /// </summary>
    public static string ContentKey(string? text)
        => string.Join(' ', TextNormalizer.Tokens(text).Where(token => !StopWords.Contains(token)));

    /// <summary>The 1-based option a message names by number or ordinal ("2", "nr 2", "andra", "last"), or null.</summary>
    public static int? Position(string? utterance, int optionCount)
        => ByPosition(TextNormalizer.Tokens(utterance), optionCount);

    private static FoundChoice? ByPosition(string[] tokens, IReadOnlyList<Choice> choices)
        => ByPosition(tokens, choices.Count) is { } p ? new FoundChoice(choices[p - 1].Value, p - 1, 1.0, null) : null;

    private static int? ByPosition(string[] tokens, int optionCount)
    {
        var meaningful = tokens.Where(token => !NumberFillers.Contains(token)).ToArray();
        if (meaningful.Length != 1)
        {
            return null;
        }

        var word = meaningful[0];
        // Invariant on purpose: the SDK gives each turn a fresh CultureInfo, and the first culture-aware
        // parse on it costs ~100 µs of number-format set-up.
        int? position = int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number
            : Ordinals.TryGetValue(word, out var ordinal) ? ordinal
            : LastWords.Contains(word) ? optionCount
            : null;

        return position is { } p && p >= 1 && p <= optionCount ? p : null;
    }

    private static FoundChoice? ByWords(string[] tokens, IReadOnlyList<Choice> choices)
    {
        var utterance = string.Join(' ', tokens);
        var content = tokens.Where(token => !StopWords.Contains(token)).ToArray();

        FoundChoice? best = null;
        var tie = false;
        for (var index = 0; index < choices.Count; index++)
        {
            var choice = choices[index];
            foreach (var phrase in Phrases(choice))
            {
                var score = Score(utterance, content, phrase);
                if (score < MinimumScore || (best is not null && score < best.Score))
                {
                    continue;
                }

                if (best is not null && Math.Abs(score - best.Score) < 1e-9)
                {
                    tie |= best.Index != index;
                    continue;
                }

                best = new FoundChoice(choice.Value, index, score, phrase);
                tie = false;
            }
        }

        // Two options matched equally well: asking again beats guessing.
        return tie ? null : best;
    }

    private static IEnumerable<string> Phrases(Choice choice)
    {
        if (!string.IsNullOrWhiteSpace(choice.Title))
        {
            yield return choice.Title;
        }

        yield return choice.Value;
        foreach (var synonym in choice.Synonyms)
        {
            yield return synonym;
        }
    }

    /// <summary>1.0 for the exact phrase; otherwise the F1 of shared content words (loosely stemmed).</summary>
    private static double Score(string utterance, string[] utteranceContent, string phrase)
    {
        var phraseTokens = TextNormalizer.Tokens(phrase);
        if (phraseTokens.Length == 0)
        {
            return 0;
        }

        if (string.Join(' ', phraseTokens) == utterance)
        {
            return 1.0;
        }

        var phraseContent = phraseTokens.Where(token => !StopWords.Contains(token)).ToArray();
        if (phraseContent.Length == 0 || utteranceContent.Length == 0)
        {
            return 0;
        }

        var matched = phraseContent.Count(word => utteranceContent.Any(candidate => SameWord(word, candidate)));
        if (matched == 0)
        {
            return 0;
        }

        var precision = (double)matched / utteranceContent.Length;
        var recall = (double)matched / phraseContent.Length;
        return 2 * precision * recall / (precision + recall);
    }

    /// <summary>Equal, or sharing a long prefix, so "registrera" meets "registrering" and "register".</summary>
    internal static bool SameWord(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var shorter = Math.Min(a.Length, b.Length);
        if (shorter < 5)
        {
            return false;
        }

        var common = 0;
        while (common < shorter && a[common] == b[common])
        {
            common++;
        }

        return common >= 5 && common >= 0.7 * shorter;
    }
}
