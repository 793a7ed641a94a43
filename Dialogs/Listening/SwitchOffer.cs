using IqosBot.Cards;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IqosBot.Dialogs.Common;

namespace IqosBot.Dialogs.Listening;

/// <summary>
/// "Would you like to check your warranty instead? What you've answered so far won't be kept." Asked when
/// switching to another request would drop answers; the question waits in the prompt's own state, so the
/// prompt stays where it was and asks again after a no.
/// </summary>
internal static class SwitchOffer
{
    private const string PendingKey = "listening.pendingSwitch";

    public static async Task AskAsync(PromptPolicyContext prompt, RouteRequest request, CancellationToken cancellationToken)
    {
        prompt.State[PendingKey] = request;
        var context = prompt.Context;
        var language = context.GetLanguage();
        var text = Texts.Format(language, TextKey.ListenSwitchConfirm, RequestName(language, request.Intent));
        var yes = Texts.Get(language, TextKey.ConfirmYes);
        var no = Texts.Get(language, TextKey.ConfirmNo);
        var question = ChoiceMessage.Create(text, [new ChoiceButton(yes, yes), new ChoiceButton(no, no)], ChannelInfo.From(context.Activity));
        question.InputHint = InputHints.ExpectingInput;
        await context.SendActivityAsync(question, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The answer to a pending offer: the request to switch to on yes, <see cref="PromptHearing.AskAgain"/>
    /// after saying so on no, and null (offer dropped) when the message is about something else.
    /// </summary>
    public static async Task<PromptHearing?> AnswerAsync(PromptPolicyContext prompt, CancellationToken cancellationToken)
    {
        if (!prompt.State.TryGetValue(PendingKey, out var pending) || pending is not RouteRequest request)
        {
            return null;
        }

        prompt.State.Remove(PendingKey);
        switch (ConfirmRecognizer.Recognize(prompt.Context.Activity.Text))
        {
            case true:
                return PromptHearing.Interrupt(request);
            case false:
                var language = prompt.Context.GetLanguage();
                await prompt.Context.SendActivityAsync(MessageFactory.Text(Texts.Get(language, TextKey.ListenCarryOn)), cancellationToken).ConfigureAwait(false);
                return PromptHearing.AskAgain;
            default:
                return null;
        }
    }

    private static string RequestName(string language, string? intent) => Texts.Get(language, intent switch
    {
        Intents.RegisterDevice => TextKey.RequestRegister,
        Intents.WarrantyStatus => TextKey.RequestWarranty,
        Intents.HumanAgent => TextKey.RequestPerson,
        _ => TextKey.RequestBroken,
    });
}
