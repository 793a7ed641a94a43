using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Tests.Harness;

/// <summary>
/// Stands in for the intent recognizer: the intent for each utterance is written in the test, anything
/// else is None. The dialog's tests then show what the dialog does with an intent, whatever a model scores.
/// </summary>
public sealed class ScriptedRecognizer(IReadOnlyDictionary<string, string> intents) : IRecognizer
{
    public List<string> Heard { get; } = [];

    public Task<RecognizerResult> RecognizeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        Heard.Add(text);
        var intent = text is not null && intents.TryGetValue(text, out var found) ? found : Intents.None;
        return Task.FromResult(RecognizerResults.Create(text, [new(intent, 0.9)], intent, "scripted"));
    }

    public async Task<T> RecognizeAsync<T>(ITurnContext turnContext, CancellationToken cancellationToken)
        where T : IRecognizerConvert, new()
    {
        var result = new T();
        result.Convert(await RecognizeAsync(turnContext, cancellationToken));
        return result;
    }
}
