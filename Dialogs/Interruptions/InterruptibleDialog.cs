using IqosBot.Cards;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Faq;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Main;
using IqosBot.Dialogs.Understanding;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Interruptions;

/// <summary>
/// Base of every journey (CoreBot's CancelAndHelpDialog): before a step sees the customer's message,
/// "help" explains the step and asks again, "cancel" ends the journey, and asking for a person ends it and goes to a person. The customer is never stuck in a step.
/// </summary>
public abstract class InterruptibleDialog : ComponentDialog
{
    private readonly MidFlowQuestions? _questions;

    /// <param name="questions">Answers FAQ questions asked mid-journey; null where the journey has none to answer.</param>
    protected InterruptibleDialog(string dialogId, SupportOptions support, MidFlowQuestions? questions = null)
        : base(dialogId)
    {
        Support = support ?? throw new ArgumentNullException(nameof(support));
        _questions = questions;
    }

    protected SupportOptions Support { get; }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        if (innerDc.Context.Activity.Type == ActivityTypes.Message
            && await InterruptAsync(innerDc, cancellationToken).ConfigureAwait(false) is { } interrupted)
        {
            return interrupted;
        }

        return await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The customer asked for a person mid-journey: the journey ends and hands the request to the main
    /// dialog, which knows this journey was running and passes that on to the agent.
    /// </summary>
    protected virtual async Task<DialogTurnResult> OnPersonRequestedAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        return new DialogTurnResult(DialogTurnStatus.Complete, new RouteRequest(Intents.HumanAgent, null));
    }

    /// <summary>What "help" says in this journey; by default how to answer, cancel or reach a person.</summary>
    protected virtual string HelpText(ITurnContext turnContext) => Texts.Get(turnContext.GetLanguage(), TextKey.InterruptionHelp);

    private async Task<DialogTurnResult?> InterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var context = innerDc.Context;
        var language = context.GetLanguage();
        switch (InterruptionDetector.Detect(context.Activity.Text))
        {
            case Interruption.Help:
                await context.SendActivityAsync(MessageFactory.Text(HelpText(context)), cancellationToken).ConfigureAwait(false);
                await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return EndOfTurn;

            case Interruption.Cancel:
                await context.SendActivityAsync(MessageFactory.Text(Texts.Get(language, TextKey.InterruptionCancelled)), cancellationToken).ConfigureAwait(false);
                return await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);

            case Interruption.HumanAgent:
                return await OnPersonRequestedAsync(innerDc, cancellationToken).ConfigureAwait(false);

            default:
                if (_questions is not null && await _questions.TryAnswerAsync(context, cancellationToken).ConfigureAwait(false))
                {
                    await context.SendActivityAsync(MessageFactory.Text(Texts.Get(language, TextKey.InterruptionResume)), cancellationToken).ConfigureAwait(false);
                    await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                    return EndOfTurn;
                }

                return null;
        }
    }
}
