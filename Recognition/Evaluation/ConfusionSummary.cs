using IqosBot.Dialogs.Understanding;

namespace IqosBot.Recognition.Evaluation;

/// <summary>
/// Where the recognizer goes wrong in one language: recall and precision per intent, the most frequent
/// (expected → predicted) confusions, None recall and how often the dialog would have to ask "did you mean".
/// </summary>
public sealed class ConfusionSummary
{
    public const int WorstPairCount = 10;
    public const int ExamplesPerPair = 2;

    private ConfusionSummary(string language, IReadOnlyList<IntentQuality> perIntent, IReadOnlyList<ConfusedPair> worstPairs, int total, int didYouMean, int didYouMeanRight)
    {
        Language = language;
        PerIntent = perIntent;
        WorstPairs = worstPairs;
        Total = total;
        DidYouMean = didYouMean;
        DidYouMeanRight = didYouMeanRight;
    }

    public string Language { get; }

    /// <summary>One row per intent, in the order of <see cref="Intents.All"/>.</summary>
    public IReadOnlyList<IntentQuality> PerIntent { get; }

    /// <summary>The most frequent confusions, most frequent first (at most <see cref="WorstPairCount"/>).</summary>
    public IReadOnlyList<ConfusedPair> WorstPairs { get; }

    /// <summary>Held-out messages in this language.</summary>
    public int Total { get; }

    /// <summary>Messages whose best two real intents were closer than the ambiguity margin.</summary>
    public int DidYouMean { get; }

    /// <summary>Of <see cref="DidYouMean"/>, those whose top intent was the right one anyway.</summary>
    public int DidYouMeanRight { get; }

    public double DidYouMeanRate => Total == 0 ? 0 : DidYouMean / (double)Total;

    public IntentQuality None => PerIntent.Single(quality => quality.Intent == Intents.None);

    public static ConfusionSummary For(string language, IEnumerable<EvaluatedUtterance> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var ofLanguage = outcomes.Where(outcome => outcome.Example.Language == language).ToList();

        var perIntent = Intents.All
            .Select(intent => new IntentQuality(
                intent,
                Expected: ofLanguage.Count(outcome => outcome.Example.Intent == intent),
                Predicted: ofLanguage.Count(outcome => outcome.Predicted == intent),
                Found: ofLanguage.Count(outcome => outcome.Correct && outcome.Predicted == intent)))
            .ToList();

        var worstPairs = ofLanguage
            .Where(outcome => !outcome.Correct)
            .GroupBy(outcome => (outcome.Example.Intent, outcome.Predicted))
            .Select(pair => new ConfusedPair(
                pair.Key.Intent,
                pair.Key.Predicted,
                pair.Count(),
                pair.Select(outcome => outcome.Example.Text).Take(ExamplesPerPair).ToList()))
            .OrderByDescending(pair => pair.Count)
            .ThenBy(pair => pair.Expected, StringComparer.Ordinal)
            .ThenBy(pair => pair.Predicted, StringComparer.Ordinal)
            .Take(WorstPairCount)
            .ToList();

        return new ConfusionSummary(
            language,
            perIntent,
            worstPairs,
            ofLanguage.Count,
            ofLanguage.Count(outcome => outcome.DidYouMean),
            ofLanguage.Count(outcome => outcome.DidYouMean && outcome.Correct));
    }
}
