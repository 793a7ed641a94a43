using IqosBot.Dialogs.Common;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Insights;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Broken;

/// <summary>
/// The model's troubleshooting steps for the symptom, one at a time with "did that help?", leaving out what
/// the customer already tried. Started with the <see cref="BrokenDeviceForm"/>; ends with nothing when a
/// step helped (the customer was told and shown the menu), or with the form, steps tried counted, when none
/// did: the journey goes on to a claim with it.
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

        // "Har redan gjort det" / "already tried that, also charged it" answers "did that help?" with no.
        AddDialog(new ConfirmPrompt(HelpedPromptId, (prompt, _) =>
        {
            var text = prompt.Context.Activity.Text;
            return Task.FromResult(prompt.Recognized.Succeeded || TriedSteps.SaysAlreadyTried(text) || TriedSteps.Read(text).Count > 0);
        }));
        AddDialog(new OfferPersonDialog());
        InitialDialogId = StepFlowId;
    }

    /// <summary>All the steps written for the form's model family and symptom; none when either is unknown.</summary>
    public IReadOnlyList<TroubleshootingStep> StepsFor(BrokenDeviceForm form, string language)
        => form.ModelName is { } name && _guide.FamilyOf(name) is { } family && form.Symptom is { } symptom
            ? _guide.StepsWithKinds(language, symptom, family)
            : [];

    /// <summary>The steps still to suggest: those of a kind not tried yet.</summary>
    public IReadOnlyList<TroubleshootingStep> RemainingFor(BrokenDeviceForm form, string language)
        => StepsFor(form, language).Where(step => !form.AlreadyTried.Contains(step.Kind)).ToList();

    private static BrokenDeviceForm Form(WaterfallStepContext step) => (BrokenDeviceForm)step.Options!;

    private async Task<DialogTurnResult> ShowStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var language = step.Context.GetLanguage();
        var remaining = RemainingFor(form, language);
        if (form.StepsTried == 0 && remaining.Count < StepsFor(form, language).Count)
        {
            // Said once, when the customer's own words left steps out, so they know they were heard.
            await step.Context.SendActivityAsync(MessageFactory.Text(Texts.Get(language, TextKey.BrokenSkippingTried)), cancellationToken).ConfigureAwait(false);
        }

        var text = Texts.Format(language, TextKey.BrokenStep, form.StepsTried + 1, form.StepsTried + remaining.Count, remaining[0].Text);
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
        if (step.Result is true)
        {
            form.StepsTried++;
            JourneyInsights.Ended(context, JourneyNames.Broken, JourneyOutcomes.Solved);
            await context.SendActivitiesAsync(
                [MessageFactory.Text(Texts.Get(language, TextKey.BrokenSolved)), MainMenu.Message(context, TextKey.AnythingElse)],
                cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // The step shown is the first remaining one; it and whatever else the answer says was tried are done.
        var before = RemainingFor(form, language);
        var shown = before[0];
        form.StepsTried++;
        form.AlreadyTried.Add(shown.Kind);
        form.AlreadyTried.AddRange(TriedSteps.Read(context.Activity.Text).Except(form.AlreadyTried, StringComparer.Ordinal));
        var remaining = RemainingFor(form, language);
        if (remaining.Count > 0)
        {
            if (remaining.Count < before.Count - 1)
            {
                await context.SendActivityAsync(MessageFactory.Text(Texts.Get(language, TextKey.BrokenSkippingTried)), cancellationToken).ConfigureAwait(false);
            }

            return await step.ReplaceDialogAsync(StepFlowId, form, cancellationToken).ConfigureAwait(false);
        }

        await context.SendActivityAsync(MessageFactory.Text(Texts.Get(language, TextKey.BrokenNotSolved)), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(form, cancellationToken).ConfigureAwait(false);
    }
}
