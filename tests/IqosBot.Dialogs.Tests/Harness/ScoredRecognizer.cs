using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Tests.Harness;

/// <summary>A recognizer whose scores per utterance are written in the test, for the close calls a model makes.</summary>
public sealed class ScoredRecognizer(IReadOnlyDictionary<string, (string Intent, double Score)[]> results) : IRecognizer
{
    public Task<RecognizerResult> RecognizeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        var scores = text is not null && results.TryGetValue(text, out var found) ? found : [(Intents.None, 1.0)];
        var top = scores.MaxBy(score => score.Score).Intent;
        return Task.FromResult(RecognizerResults.Create(text, scores.Select(s => new KeyValuePair<string, double>(s.Intent, s.Score)), top, "scored"));
    }

    public async Task<T> RecognizeAsync<T>(ITurnContext turnContext, CancellationToken cancellationToken)
        where T : IRecognizerConvert, new()
    {
        var result = new T();
        result.Convert(await RecognizeAsync(turnContext, cancellationToken));
        return result;
    }
}
