using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace IqosBot.Dialogs.Understanding;

/// <summary>
/// Builds the SDK's <see cref="RecognizerResult"/> the same way for every recognizer: all intents with
/// their scores, plus the recognizer's own decision in the "topIntent" property (None when nothing
/// reached its threshold), which is what the dialogs act on.
/// </summary>
public static class RecognizerResults
{
    public const string TopIntentProperty = "topIntent";
    public const string RecognizerProperty = "recognizer";

    public static RecognizerResult Create(string? text, IEnumerable<KeyValuePair<string, double>> scores, string topIntent, string recognizer)
    {
        var result = new RecognizerResult
        {
            Text = text ?? string.Empty,
            Intents = scores
                .OrderByDescending(pair => pair.Value)
                .ToDictionary(pair => pair.Key, pair => new IntentScore { Score = Math.Round(pair.Value, 4) }),
            Entities = new JObject(),
        };
        result.Properties[TopIntentProperty] = topIntent;
        result.Properties[RecognizerProperty] = recognizer;
        return result;
    }

    /// <summary>The recognizer's decision, or the highest-scoring intent for results made elsewhere.</summary>
    public static string TopIntent(this RecognizerResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Properties.TryGetValue(TopIntentProperty, out var top) && top?.ToString() is { Length: > 0 } name)
        {
            return name;
        }

        return result.Intents is { Count: > 0 } ? result.GetTopScoringIntent().intent : Intents.None;
    }

    /// <summary>The best two real intents, for asking "did you mean A or B?".</summary>
    public static (string Intent, double Score)[] TopTwo(this RecognizerResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return (result.Intents ?? new Dictionary<string, IntentScore>())
            .Where(pair => pair.Key != Intents.None)
            .OrderByDescending(pair => pair.Value.Score ?? 0)
            .Take(2)
            .Select(pair => (pair.Key, pair.Value.Score ?? 0))
            .ToArray();
    }
}
