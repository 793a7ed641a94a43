using IqosBot.Cards;
using IqosBot.Dialogs.Benefits;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Insights;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Registration;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IqosBot.Dialogs.Common;
using Microsoft.Extensions.Options;

namespace IqosBot.Dialogs.Broken;

/// <summary>
/// The claim for a broken device, once troubleshooting is over or after an accident: serial and e-mail →
/// the API's eligibility → a Swedish delivery address → "shall we send it to …?" → the claim and its
/// receipt. Every refusal is the API's, told honestly with the next best path (register first, a person);
/// a failed create keeps the answers and its idempotency key for a retry. Started with the journey's
/// <see cref="BrokenDeviceForm"/>, which may already hold the serial and e-mail.
/// </summary>
public sealed class ClaimDialog : ComponentDialog
{
    private const string ClaimFlowId = "claimStart";
    private const string AddressFlowId = "claimAddress";
    private const string RegisterFirstFlowId = "claimRegisterFirst";
    private const string SubmitFlowId = "claimSubmit";
    private const string SerialPromptId = "claimSerial";
    private const string EmailPromptId = "claimEmail";
    private const string ConfirmAddressPromptId = "claimConfirmAddress";
    private const string RegisterNowPromptId = "claimRegisterNow";

    private readonly IClaimsApi _claims;
    private readonly ILookupThrottle _throttle;
    private readonly IOptionsMonitor<SupportOptions> _support;
    private readonly IOptionsMonitor<ClaimsOptions> _claimHandling;

    /// <param name="claimHandling">Configuration: when agents make claims, the journey hands over with its diagnosis instead of calling the API.</param>
    public ClaimDialog(IClaimsApi claims, IBenefitsApi benefits, ILookupThrottle throttle, IOptionsMonitor<SupportOptions> support, IOptionsMonitor<ClaimsOptions> claimHandling, LocalClock clock)
        : base(nameof(ClaimDialog))
    {
        _claims = claims ?? throw new ArgumentNullException(nameof(claims));
        _throttle = throttle ?? throw new ArgumentNullException(nameof(throttle));
        _support = support ?? throw new ArgumentNullException(nameof(support));
        _claimHandling = claimHandling ?? throw new ArgumentNullException(nameof(claimHandling));

        AddDialog(new WaterfallDialog(ClaimFlowId, [ClaimStartStepAsync, BrokenSteps.AfterQuestion(EmailStepAsync, withDiagnosis: true, reason: SerialQuestion.GiveUp), BrokenSteps.AfterQuestion(EligibilityStepAsync, withDiagnosis: true)]));
        AddDialog(new WaterfallDialog(AddressFlowId, [AddressStepAsync, BrokenSteps.AfterQuestion(ConfirmAddressStepAsync, withDiagnosis: true), BrokenSteps.AfterQuestion(CreateClaimStepAsync)]));
        AddDialog(new WaterfallDialog(RegisterFirstFlowId, [AskRegisterStepAsync, BrokenSteps.AfterQuestion(RegisterAnsweredStepAsync, withDiagnosis: true)]));
        AddDialog(new WaterfallDialog(SubmitFlowId, [SubmitStepAsync, AfterRetryStepAsync]));
        AddDialog(new ClaimRetryDialog());
        AddDialog(new SerialPrompt(SerialPromptId, benefits));
        AddDialog(new TextPrompt(EmailPromptId, RegistrationValidators.EmailAsync));
        AddDialog(new DeliveryAddressDialog());
        AddDialog(new ConfirmPrompt(ConfirmAddressPromptId));
        AddDialog(new ConfirmPrompt(RegisterNowPromptId));
        AddDialog(new OfferPersonDialog());
        AddDialog(new RegistrationDialog(benefits, support, clock));
        InitialDialogId = ClaimFlowId;
    }

    private static BrokenDeviceForm Form(WaterfallStepContext step) => (BrokenDeviceForm)step.Options!;

    /// <summary>The claim is a funnel of its own in the team's insights, inside the broken-device journey.</summary>
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        JourneyInsights.Started(outerDc.Context, JourneyNames.Claim);
        return base.BeginDialogAsync(outerDc, options, cancellationToken);
    }

    /// <summary>The claim's outcome, which is also the broken-device journey's.</summary>
    private static void RecordOutcome(ITurnContext turnContext, string outcome)
    {
        JourneyInsights.Ended(turnContext, JourneyNames.Claim, outcome);
        JourneyInsights.Ended(turnContext, JourneyNames.Broken, outcome);
    }

    private async Task<DialogTurnResult> ClaimStartStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var language = step.Context.GetLanguage();
        if (_claimHandling.CurrentValue.HandledBy == ClaimHandling.Agents)
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
            return await BrokenSteps.OfferPersonAsync(step, Texts.Get(language, TextKey.TooManyAttempts), cancellationToken, form).ConfigureAwait(false);
        }

        if (!await _throttle.TryAcquireAsync(context, cancellationToken).ConfigureAwait(false))
        {
            var contact = ContactCard.Create(_support.CurrentValue, language, ChannelInfo.From(context.Activity), Texts.Get(language, TextKey.WarTooManyLookups));
            await context.SendActivityAsync(contact, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        await context.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken).ConfigureAwait(false);
        var eligibility = await _claims.CheckClaimAsync(new ClaimCheck(form.Serial!, form.Email, form.ClaimKind, form.Damage), cancellationToken).ConfigureAwait(false);
        if (eligibility.Model is { } model)
        {
            form.ModelName = model;
        }

        if (eligibility.Decision is not (ClaimDecision.Eligible or ClaimDecision.NotRegistered))
        {
            RecordOutcome(context, eligibility.Decision == ClaimDecision.Unavailable ? JourneyOutcomes.Failed : JourneyOutcomes.Refused);
        }

        return eligibility.Decision switch
        {
            ClaimDecision.Eligible => await step.ReplaceDialogAsync(AddressFlowId, form, cancellationToken).ConfigureAwait(false),
            ClaimDecision.NotRegistered => await step.ReplaceDialogAsync(RegisterFirstFlowId, form, cancellationToken).ConfigureAwait(false),
            ClaimDecision.NotFound => await NotFoundAsync(step, cancellationToken).ConfigureAwait(false),
            _ => await BrokenSteps.OfferPersonAsync(step, RefusalText(eligibility.Decision, form, language), cancellationToken, form).ConfigureAwait(false),
        };
    }

    private static Task<DialogTurnResult> AddressStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var language = step.Context.GetLanguage();
        // Replacements are valid only in the country of purchase [SE S3]: a customer abroad hears so before the address.
        var text = form.Street is null
            ? Texts.Format(language, form.AbroadNow ? TextKey.BrokenEligibleAbroad : TextKey.BrokenEligible, form.DisplayModel())
            : Texts.Get(language, TextKey.BrokenAddressAgain);
        return step.BeginDialogAsync(nameof(DeliveryAddressDialog), text, cancellationToken);
    }

    private static async Task<DialogTurnResult> ConfirmAddressStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        if (step.Result is not AddressParts address)
        {
            return await BrokenSteps.OfferPersonAsync(step, Texts.Get(step.Context.GetLanguage(), TextKey.TooManyAttempts), cancellationToken, form).ConfigureAwait(false);
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
            MaxAttempts = BrokenSteps.MaxAttempts,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> CreateClaimStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var context = step.Context;
        var language = context.GetLanguage();
        if (step.Result is not true)
        {
            // Another address is another claim body: it gets its own key when confirmed.
            form.IdempotencyKey = null;
            return await step.ReplaceDialogAsync(AddressFlowId, form, cancellationToken).ConfigureAwait(false);
        }

        return await step.ReplaceDialogAsync(SubmitFlowId, form, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Files the claim with the key made at the confirm question; on failure the answers are kept for a retry.</summary>
    private async Task<DialogTurnResult> SubmitStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
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
                RecordOutcome(context, JourneyOutcomes.Completed);
                form.ModelName = result.Model ?? form.ModelName;
                await context.SendActivitiesAsync(
                    [ClaimReceiptCard.Create(result.CaseNumber!, form, language, ChannelInfo.From(context.Activity)), MainMenu.Message(context, TextKey.AnythingElse)],
                    cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            case ClaimStatus.Refused:
                RecordOutcome(context, JourneyOutcomes.Refused);
                return await BrokenSteps.OfferPersonAsync(step, RefusalText(result.RefusedBecause ?? ClaimDecision.Unavailable, form, language), cancellationToken, form).ConfigureAwait(false);
            default:
                // The same answers and the same key: a retry cannot make a second claim, even if this one got through.
                return await step.BeginDialogAsync(nameof(ClaimRetryDialog), form, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>"Try again" files the same answers with the same key; anything else ends the claim with what the customer chose.</summary>
    private static async Task<DialogTurnResult> AfterRetryStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
        => step.Result is BrokenDeviceForm again
            ? await step.ReplaceDialogAsync(SubmitFlowId, again, cancellationToken).ConfigureAwait(false)
            : await step.EndDialogAsync(step.Result, cancellationToken).ConfigureAwait(false);

    private static Task<DialogTurnResult> AskRegisterStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var language = step.Context.GetLanguage();
        return step.PromptAsync(RegisterNowPromptId, new PromptOptions
        {
            Prompt = (Activity)MessageFactory.Text(Texts.Format(language, TextKey.BrokenNotRegistered, Form(step).DisplayModel())),
            MaxAttempts = BrokenSteps.MaxAttempts,
        }, cancellationToken);
    }

    private static async Task<DialogTurnResult> RegisterAnsweredStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        if (step.Result is true)
        {
            return await step.ReplaceDialogAsync(nameof(RegistrationDialog), new RegistrationForm { Serial = form.Serial, Email = form.Email }, cancellationToken).ConfigureAwait(false);
        }

        await step.Context.SendActivityAsync(MainMenu.Message(step.Context, TextKey.AnythingElse), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> NotFoundAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await step.Context.SendActivitiesAsync(
            [MessageFactory.Text(Texts.Get(step.Context.GetLanguage(), TextKey.WarNotFound)), MainMenu.Message(step.Context, TextKey.AnythingElse)],
            cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private string RefusalText(ClaimDecision decision, BrokenDeviceForm form, string language) => decision switch
    {
        ClaimDecision.WarrantyExpired => Texts.Format(language, TextKey.BrokenWarrantyExpired, form.DisplayModel()),
        ClaimDecision.AccidentalCoverExpired => Texts.Format(language, TextKey.BrokenCoverExpired, form.DisplayModel()),
        ClaimDecision.AccidentalClaimUsed => Texts.Format(language, TextKey.BrokenClaimUsed, form.DisplayModel()),
        ClaimDecision.DamageExcluded => Texts.Get(language, TextKey.BrokenDamageExcluded),
        _ => Texts.Format(language, TextKey.ApiUnavailable, _support.CurrentValue.Phone, OpeningHoursText.Describe(_support.CurrentValue, language)),
    };
}
