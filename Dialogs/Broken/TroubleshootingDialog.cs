using IqosBot.Dialogs.Common;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Broken;

/// <summary>
/// The model's troubleshooting steps for the symptom, one at a time with "did that help?". Started with the
/// <see cref="BrokenDeviceForm"/>; ends with nothing when a step helped (the customer was told and shown the
/// menu), or with the form, steps tried counted, when none did: the journey goes on to a claim with it.
/// </summary>
public sealed class TroubleshootingDialog : ComponentDialog
{
    private const string StepFlowId = "troubleshootStep";
    private const string HelpedPromptId = "brokenHelped";

    private readonly TroubleshootingGuide _guide;

    public TroubleshootingDialog(TroubleshootingGuide guide)
        : base(nameof(TroubleshootingDialog))
    {
        _guide = guide ?? throw new ArgumentNullException(nameof(guide));
        AddDialog(new WaterfallDialog(StepFlowId, [ShowStepAsync, BrokenSteps.AfterQuestion(StepAnsweredAsync)]));
        AddDialog(new ConfirmPrompt(HelpedPromptId));
        AddDialog(new OfferPersonDialog());
        InitialDialogId = StepFlowId;
    }

    /// <summary>The steps written for the form's model family and symptom; none when either is unknown.</summary>
    public IReadOnlyList<string> StepsFor(BrokenDeviceForm form, string language)
        => form.ModelName is { } name && _guide.FamilyOf(name) is { } family && form.Symptom is { } symptom
            ? _guide.Steps(language, symptom, family)
            : [];

    private static BrokenDeviceForm Form(WaterfallStepContext step) => (BrokenDeviceForm)step.Options!;

    private async Task<DialogTurnResult> ShowStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var language = step.Context.GetLanguage();
        var steps = StepsFor(form, language);
        var text = Texts.Format(language, TextKey.BrokenStep, form.StepsTried + 1, steps.Count, steps[form.StepsTried]);
        await step.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken).ConfigureAwait(false);
        return await step.PromptAsync(HelpedPromptId, new PromptOptions
        {
            Prompt = (Activity)MessageFactory.Text(Texts.Get(language, TextKey.BrokenDidThatHelp)),
            MaxAttempts = BrokenSteps.MaxAttempts,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> StepAnsweredAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var context = step.Context;
        var language = context.GetLanguage();
        form.StepsTried++;
        if (step.Result is true)
        {
            await context.SendActivitiesAsync(
                [MessageFactory.Text(Texts.Get(language, TextKey.BrokenSolved)), MainMenu.Message(context, TextKey.AnythingElse)],
                cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (StepsFor(form, language).Count > form.StepsTried)
        {
            return await step.ReplaceDialogAsync(StepFlowId, form, cancellationToken).ConfigureAwait(false);
        }

        await context.SendActivityAsync(MessageFactory.Text(Texts.Get(language, TextKey.BrokenNotSolved)), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(form, cancellationToken).ConfigureAwait(false);
    }
}
