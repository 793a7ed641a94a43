using System.Text;
using System.Text.RegularExpressions;
using IqosBot.Dialogs.Understanding;
using IqosBot.Recognition.Evaluation;
using IqosBot.Recognition.Training;

namespace IqosBot.Recognition.Tests.Evaluation;

/// <summary>The confusion figures of one language, worked out from outcomes made up for the purpose.</summary>
public sealed class ConfusionSummaryTests
{
    private static readonly EvaluatedUtterance[] Outcomes =
    [
        Outcome("tack", Intents.Thanks, Intents.Thanks),
        Outcome("tack så mycket", Intents.Thanks, Intents.Thanks, didYouMean: true),
        Outcome("hejdå", Intents.Goodbye, Intents.Greeting),
        Outcome("hej då", Intents.Goodbye, Intents.Greeting),
        Outcome("ajöss", Intents.Goodbye, Intents.Greeting, didYouMean: true),
        Outcome("vi hörs", Intents.Goodbye, Intents.None),
        Outcome("hej", Intents.Greeting, Intents.Greeting),
        Outcome("blir det regn", Intents.None, Intents.None),
        Outcome("vad kostar terea", Intents.None, Intents.Marketing),
        Outcome("bye", Intents.Goodbye, Intents.Greeting, language: "en"),
    ];

    [Fact]
    public void Recall_and_precision_are_counted_per_intent_in_the_one_language()
    {
        var summary = ConfusionSummary.For("sv", Outcomes);

        Assert.Equal(9, summary.Total);
        Assert.Equal(Intents.All, summary.PerIntent.Select(quality => quality.Intent));
        var greeting = summary.PerIntent.Single(quality => quality.Intent == Intents.Greeting);
        Assert.Equal((1, 4, 1), (greeting.Expected, greeting.Predicted, greeting.Found));
        Assert.Equal(1.0, greeting.Recall);
        Assert.Equal(0.25, greeting.Precision);
        var goodbye = summary.PerIntent.Single(quality => quality.Intent == Intents.Goodbye);
        Assert.Equal(0.0, goodbye.Recall);
        Assert.Null(goodbye.Precision);
        Assert.Null(summary.PerIntent.Single(quality => quality.Intent == Intents.Cleaning).Recall);
        Assert.Equal(0.5, summary.None.Recall);
    }

    [Fact]
    public void The_worst_pairs_come_most_frequent_first_with_at_most_two_examples_each()
    {
        var summary = ConfusionSummary.For("sv", Outcomes);

        Assert.Equal(
            [(Intents.Goodbye, Intents.Greeting, 3), (Intents.Goodbye, Intents.None, 1), (Intents.None, Intents.Marketing, 1)],
            summary.WorstPairs.Select(pair => (pair.Expected, pair.Predicted, pair.Count)));
        Assert.Equal(["hejdå", "hej då"], summary.WorstPairs[0].Examples);
    }

    [Fact]
    public void Only_the_ten_most_frequent_pairs_are_kept()
    {
        var many = Intents.All.Where(intent => intent != Intents.None)
            .Select((intent, index) => Enumerable.Range(0, index + 1).Select(n => Outcome($"{intent} {n}", intent, Intents.None)))
            .SelectMany(outcomes => outcomes);

        var summary = ConfusionSummary.For("sv", many);

        Assert.Equal(ConfusionSummary.WorstPairCount, summary.WorstPairs.Count);
        // The intent at index i is confused i + 1 times: the ten kept are the last ten intents before None.
        var intents = Intents.All.Count - 1;
        Assert.Equal(Enumerable.Range(intents - ConfusionSummary.WorstPairCount + 1, ConfusionSummary.WorstPairCount).Reverse(), summary.WorstPairs.Select(pair => pair.Count));
    }

    [Fact]
    public void The_did_you_mean_rate_is_of_all_messages_in_the_language()
    {
        var summary = ConfusionSummary.For("sv", Outcomes);

        Assert.Equal(2, summary.DidYouMean);
        Assert.Equal(1, summary.DidYouMeanRight);
        Assert.Equal(2 / 9.0, summary.DidYouMeanRate, precision: 10);
    }

    [Fact]
    public void The_text_has_the_None_recall_did_you_mean_a_row_per_intent_and_the_pairs()
    {
        var text = new StringBuilder();

        ConfusionText.Append(text, ConfusionSummary.For("sv", Outcomes), 0.08);

        var written = text.ToString();
        Assert.StartsWith("Confusion [sv]: 9 held-out utterances", written, StringComparison.Ordinal);
        Assert.Contains("  None recall 50 % (1 of 2)", written, StringComparison.Ordinal);
        Assert.Contains("  did you mean 22.2 % (2 of 9 with the top two real intents within 0.08; 1 of them right on top)", written, StringComparison.Ordinal);
        Assert.Contains("    Goodbye → Greeting, 3: \"hejdå\" | \"hej då\"", written, StringComparison.Ordinal);
        var rows = Regex.Matches(written, @"^  (?<intent>\w+) +(\d+ %|-) +(\d+ %|-) +\d+ +\d+\r?$", RegexOptions.Multiline);
        Assert.Equal(Intents.All, rows.Select(row => row.Groups["intent"].Value));
    }

    private static EvaluatedUtterance Outcome(string text, string expected, string predicted, bool didYouMean = false, string language = "sv")
        => new(new LabeledUtterance(text, expected, language), predicted, didYouMean);
}
