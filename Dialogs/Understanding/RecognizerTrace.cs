using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Understanding;

/// <summary>
/// The Bot Framework convention for showing a recognizer's result in the Emulator's inspector: a trace
/// activity. Only the Emulator gets it; other channels never see traces.
/// </summary>
public static class RecognizerTrace
{
    public const string Name = "IntentRecognizer";
    public const string Label = "Recognizer result";
    public const string ValueType = "https://www.botframework.com/schemas/recognizerResult";

    public static Task SendAsync(ITurnContext turnContext, RecognizerResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.ChannelId != Channels.Emulator)
        {
            return Task.CompletedTask;
        }

        var trace = Activity.CreateTraceActivity(Name, ValueType, result, Label);
        return turnContext.SendActivityAsync(trace, cancellationToken);
    }
}
