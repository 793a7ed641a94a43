using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Common;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Broken;

/// <summary>
/// The claim could not be filed (the API failed): try again, a person, or not now. Started with the
/// <see cref="BrokenDeviceForm"/>; ends with the form when the customer wants another try (same answers,
/// same idempotency key), with a <see cref="RouteRequest"/> for a person or for whatever else they typed,
/// or with nothing after "not now".
/// </summary>
public sealed class ClaimRetryDialog : ComponentDialog
{
    private const string RetryPromptId = "claimRetryChoice";
    private const string Retry = "retry";
    private const string Person = "person";
    private const string NoThanksChoice = "not-now";

    public ClaimRetryDialog()
        : base(nameof(ClaimRetryDialog))
    {
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [AskStepAsync, AnsweredStepAsync]));

        // Free text is an answer too: it may be the customer's next question.
        AddDialog(new ChoicePrompt(RetryPromptId, (_, _) => Task.FromResult(true)));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private static Task<DialogTurnResult> AskStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var language = step.Context.GetLanguage();
        return step.PromptAsync(RetryPromptId, BrokenSteps.Ask(language, TextKey.BrokenRetryPrompt,
        [
            new Choice(Retry, Texts.Get(language, TextKey.BrokenRetry), ["igen", "again", "retry", "ja", "yes"]),
            new Choice(Person, Texts.Get(language, TextKey.BrokenRetryPerson), ["person", "kundtjänst", "customer care"]),
            new Choice(NoThanksChoice, Texts.Get(language, TextKey.BrokenRetryCancel), ["nej", "no", "avbryt", "cancel"]),
        ]), cancellationToken);
    }

    private static async Task<DialogTurnResult> AnsweredStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = (BrokenDeviceForm)step.Options!;
        var context = step.Context;
        var language = context.GetLanguage();
        switch ((step.Result as FoundChoice)?.Value)
        {
            case Retry:
                return await step.EndDialogAsync(form, cancellationToken).ConfigureAwait(false);
            case Person:
                return await step.EndDialogAsync(new RouteRequest(Intents.HumanAgent, null, Diagnosis.Describe(form, language)), cancellationToken).ConfigureAwait(false);
            case NoThanksChoice:
                await context.SendActivitiesAsync(
                    [MessageFactory.Text(Texts.Get(language, TextKey.BrokenRetryLater)), MainMenu.Message(context, TextKey.AnythingElse)],
                    cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            default:
                return await step.EndDialogAsync(new RouteRequest(null, context.Activity.Text), cancellationToken).ConfigureAwait(false);
        }
    }
}
