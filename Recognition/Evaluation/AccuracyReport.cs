using System.Diagnostics;
using System.Globalization;
using System.Text;
using IqosBot.Dialogs.Understanding;
using IqosBot.Recognition.Embedded;
using IqosBot.Recognition.Training;
using Microsoft.Bot.Builder;

namespace IqosBot.Recognition.Evaluation;

/// <summary>How well the embedded recognizer does on the held-out split, per intent and language, and how fast.</summary>
public sealed class AccuracyReport
{
    /// <summary>The languages of the held-out split, in the order the report shows them.</summary>
    public static readonly IReadOnlyList<string> Languages = ["sv", "en"];

    private AccuracyReport(IReadOnlyList<EvaluatedUtterance> outcomes, IReadOnlyList<double> latenciesMicroseconds, TimeSpan trainingTime, double ambiguityMargin)
    {
        Outcomes = outcomes;
        LatenciesMicroseconds = latenciesMicroseconds;
        TrainingTime = trainingTime;
        AmbiguityMargin = ambiguityMargin;
    }

    public IReadOnlyList<EvaluatedUtterance> Outcomes { get; }

    /// <summary>The margin the outcomes' "did you mean" was judged by (<see cref="RecognizerSettings.AmbiguityMargin"/>).</summary>
    public double AmbiguityMargin { get; }

    /// <summary>Sorted prediction latencies, one per held-out utterance (after a warm-up pass).</summary>
    public IReadOnlyList<double> LatenciesMicroseconds { get; }

    public TimeSpan TrainingTime { get; }

    public double Accuracy => Ratio(Outcomes);

    public double AccuracyFor(string language) => Ratio(Outcomes.Where(o => o.Example.Language == language));

    /// <summary>Recall and precision per intent, the worst confusions, None recall and the "did you mean" rate of one language.</summary>
    public ConfusionSummary Confusion(string language) => ConfusionSummary.For(language, Outcomes);

    public double Percentile(double p) => LatenciesMicroseconds.Count == 0 ? 0
        : LatenciesMicroseconds[Math.Min(LatenciesMicroseconds.Count - 1, (int)Math.Ceiling(p * LatenciesMicroseconds.Count) - 1)];

    public static AccuracyReport Run(UtteranceCorpus corpus, RecognizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(settings);
        var recognizer = EmbeddedRecognizer.Train(corpus.Train, settings);

        // One pass to warm up the prediction engine and the JIT, so the latencies are those of a running bot.
        foreach (var example in corpus.Test)
        {
            recognizer.Recognize(example.Text);
        }

        var outcomes = new List<EvaluatedUtterance>();
        var latencies = new List<double>();
        foreach (var example in corpus.Test)
        {
            var started = Stopwatch.GetTimestamp();
            var result = recognizer.Recognize(example.Text);
            var predicted = result.TopIntent();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            outcomes.Add(new EvaluatedUtterance(example, predicted, IsClose(result, predicted, settings.AmbiguityMargin)));
        }

        latencies.Sort();
        return new AccuracyReport(outcomes, latencies, recognizer.TrainingTime, settings.AmbiguityMargin);
    }

    public string Format()
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"Held-out utterances: {Outcomes.Count}; accuracy {Accuracy:P1} (sv {AccuracyFor("sv"):P1}, en {AccuracyFor("en"):P1})");
        text.AppendLine(culture, $"Training: {TrainingTime.TotalSeconds:F2} s; prediction p50 {Percentile(0.50):F0} µs, p99 {Percentile(0.99):F0} µs, max {Percentile(1.0):F0} µs");
        text.AppendLine();
        text.AppendLine("intent                  sv       en       n");
        foreach (var intent in Intents.All)
        {
            var ofIntent = Outcomes.Where(o => o.Example.Intent == intent).ToList();
            text.AppendLine(culture, $"{intent,-22} {Cell(ofIntent, "sv"),7} {Cell(ofIntent, "en"),7} {ofIntent.Count,6}");
        }

        var misses = Outcomes.Where(o => !o.Correct).ToList();
        if (misses.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Misses (expected → predicted: text):");
            foreach (var miss in misses)
            {
                text.AppendLine(culture, $"  [{miss.Example.Language}] {miss.Example.Intent} → {miss.Predicted}: {miss.Example.Text}");
            }
        }

        foreach (var language in Languages)
        {
            text.AppendLine();
            ConfusionText.Append(text, Confusion(language), AmbiguityMargin);
        }

        return text.ToString();
    }

    /// <summary>
    /// What the main dialog checks before asking "did you mean A or B?": a real top intent, and the best two
    /// real intents closer than the margin. (It then asks only when both have a suggestion to offer, and a
    /// broken device or a request said in so many words settles it without asking, so this is an upper bound.)
    /// </summary>
    private static bool IsClose(RecognizerResult result, string predicted, double margin)
    {
        var top = result.TopTwo();
        return predicted != Intents.None && top.Length == 2 && top[0].Score - top[1].Score < margin;
    }

    private static string Cell(List<EvaluatedUtterance> outcomes, string language)
    {
        var ofLanguage = outcomes.Where(o => o.Example.Language == language).ToList();
        return ofLanguage.Count == 0 ? "-" : Ratio(ofLanguage).ToString("P0", CultureInfo.InvariantCulture);
    }

    private static double Ratio(IEnumerable<EvaluatedUtterance> outcomes)
    {
        var list = outcomes.ToList();
        return list.Count == 0 ? 0 : list.Count(o => o.Correct) / (double)list.Count;
    }
}
