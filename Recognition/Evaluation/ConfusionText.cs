using System.Globalization;
using System.Text;

namespace IqosBot.Recognition.Evaluation;

/// <summary>Writes a <see cref="ConfusionSummary"/> as the accuracy command prints it.</summary>
public static class ConfusionText
{
    private const int ExampleLength = 60;

    public static void Append(StringBuilder text, ConfusionSummary summary, double ambiguityMargin)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(summary);
        var culture = CultureInfo.InvariantCulture;

        text.AppendLine(culture, $"Confusion [{summary.Language}]: {summary.Total} held-out utterances");
        text.AppendLine(culture, $"  None recall {Percent(summary.None.Recall)} ({summary.None.Found} of {summary.None.Expected})");
        text.AppendLine(culture, $"  did you mean {summary.DidYouMeanRate:P1} ({summary.DidYouMean} of {summary.Total} with the top two real intents within {ambiguityMargin:0.00}; {summary.DidYouMeanRight} of them right on top)");
        text.AppendLine("  intent                 recall  precision  expected  predicted");
        foreach (var quality in summary.PerIntent)
        {
            text.AppendLine(culture, $"  {quality.Intent,-22} {Percent(quality.Recall),6} {Percent(quality.Precision),10} {quality.Expected,9} {quality.Predicted,10}");
        }

        text.AppendLine(culture, $"  Worst pairs (expected → predicted, count: examples):");
        if (summary.WorstPairs.Count == 0)
        {
            text.AppendLine("    none");
        }

        foreach (var pair in summary.WorstPairs)
        {
            var examples = string.Join(" | ", pair.Examples.Select(Shorten));
            text.AppendLine(culture, $"    {pair.Expected} → {pair.Predicted}, {pair.Count}: {examples}");
        }
    }

    private static string Percent(double? ratio) => ratio is { } value ? value.ToString("P0", CultureInfo.InvariantCulture) : "-";

    private static string Shorten(string example) => example.Length <= ExampleLength ? $"\"{example}\"" : $"\"{example[..(ExampleLength - 1)]}…\"";
}
