using System.Diagnostics;
using System.Globalization;
using System.Text;
using IqosBot.Dialogs.Understanding;
using IqosBot.Recognition.Embedded;
using IqosBot.Recognition.Training;

namespace IqosBot.Recognition.Evaluation;

/// <summary>How well the embedded recognizer does on the held-out split, per intent and language, and how fast.</summary>
public sealed class AccuracyReport
{
    private AccuracyReport(IReadOnlyList<(LabeledUtterance Example, string Predicted)> outcomes, IReadOnlyList<double> latenciesMicroseconds, TimeSpan trainingTime)
    {
        Outcomes = outcomes;
        LatenciesMicroseconds = latenciesMicroseconds;
        TrainingTime = trainingTime;
    }

    public IReadOnlyList<(LabeledUtterance Example, string Predicted)> Outcomes { get; }

    /// <summary>Sorted prediction latencies, one per held-out utterance (after a warm-up pass).</summary>
    public IReadOnlyList<double> LatenciesMicroseconds { get; }

    public TimeSpan TrainingTime { get; }

    public double Accuracy => Outcomes.Count == 0 ? 0 : Outcomes.Count(o => o.Predicted == o.Example.Intent) / (double)Outcomes.Count;

    public double AccuracyFor(string language) => Ratio(Outcomes.Where(o => o.Example.Language == language));

    public double Percentile(double p) => LatenciesMicroseconds.Count == 0 ? 0
        : LatenciesMicroseconds[Math.Min(LatenciesMicroseconds.Count - 1, (int)Math.Ceiling(p * LatenciesMicroseconds.Count) - 1)];

    public static AccuracyReport Run(UtteranceCorpus corpus, RecognizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var recognizer = EmbeddedRecognizer.Train(corpus.Train, settings);

        // One pass to warm up the prediction engine and the JIT, so the latencies are those of a running bot.
        foreach (var example in corpus.Test)
        {
            recognizer.Recognize(example.Text);
        }

        var outcomes = new List<(LabeledUtterance, string)>();
        var latencies = new List<double>();
        foreach (var example in corpus.Test)
        {
            var started = Stopwatch.GetTimestamp();
            var predicted = recognizer.Recognize(example.Text).TopIntent();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            outcomes.Add((example, predicted));
        }

        latencies.Sort();
        return new AccuracyReport(outcomes, latencies, recognizer.TrainingTime);
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

        var misses = Outcomes.Where(o => o.Predicted != o.Example.Intent).ToList();
        if (misses.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Misses (expected → predicted: text):");
            foreach (var (example, predicted) in misses)
            {
                text.AppendLine(culture, $"  [{example.Language}] {example.Intent} → {predicted}: {example.Text}");
            }
        }

        return text.ToString();
    }

    private static string Cell(List<(LabeledUtterance Example, string Predicted)> outcomes, string language)
    {
        var ofLanguage = outcomes.Where(o => o.Example.Language == language).ToList();
        return ofLanguage.Count == 0 ? "-" : Ratio(ofLanguage).ToString("P0", CultureInfo.InvariantCulture);
    }

    private static double Ratio(IEnumerable<(LabeledUtterance Example, string Predicted)> outcomes)
    {
        var list = outcomes.ToList();
        return list.Count == 0 ? 0 : list.Count(o => o.Predicted == o.Example.Intent) / (double)list.Count;
    }
}
