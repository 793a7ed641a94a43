using IqosBot.Dialogs.Benefits;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Insights;
using IqosBot.Dialogs.Interruptions;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Listening;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IqosBot.Dialogs.Common;
using Microsoft.Extensions.Options;

namespace IqosBot.Dialogs.Broken;

/// <summary>
/// "It's broken": what happened and which model (unless the message said), then the model's
/// troubleshooting steps one at a time, and when they do not help, or after an accident, a claim:
/// serial and e-mail → the API's eligibility → a Swedish address → the claim and its receipt. Every
/// refusal is the API's, told honestly with the next best path; nothing is half-created.
/// </summary>
public sealed class BrokenDeviceDialog : InterruptibleDialog
{
    /// <summary>The customer chose "an accident" without saying which.</summary>
    public const string Accident = "accident";

    public const string OtherDamage = "other-damage";

    public const string UnknownModel = "unknown";

    private const string SymptomPromptId = "brokenSymptom";
    private const string AccidentPromptId = "brokenAccident";
    private const string ModelPromptId = "brokenModel";

    private readonly TroubleshootingGuide _guide;
    private readonly TroubleshootingDialog _troubleshooting;

    public BrokenDeviceDialog(
        TroubleshootingGuide guide,
        IClaimsApi claims,
        IBenefitsApi benefits,
        ILookupThrottle throttle,
        IOptionsMonitor<SupportOptions> support,
        IOptionsMonitor<ClaimsOptions> claimHandling,
        LocalClock clock)
        : base(nameof(BrokenDeviceDialog), support)
    {
        _troubleshooting = new TroubleshootingDialog(guide);
        _guide = guide;

        AddDialog(new WaterfallDialog(nameof(WaterfallDialog),
        [
            SymptomStepAsync,
            BrokenSteps.AfterQuestion(AccidentKindStepAsync),
            BrokenSteps.AfterQuestion(ModelStepAsync),
            BrokenSteps.AfterQuestion(DecideStepAsync),
            AfterTroubleshootingStepAsync,
        ]));
        AddDialog(new ChoicePrompt(SymptomPromptId, (prompt, _) => Task.FromResult(prompt.Recognized.Succeeded || SymptomDetector.Detect(prompt.Context.Activity.Text) is not null)));
        AddDialog(new ChoicePrompt(AccidentPromptId, (prompt, _) => Task.FromResult(prompt.Recognized.Succeeded || AccidentOf(SymptomDetector.Detect(prompt.Context.Activity.Text)) is not null)));
        AddDialog(new ChoicePrompt(ModelPromptId, (prompt, _) => Task.FromResult(prompt.Recognized.Succeeded || SymptomDetector.DetectModel(prompt.Context.Activity.Text) is not null)));
        AddDialog(_troubleshooting);
        AddDialog(new OfferPersonDialog());
        AddDialog(new ClaimDialog(claims, benefits, throttle, support, claimHandling, clock));
        InitialDialogId = nameof(WaterfallDialog);
    }

    public override bool ListensForSolved => true;

    protected override string InsightName => JourneyNames.Broken;

    public override bool Serves(string intent) => intent is Intents.Troubleshooting or Intents.DeviceReplacement;

    /// <summary>The serial and e-mail carry over; what happened and what was tried would be lost.</summary>
    public override JourneyProgress Progress(DialogContext innerDc)
        => FindForm<BrokenDeviceForm>(innerDc) is { } form ? new JourneyProgress(form.Serial, form.Email, form.Symptom is not null) : JourneyProgress.Nothing;

    public override string HelpText(ITurnContext turnContext) => Texts.Get(turnContext.GetLanguage(), TextKey.BrokenHelp);

    /// <summary>Asking for a person mid-journey: the agent gets what the journey found out so far.</summary>
    public override RouteRequest? PersonRequest(DialogContext innerDc)
        => FindForm<BrokenDeviceForm>(innerDc) is { Symptom: not null } form
            ? new RouteRequest(Intents.HumanAgent, null, Diagnosis.Describe(form, innerDc.Context.GetLanguage()))
            : base.PersonRequest(innerDc);

    public override string? LeaveNote(string language, LeaveKind kind) => kind switch
    {
        LeaveKind.Solved => Texts.Get(language, TextKey.BrokenSolved),
        LeaveKind.Cancel or LeaveKind.Thanks or LeaveKind.Goodbye => Texts.Get(language, TextKey.LeaveClaim),
        _ => null,
    };

    private static BrokenDeviceForm Form(WaterfallStepContext step) => (BrokenDeviceForm)step.Options!;

    private async Task<DialogTurnResult> SymptomStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var language = step.Context.GetLanguage();
        if (form.AbroadNow)
        {
            // A replacement is valid only in the country of purchase; help abroad goes through International Assistance.
            await step.Context.SendActivityAsync(MessageFactory.Text(Texts.Format(language, TextKey.BrokenAbroadNow, Support.Email)), cancellationToken).ConfigureAwait(false);
        }

        if (!form.IsAccident)
        {
            // What registering promises (the seed's "a new device if it breaks down"), before trying to fix it.
            await step.Context.SendActivityAsync(MessageFactory.Text(Texts.Get(language, TextKey.BrokenIntro)), cancellationToken).ConfigureAwait(false);
        }

        if (form.Symptom is not null)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(SymptomPromptId, BrokenSteps.Ask(language, TextKey.BrokenWhatHappened,
        [
            new Choice(Symptoms.RedLight, Texts.Get(language, TextKey.BrokenRedLight)),
            new Choice(Symptoms.WhiteBlinking, Texts.Get(language, TextKey.BrokenWhiteBlinking)),
            new Choice(Symptoms.NotHeating, Texts.Get(language, TextKey.BrokenNotHeating)),
            new Choice(Symptoms.NotCharging, Texts.Get(language, TextKey.BrokenNotCharging)),
            new Choice(Symptoms.Stops, Texts.Get(language, TextKey.BrokenStops)),
            new Choice(Symptoms.StickStuck, Texts.Get(language, TextKey.BrokenStickStuck)),
            new Choice(Accident, Texts.Get(language, TextKey.BrokenAccident)),
        ]), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> AccidentKindStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        // Asked this turn: a button, or words the validator already recognised ("den blinkar rött").
        form.Symptom ??= (step.Result as FoundChoice)?.Value ?? SymptomDetector.Detect(step.Context.Activity.Text);

        // "It's an ILUMA ONE and it stopped heating": the model came with the symptom, so it is not asked;
        // "blinkar rött, har redan startat om den": what was tried came with it, so it is not suggested.
        form.ModelName ??= SymptomDetector.DetectModel(step.Context.Activity.Text);
        form.AlreadyTried.AddRange(TriedSteps.Read(step.Context.Activity.Text).Except(form.AlreadyTried, StringComparer.Ordinal));
        if (form.Symptom != Accident)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var language = step.Context.GetLanguage();
        return await step.PromptAsync(AccidentPromptId, BrokenSteps.Ask(language, TextKey.BrokenAccidentKind,
        [
            new Choice(Accidents.Dropped, Texts.Get(language, TextKey.BrokenDropped)),
            new Choice(Accidents.Liquid, Texts.Get(language, TextKey.BrokenLiquid)),
            new Choice(Accidents.Cracked, Texts.Get(language, TextKey.BrokenCracked)),
            new Choice(OtherDamage, Texts.Get(language, TextKey.BrokenOtherDamage)),
        ]), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ModelStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        if (form.Symptom == Accident)
        {
            form.Symptom = (step.Result as FoundChoice)?.Value ?? AccidentOf(SymptomDetector.Detect(step.Context.Activity.Text)) ?? OtherDamage;
            form.ModelName ??= SymptomDetector.DetectModel(step.Context.Activity.Text);
        }

        if (form.ModelName is not null)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var language = step.Context.GetLanguage();
        List<Choice> models =
        [
            .. _guide.Models(language).Select(model => new Choice(model.Name, model.Name)),
            new Choice(UnknownModel, Texts.Get(language, TextKey.BrokenModelUnknown), ["vet inte", "vet ej", "ingen aning", "osaker", "no idea", "don't know", "not sure", "dunno"]),
        ];
        return await step.PromptAsync(ModelPromptId, BrokenSteps.Ask(language, TextKey.BrokenWhichModel, models), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> DecideStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var language = step.Context.GetLanguage();
        form.ModelName ??= (step.Result as FoundChoice)?.Value ?? SymptomDetector.DetectModel(step.Context.Activity.Text) ?? UnknownModel;
        if (form.IsAccident)
        {
            form.ClaimKind = ClaimKind.AccidentalDamage;
            form.Damage = form.Symptom switch
            {
                Accidents.Dropped => DamageKind.Dropped,
                Accidents.Liquid => DamageKind.Liquid,
                Accidents.Cracked => DamageKind.Cracked,
                _ => DamageKind.Other,
            };
            await step.Context.SendActivityAsync(MessageFactory.Text(Texts.Get(language, TextKey.BrokenAccidentClaim)), cancellationToken).ConfigureAwait(false);
            return await step.ReplaceDialogAsync(nameof(ClaimDialog), form, cancellationToken).ConfigureAwait(false);
        }

        form.ClaimKind = ClaimKind.WarrantyReplacement;
        if (_troubleshooting.RemainingFor(form, language).Count > 0)
        {
            return await step.BeginDialogAsync(nameof(TroubleshootingDialog), form, cancellationToken).ConfigureAwait(false);
        }

        // Nothing written for this fault, or the customer has tried all of it already: no step to repeat.
        var why = _troubleshooting.StepsFor(form, language).Count > 0 ? TextKey.BrokenAllTried : TextKey.BrokenNoSteps;
        await step.Context.SendActivityAsync(MessageFactory.Text(Texts.Get(language, why)), cancellationToken).ConfigureAwait(false);
        return await step.ReplaceDialogAsync(nameof(ClaimDialog), form, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>No step helped: on to the claim. Solved, or a person asked for, ends the journey with that.</summary>
    private static async Task<DialogTurnResult> AfterTroubleshootingStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
        => step.Result is BrokenDeviceForm tried
            ? await step.ReplaceDialogAsync(nameof(ClaimDialog), tried, cancellationToken).ConfigureAwait(false)
            : await step.EndDialogAsync(step.Result, cancellationToken).ConfigureAwait(false);

    /// <summary>The accident keys only: "it got wet" answers "what happened to it?", "it's not charging" does not.</summary>
    private static string? AccidentOf(string? detected) => detected is Accidents.Dropped or Accidents.Liquid or Accidents.Cracked ? detected : null;
}
