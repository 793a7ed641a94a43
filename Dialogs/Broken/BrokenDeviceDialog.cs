using IqosBot.Cards;
using IqosBot.Dialogs.Benefits;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Interruptions;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Listening;
using IqosBot.Dialogs.Main;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Registration;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

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

    private const string TroubleshootFlowId = "brokenTroubleshoot";
    private const string ClaimFlowId = "brokenClaim";
    private const string AddressFlowId = "brokenAddress";
    private const string RegisterFirstFlowId = "brokenRegisterFirst";
    private const string RetryFlowId = "brokenRetry";
    private const string RetryPromptId = "brokenRetryChoice";
    private const string Retry = "retry";
    private const string Person = "person";
    private const string NoThanksChoice = "not-now";
    private const string SymptomPromptId = "brokenSymptom";
    private const string AccidentPromptId = "brokenAccident";
    private const string ModelPromptId = "brokenModel";
    private const string HelpedPromptId = "brokenHelped";
    private const string SerialPromptId = "brokenSerial";
    private const string EmailPromptId = "brokenEmail";
    private const string ConfirmAddressPromptId = "brokenConfirmAddress";
    private const string RegisterNowPromptId = "brokenRegisterNow";
    private const int MaxAttempts = 2;

    private readonly TroubleshootingGuide _guide;
    private readonly IClaimsApi _claims;
    private readonly ILookupThrottle _throttle;
    private readonly bool _claimsToAgents;

    /// <param name="claimsToAgents">Configuration: claims are made by agents, so the journey hands over with its diagnosis instead of calling the API.</param>
    public BrokenDeviceDialog(
        TroubleshootingGuide guide,
        IClaimsApi claims,
        IBenefitsApi benefits,
        ILookupThrottle throttle,
        SupportOptions support,
        LocalClock clock,
        bool claimsToAgents = false)
        : base(nameof(BrokenDeviceDialog), support)
    {
        _guide = guide ?? throw new ArgumentNullException(nameof(guide));
        _claims = claims ?? throw new ArgumentNullException(nameof(claims));
        _throttle = throttle ?? throw new ArgumentNullException(nameof(throttle));
        _claimsToAgents = claimsToAgents;

        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [SymptomStepAsync, AccidentKindStepAsync, ModelStepAsync, DecideStepAsync]));
        AddDialog(new WaterfallDialog(TroubleshootFlowId, [ShowStepAsync, StepAnsweredAsync]));
        AddDialog(new WaterfallDialog(ClaimFlowId, [ClaimStartStepAsync, EmailStepAsync, EligibilityStepAsync]));
        AddDialog(new WaterfallDialog(AddressFlowId, [AddressStepAsync, ConfirmAddressStepAsync, CreateClaimStepAsync]));
        AddDialog(new WaterfallDialog(RegisterFirstFlowId, [AskRegisterStepAsync, RegisterAnsweredStepAsync]));
        AddDialog(new WaterfallDialog(RetryFlowId, [AskRetryStepAsync, RetryAnsweredStepAsync]));
        AddDialog(new ChoicePrompt(RetryPromptId, (_, _) => Task.FromResult(true)));
        AddDialog(new ChoicePrompt(SymptomPromptId, (prompt, _) => Task.FromResult(prompt.Recognized.Succeeded || SymptomDetector.Detect(prompt.Context.Activity.Text) is not null)));
        AddDialog(new ChoicePrompt(AccidentPromptId, (prompt, _) => Task.FromResult(prompt.Recognized.Succeeded || AccidentOf(SymptomDetector.Detect(prompt.Context.Activity.Text)) is not null)));
        AddDialog(new ChoicePrompt(ModelPromptId, (prompt, _) => Task.FromResult(prompt.Recognized.Succeeded || SymptomDetector.DetectModel(prompt.Context.Activity.Text) is not null)));
        AddDialog(new ConfirmPrompt(HelpedPromptId));
        AddDialog(new SerialPrompt(SerialPromptId, benefits));
        AddDialog(new TextPrompt(EmailPromptId, RegistrationValidators.EmailAsync));
        AddDialog(new DeliveryAddressDialog());
        AddDialog(new ConfirmPrompt(ConfirmAddressPromptId));
        AddDialog(new ConfirmPrompt(RegisterNowPromptId));
        AddDialog(new OfferPersonDialog());
        AddDialog(new RegistrationDialog(benefits, support, clock));
        InitialDialogId = nameof(WaterfallDialog);
    }

    public override bool ListensForSolved => true;

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

    private static async Task<DialogTurnResult> SymptomStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var language = step.Context.GetLanguage();
        if (!form.IsAccident)
        {
            // What registering promises (the seed's "a new device if it breaks down"), before trying to fix it.
            await step.Context.SendActivityAsync(MessageFactory.Text(Texts.Get(language, TextKey.BrokenIntro)), cancellationToken).ConfigureAwait(false);
        }

        if (form.Symptom is not null)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(SymptomPromptId, Ask(language, TextKey.BrokenWhatHappened,
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
        if (step.Result is PromptAttemptsExhausted)
        {
            return await OfferPersonAsync(step, Texts.Get(step.Context.GetLanguage(), TextKey.TooManyAttempts), cancellationToken).ConfigureAwait(false);
        }

        // Asked this turn: a button, or words the validator already recognised ("den blinkar rött").
        form.Symptom ??= (step.Result as FoundChoice)?.Value ?? SymptomDetector.Detect(step.Context.Activity.Text);

        // "It's an ILUMA ONE and it stopped heating": the model came with the symptom, so it is not asked.
        form.ModelName ??= SymptomDetector.DetectModel(step.Context.Activity.Text);
        if (form.Symptom != Accident)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var language = step.Context.GetLanguage();
        return await step.PromptAsync(AccidentPromptId, Ask(language, TextKey.BrokenAccidentKind,
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
        if (step.Result is PromptAttemptsExhausted)
        {
            return await OfferPersonAsync(step, Texts.Get(step.Context.GetLanguage(), TextKey.TooManyAttempts), cancellationToken).ConfigureAwait(false);
        }

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
        return await step.PromptAsync(ModelPromptId, Ask(language, TextKey.BrokenWhichModel, models), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> DecideStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var language = step.Context.GetLanguage();
        if (step.Result is PromptAttemptsExhausted)
        {
            return await OfferPersonAsync(step, Texts.Get(language, TextKey.TooManyAttempts), cancellationToken).ConfigureAwait(false);
        }

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
            return await step.ReplaceDialogAsync(ClaimFlowId, form, cancellationToken).ConfigureAwait(false);
        }

        form.ClaimKind = ClaimKind.WarrantyReplacement;
        if (StepsFor(form, language).Count > form.StepsTried)
        {
            return await step.ReplaceDialogAsync(TroubleshootFlowId, form, cancellationToken).ConfigureAwait(false);
        }

        await step.Context.SendActivityAsync(MessageFactory.Text(Texts.Get(language, TextKey.BrokenNoSteps)), cancellationToken).ConfigureAwait(false);
        return await step.ReplaceDialogAsync(ClaimFlowId, form, cancellationToken).ConfigureAwait(false);
    }

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
            MaxAttempts = MaxAttempts,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> StepAnsweredAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var context = step.Context;
        var language = context.GetLanguage();
        if (step.Result is PromptAttemptsExhausted)
        {
            return await OfferPersonAsync(step, Texts.Get(language, TextKey.TooManyAttempts), cancellationToken).ConfigureAwait(false);
        }

        form.StepsTried++;
        if (step.Result is true)
        {
            await context.SendActivitiesAsync(
                [MessageFactory.Text(Texts.Get(language, TextKey.BrokenSolved)), MainDialog.MenuMessage(context, TextKey.AnythingElse)],
                cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (StepsFor(form, language).Count > form.StepsTried)
        {
            return await step.ReplaceDialogAsync(TroubleshootFlowId, form, cancellationToken).ConfigureAwait(false);
        }

        await context.SendActivityAsync(MessageFactory.Text(Texts.Get(language, TextKey.BrokenNotSolved)), cancellationToken).ConfigureAwait(false);
        return await step.ReplaceDialogAsync(ClaimFlowId, form, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ClaimStartStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var language = step.Context.GetLanguage();
        if (_claimsToAgents)
        {
            // Agents make the claims here: hand over with what the journey found out.
            await step.Context.SendActivityAsync(MessageFactory.Text(Texts.Get(language, TextKey.BrokenToAgents)), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(new RouteRequest(Intents.HumanAgent, null, Diagnosis.Describe(form, language)), cancellationToken).ConfigureAwait(false);
        }

        if (form.Serial is not null)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(SerialPromptId, SerialQuestion.Ask(language, Texts.Get(language, TextKey.BrokenClaimSerialPrompt)), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> EmailStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var language = step.Context.GetLanguage();
        if (step.Result is PromptAttemptsExhausted)
        {
            return await OfferPersonAsync(step, SerialQuestion.GiveUp(language), cancellationToken, form).ConfigureAwait(false);
        }

        form.Serial ??= step.Result as string;
        if (form.Email is not null)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(EmailPromptId, EmailQuestion.Ask(language, Texts.Get(language, TextKey.BrokenClaimEmailPrompt)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> EligibilityStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var context = step.Context;
        var language = context.GetLanguage();
        form.Email ??= EmailAddress.Find(step.Result as string);
        if (form.Email is null)
        {
            return await OfferPersonAsync(step, Texts.Get(language, TextKey.TooManyAttempts), cancellationToken, form).ConfigureAwait(false);
        }

        if (!await _throttle.TryAcquireAsync(context, cancellationToken).ConfigureAwait(false))
        {
            var contact = ContactCard.Create(Support, language, ChannelInfo.From(context.Activity), Texts.Get(language, TextKey.WarTooManyLookups));
            await context.SendActivityAsync(contact, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        await context.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken).ConfigureAwait(false);
        var eligibility = await _claims.CheckClaimAsync(new ClaimCheck(form.Serial!, form.Email, form.ClaimKind, form.Damage), cancellationToken).ConfigureAwait(false);
        if (eligibility.Model is { } model)
        {
            form.ModelName = model;
        }

        return eligibility.Decision switch
        {
            ClaimDecision.Eligible => await step.ReplaceDialogAsync(AddressFlowId, form, cancellationToken).ConfigureAwait(false),
            ClaimDecision.NotRegistered => await step.ReplaceDialogAsync(RegisterFirstFlowId, form, cancellationToken).ConfigureAwait(false),
            ClaimDecision.NotFound => await NotFoundAsync(step, cancellationToken).ConfigureAwait(false),
            _ => await OfferPersonAsync(step, RefusalText(eligibility.Decision, form, language), cancellationToken, form).ConfigureAwait(false),
        };
    }

    private static Task<DialogTurnResult> AddressStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var language = step.Context.GetLanguage();
        var text = form.Street is null
            ? Texts.Format(language, TextKey.BrokenEligible, ModelOrIqos(form))
            : Texts.Get(language, TextKey.BrokenAddressAgain);
        return step.BeginDialogAsync(nameof(DeliveryAddressDialog), text, cancellationToken);
    }

    private static async Task<DialogTurnResult> ConfirmAddressStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        if (step.Result is not AddressParts address)
        {
            return await OfferPersonAsync(step, Texts.Get(step.Context.GetLanguage(), TextKey.TooManyAttempts), cancellationToken, form).ConfigureAwait(false);
        }

        (form.Street, form.PostalCode, form.City) = (address.Street, address.PostalCode, address.City);

        // The claim's key is made and saved with the question, not with the answer: if the API creates
        // the claim and the process dies before this turn is saved, the customer's second "yes" carries
        // the same key and the API answers with the same claim instead of a second one.
        form.IdempotencyKey ??= Guid.NewGuid().ToString("N");
        var language = step.Context.GetLanguage();
        return await step.PromptAsync(ConfirmAddressPromptId, new PromptOptions
        {
            Prompt = (Activity)MessageFactory.Text(Texts.Format(language, TextKey.BrokenConfirmAddress, form.Street!, form.PostalCode!, form.City!)),
            MaxAttempts = MaxAttempts,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> CreateClaimStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var context = step.Context;
        var language = context.GetLanguage();
        if (step.Result is PromptAttemptsExhausted)
        {
            return await OfferPersonAsync(step, Texts.Get(language, TextKey.TooManyAttempts), cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is not true)
        {
            // Another address is another claim body: it gets its own key when confirmed.
            form.IdempotencyKey = null;
            return await step.ReplaceDialogAsync(AddressFlowId, form, cancellationToken).ConfigureAwait(false);
        }

        return await SubmitClaimAsync(step, form, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Files the claim with the key made at the confirm question; on failure the answers are kept for a retry.</summary>
    private async Task<DialogTurnResult> SubmitClaimAsync(WaterfallStepContext step, BrokenDeviceForm form, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var language = context.GetLanguage();
        await context.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken).ConfigureAwait(false);
        var request = new ClaimRequest(
            form.Serial!, form.Email!, form.ClaimKind, form.Damage, Diagnosis.Describe(form, language),
            new ShippingAddress(form.Street!, form.PostalCode!, form.City!), language);
        var result = await _claims.CreateClaimAsync(request, form.IdempotencyKey!, cancellationToken).ConfigureAwait(false);
        switch (result.Status)
        {
            case ClaimStatus.Created:
                form.ModelName = result.Model ?? form.ModelName;
                await context.SendActivitiesAsync(
                    [ClaimReceiptCard.Create(result.CaseNumber!, form, language, ChannelInfo.From(context.Activity)), MainDialog.MenuMessage(context, TextKey.AnythingElse)],
                    cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            case ClaimStatus.Refused:
                return await OfferPersonAsync(step, RefusalText(result.RefusedBecause ?? ClaimDecision.Unavailable, form, language), cancellationToken, form).ConfigureAwait(false);
            default:
                // The same answers and the same key: a retry cannot make a second claim, even if this one got through.
                return await step.ReplaceDialogAsync(RetryFlowId, form, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<DialogTurnResult> AskRetryStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var language = step.Context.GetLanguage();
        return step.PromptAsync(RetryPromptId, Ask(language, TextKey.BrokenRetryPrompt,
        [
            new Choice(Retry, Texts.Get(language, TextKey.BrokenRetry), ["igen", "again", "retry", "ja", "yes"]),
            new Choice(Person, Texts.Get(language, TextKey.BrokenRetryPerson), ["person", "kundtjänst", "customer care"]),
            new Choice(NoThanksChoice, Texts.Get(language, TextKey.BrokenRetryCancel), ["nej", "no", "avbryt", "cancel"]),
        ]), cancellationToken);
    }

    private async Task<DialogTurnResult> RetryAnsweredStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var context = step.Context;
        var language = context.GetLanguage();
        switch ((step.Result as FoundChoice)?.Value)
        {
            case Retry:
                return await SubmitClaimAsync(step, form, cancellationToken).ConfigureAwait(false);
            case Person:
                return await step.EndDialogAsync(new RouteRequest(Intents.HumanAgent, null, Diagnosis.Describe(form, language)), cancellationToken).ConfigureAwait(false);
            case NoThanksChoice:
                await context.SendActivitiesAsync(
                    [MessageFactory.Text(Texts.Get(language, TextKey.BrokenRetryLater)), MainDialog.MenuMessage(context, TextKey.AnythingElse)],
                    cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            default:
                // Something else typed: it is the customer's next question.
                return await step.EndDialogAsync(new RouteRequest(null, context.Activity.Text), cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<DialogTurnResult> AskRegisterStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var language = step.Context.GetLanguage();
        return step.PromptAsync(RegisterNowPromptId, new PromptOptions
        {
            Prompt = (Activity)MessageFactory.Text(Texts.Format(language, TextKey.BrokenNotRegistered, ModelOrIqos(Form(step)))),
            MaxAttempts = MaxAttempts,
        }, cancellationToken);
    }

    private static async Task<DialogTurnResult> RegisterAnsweredStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        if (step.Result is PromptAttemptsExhausted)
        {
            return await OfferPersonAsync(step, Texts.Get(step.Context.GetLanguage(), TextKey.TooManyAttempts), cancellationToken, form).ConfigureAwait(false);
        }

        if (step.Result is true)
        {
            return await step.ReplaceDialogAsync(nameof(RegistrationDialog), new RegistrationForm { Serial = form.Serial, Email = form.Email }, cancellationToken).ConfigureAwait(false);
        }

        await step.Context.SendActivityAsync(MainDialog.MenuMessage(step.Context, TextKey.AnythingElse), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> NotFoundAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await step.Context.SendActivitiesAsync(
            [MessageFactory.Text(Texts.Get(step.Context.GetLanguage(), TextKey.WarNotFound)), MainDialog.MenuMessage(step.Context, TextKey.AnythingElse)],
            cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private string RefusalText(ClaimDecision decision, BrokenDeviceForm form, string language) => decision switch
    {
        ClaimDecision.WarrantyExpired => Texts.Format(language, TextKey.BrokenWarrantyExpired, ModelOrIqos(form)),
        ClaimDecision.AccidentalCoverExpired => Texts.Format(language, TextKey.BrokenCoverExpired, ModelOrIqos(form)),
        ClaimDecision.AccidentalClaimUsed => Texts.Format(language, TextKey.BrokenClaimUsed, ModelOrIqos(form)),
        ClaimDecision.DamageExcluded => Texts.Get(language, TextKey.BrokenDamageExcluded),
        _ => Texts.Format(language, TextKey.ApiUnavailable, Support.Phone, OpeningHoursText.Describe(Support, language)),
    };

    private IReadOnlyList<string> StepsFor(BrokenDeviceForm form, string language)
        => form.ModelName is { } name && _guide.FamilyOf(name) is { } family && form.Symptom is { } symptom
            ? _guide.Steps(language, symptom, family)
            : [];

    private static string ModelOrIqos(BrokenDeviceForm form) => form.ModelName is null or UnknownModel ? "IQOS" : form.ModelName;

    /// <summary>The accident keys only: "it got wet" answers "what happened to it?", "it's not charging" does not.</summary>
    private static string? AccidentOf(string? detected) => detected is Accidents.Dropped or Accidents.Liquid or Accidents.Cracked ? detected : null;

    /// <param name="form">When the journey got far enough to have a diagnosis, it goes with the request for a person.</param>
    private static Task<DialogTurnResult> OfferPersonAsync(WaterfallStepContext step, string reason, CancellationToken cancellationToken, BrokenDeviceForm? form = null)
        => step.ReplaceDialogAsync(
            nameof(OfferPersonDialog),
            form is null ? reason : new OfferPersonOptions(reason, Diagnosis.Describe(form, step.Context.GetLanguage())),
            cancellationToken);

    private static PromptOptions Ask(string language, string textKey, List<Choice> choices) => new()
    {
        Prompt = (Activity)MessageFactory.Text(Texts.Get(language, textKey)),
        Choices = choices,
        MaxAttempts = MaxAttempts,
    };

}
