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

        var misses = measured.Report.Outcomes.Where(outcome => !outcome.Correct).ToList();
        Assert.Equal(misses.Count, text.Split('\n').Count(line => line.StartsWith("  [", StringComparison.Ordinal)));
        foreach (var miss in misses)
        {
            Assert.Contains($"  [{miss.Example.Language}] {miss.Example.Intent} → {miss.Predicted}: {miss.Example.Text}", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public void Each_language_has_a_confusion_section_with_recall_and_precision_for_every_intent(string language)
    {
        var section = Section(measured.Report.Format(), language);

        foreach (var intent in Intents.All)
        {
            var row = Assert.Single(Regex.Matches(section, $@"^  {intent} +(?<recall>\d+ %|-) +(?<precision>\d+ %|-) +(?<expected>\d+) +(?<predicted>\d+)\r?$", RegexOptions.Multiline));
            var ofLanguage = measured.Report.Outcomes.Where(outcome => outcome.Example.Language == language).ToList();
            Assert.Equal(ofLanguage.Count(outcome => outcome.Example.Intent == intent), Number(row.Groups["expected"].Value));
            Assert.Equal(ofLanguage.Count(outcome => outcome.Predicted == intent), Number(row.Groups["predicted"].Value));
        }

        Assert.Matches(NoneRecallLine(), section);
        Assert.Matches(DidYouMeanLine(), section);
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public void The_worst_pairs_are_the_most_frequent_confusions_with_their_counts_and_examples(string language)
    {
        var section = Section(measured.Report.Format(), language);
        var misses = measured.Report.Outcomes.Where(outcome => outcome.Example.Language == language && !outcome.Correct).ToList();

        var pairs = PairLine().Matches(section).ToList();

        Assert.Equal(Math.Min(ConfusionSummary.WorstPairCount, misses.Select(miss => (miss.Example.Intent, miss.Predicted)).Distinct().Count()), pairs.Count);
        var counts = pairs.Select(pair => Number(pair.Groups["count"].Value)).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        foreach (var pair in pairs)
        {
            var ofPair = misses.Where(miss => miss.Example.Intent == pair.Groups["expected"].Value && miss.Predicted == pair.Groups["predicted"].Value).ToList();
            Assert.Equal(ofPair.Count, Number(pair.Groups["count"].Value));
            // The examples are quoted, long ones shortened.
            Assert.Contains(ofPair, miss => pair.Value.Contains($"\"{miss.Example.Text[..Math.Min(40, miss.Example.Text.Length)]}", StringComparison.Ordinal));
        }

        // No pair left out is more frequent than the last one shown.
        var shown = pairs.Select(pair => (pair.Groups["expected"].Value, pair.Groups["predicted"].Value)).ToHashSet();
        var leftOut = misses.GroupBy(miss => (miss.Example.Intent, miss.Predicted)).Where(group => !shown.Contains(group.Key));
        Assert.All(leftOut, group => Assert.True(group.Count() <= counts.DefaultIfEmpty(0).Min()));
    }

    /// <summary>From the "Confusion [language]" heading to the next blank line.</summary>
    private static string Section(string text, string language)
    {
        var start = text.IndexOf($"Confusion [{language}]:", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No confusion section for {language}.");
        var end = text.IndexOf(Environment.NewLine + Environment.NewLine, start, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    private static int Number(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^  None recall (\d+ %|-) \(\d+ of \d+\)\r?$", RegexOptions.Multiline)]
    private static partial Regex NoneRecallLine();

    [GeneratedRegex(@"^  did you mean \d+(\.\d)? % \(\d+ of \d+ with the top two real intents within 0\.08; \d+ of them right on top\)\r?$", RegexOptions.Multiline)]
    private static partial Regex DidYouMeanLine();

    [GeneratedRegex(@"^    (?<expected>\w+) → (?<predicted>\w+), (?<count>\d+): "".*$", RegexOptions.Multiline)]
    private static partial Regex PairLine();

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
