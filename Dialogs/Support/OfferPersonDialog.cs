using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Main;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Support;

/// <summary>
/// "Would you like to talk to a person?" after a journey could not go on (the API failed, the customer
/// could not give a usable answer twice). Yes hands the conversation on to the main dialog's person
/// route; no leaves the menu on screen. Started with the text that explains why, or null.
/// </summary>
public sealed class OfferPersonDialog : ComponentDialog
{
    private const string ConfirmId = "offerPersonConfirm";

    public OfferPersonDialog()
        : base(nameof(OfferPersonDialog))
    {
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [AskStepAsync, AnswerStepAsync]));
        AddDialog(new ConfirmPrompt(ConfirmId));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private static async Task<DialogTurnResult> AskStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var language = stepContext.Context.GetLanguage();
        if (stepContext.Options is string reason && reason.Length > 0)
        {
            await stepContext.Context.SendActivityAsync(MessageFactory.Text(reason), cancellationToken).ConfigureAwait(false);
        }

        return await stepContext.PromptAsync(ConfirmId, new PromptOptions
        {
            Prompt = (Activity)MessageFactory.Text(Texts.Get(language, TextKey.OfferPersonPrompt)),
            MaxAttempts = 2,
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> AnswerStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        if (stepContext.Result is true)
        {
            return await stepContext.EndDialogAsync(new RouteRequest(Intents.HumanAgent, null), cancellationToken).ConfigureAwait(false);
        }

        await stepContext.Context.SendActivityAsync(MainDialog.MenuMessage(stepContext.Context, TextKey.AnythingElse), cancellationToken).ConfigureAwait(false);
        return await stepContext.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
