using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Common;

/// <summary>
/// "Would you like to talk to a person?" after a journey could not go on (the API failed, the customer
/// could not give a usable answer twice). Yes hands the conversation on to the main dialog's person
/// route; no leaves the menu on screen. Started with the text that explains why (a string, or
/// <see cref="OfferPersonOptions"/> when the journey has a diagnosis for the agent), or null.
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
        var reason = stepContext.Options switch
        {
            string text => text,
            OfferPersonOptions options => options.Reason,
            _ => null,
        };
        if (!string.IsNullOrEmpty(reason))
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
            var diagnosis = (stepContext.Options as OfferPersonOptions)?.Diagnosis;
            return await stepContext.EndDialogAsync(new RouteRequest(Intents.HumanAgent, null, diagnosis), cancellationToken).ConfigureAwait(false);
        }

        await stepContext.Context.SendActivityAsync(MainMenu.Message(stepContext.Context, TextKey.AnythingElse), cancellationToken).ConfigureAwait(false);
        return await stepContext.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Why a person is offered, and what the journey found out for the agent (so the customer is not asked again).</summary>
public sealed record OfferPersonOptions(string? Reason, string? Diagnosis);
