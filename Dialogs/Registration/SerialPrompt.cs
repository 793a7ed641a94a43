using IqosBot.Dialogs.Benefits;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Registration;

/// <summary>
/// Asks for a device's serial and finds it also inside a sentence ("wait, it's actually ILO7G6H5J4K3"). The
/// benefits API is asked about it at once, so a mistyped code is caught before any other question; when the
/// API cannot be reached the serial is taken, and the journey's later call has the last word.
/// The result is the normalised serial.
/// </summary>
public sealed class SerialPrompt : Prompt<string>
{
    private readonly IBenefitsApi _benefits;

    public SerialPrompt(string dialogId, IBenefitsApi benefits)
        : base(dialogId)
    {
        _benefits = benefits ?? throw new ArgumentNullException(nameof(benefits));
    }

    protected override async Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        if (SerialNumber.Find(turnContext.Activity.Text) is not { } serial)
        {
            return PromptRecognizerResult<string>.Failed;
        }

        await turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken).ConfigureAwait(false);
        var check = await _benefits.CheckSerialAsync(serial, cancellationToken).ConfigureAwait(false);
        if (check.Status == SerialCheckStatus.Unknown)
        {
            // An answer, but a wrong one: say so (the retry would only say it does not look like a serial). The
            // last miss says it briefly: the journey goes on with where to find the code and the offer of a person.
            var last = options.MaxAttempts is { } max && AttemptsSoFar(state) + 1 >= max;
            var key = last ? TextKey.RegUnknownSerialAgain : TextKey.RegUnknownSerial;
            await turnContext.SendActivityAsync(MessageFactory.Text(Texts.Get(turnContext.GetLanguage(), key)), cancellationToken).ConfigureAwait(false);
            return PromptRecognizerResult<string>.Failed;
        }

        return PromptRecognizerResult<string>.Of(serial);
    }
}
