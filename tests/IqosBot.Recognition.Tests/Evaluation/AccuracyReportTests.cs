using System.Text.RegularExpressions;
using IqosBot.Dialogs.Understanding;
using IqosBot.Recognition.Evaluation;
using IqosBot.Recognition.Training;

namespace IqosBot.Recognition.Tests.Evaluation;

/// <summary>The report the accuracy command prints. What it says, not how fast anything was.</summary>
public sealed partial class AccuracyReportTests(AccuracyReportTests.Measured measured) : IClassFixture<AccuracyReportTests.Measured>
{
    [Fact]
    public void Every_intent_has_a_row_with_its_number_of_held_out_utterances()
    {
        var text = measured.Report.Format();

        foreach (var intent in Intents.All)
        {
            var row = Assert.Single(Regex.Matches(text, $@"^{intent} +(?<sv>\d+ %|-) +(?<en>\d+ %|-) +(?<n>\d+)\r?$", RegexOptions.Multiline));
            Assert.Equal(measured.Corpus.Test.Count(example => example.Intent == intent).ToString(System.Globalization.CultureInfo.InvariantCulture), row.Groups["n"].Value);
        }
    }

    [Fact]
    public void The_latency_line_has_p50_p99_and_max()
    {
        var text = measured.Report.Format();

        Assert.Matches(LatencyLine(), text);
    }

    [Fact]
    public void Every_miss_is_listed_with_what_was_expected_and_predicted()
    {
        var text = measured.Report.Format();

        var misses = measured.Report.Outcomes.Where(outcome => outcome.Predicted != outcome.Example.Intent).ToList();
        Assert.Equal(misses.Count, text.Split('\n').Count(line => line.StartsWith("  [", StringComparison.Ordinal)));
        foreach (var (example, predicted) in misses)
        {
            Assert.Contains($"  [{example.Language}] {example.Intent} → {predicted}: {example.Text}", text, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"prediction p50 \d+ µs, p99 \d+ µs, max \d+ µs")]
    private static partial Regex LatencyLine();

    /// <summary>One run of the report, as the accuracy command makes it (it trains its own recognizer).</summary>
    public sealed class Measured
    {
        public Measured() => Report = AccuracyReport.Run(Corpus, new RecognizerSettings());

        public UtteranceCorpus Corpus { get; } = UtteranceCorpus.LoadEmbedded();

        public AccuracyReport Report { get; }
    }
}
