using IqosBot.Cards;
using IqosBot.Dialogs.Benefits;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Insights;
using IqosBot.Dialogs.Interruptions;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Listening;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Registration;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IqosBot.Dialogs.Common;
using Microsoft.Extensions.Options;

namespace IqosBot.Dialogs.Warranty;

/// <summary>
/// Looks up one device's coverage with its serial and the account e-mail, and shows it as a card. An
/// unregistered device gets the offer to register it now (the serial and e-mail carry over). A serial
/// and e-mail that don't match get the same answer as an unknown serial, and lookups are limited per
/// conversation, so the chat cannot be used to find out whose device is whose.
/// </summary>
public sealed class WarrantyStatusDialog : InterruptibleDialog
{
    private const string SerialPromptId = "warSerial";
    private const string EmailPromptId = "warEmail";
    private const string RegisterNowPromptId = "warRegisterNow";
    private const int MaxAttempts = 2;

    private readonly IBenefitsApi _benefits;
    private readonly ILookupThrottle _throttle;
    private readonly LocalClock _clock;

    public WarrantyStatusDialog(IBenefitsApi benefits, ILookupThrottle throttle, IOptionsMonitor<SupportOptions> support, LocalClock clock)
        : base(nameof(WarrantyStatusDialog), support)
    {
        _benefits = benefits ?? throw new ArgumentNullException(nameof(benefits));
        _throttle = throttle ?? throw new ArgumentNullException(nameof(throttle));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));

        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [SerialStepAsync, EmailStepAsync, LookupStepAsync, RegisterNowStepAsync]));
        AddDialog(new SerialPrompt(SerialPromptId, benefits));
        AddDialog(new TextPrompt(EmailPromptId, RegistrationValidators.EmailAsync));
        AddDialog(new ConfirmPrompt(RegisterNowPromptId));
        AddDialog(new OfferPersonDialog());
        AddDialog(new RegistrationDialog(benefits, support, clock));
        InitialDialogId = nameof(WaterfallDialog);
    }

    protected override string? LeaveNoteKey => TextKey.LeaveWarranty;

    protected override string InsightName => JourneyNames.Warranty;

    public override bool Serves(string intent) => intent == Intents.WarrantyStatus;

    public override JourneyProgress Progress(DialogContext innerDc)
        => FindForm<WarrantyForm>(innerDc) is { } form ? new JourneyProgress(form.Serial, form.Email, false) : JourneyProgress.Nothing;

    public override string HelpText(ITurnContext turnContext)
        => SerialQuestion.Hint(turnContext.GetLanguage()) + "\n\n" + base.HelpText(turnContext);

    /// <summary>Started with a <see cref="WarrantyForm"/> when the customer already gave the serial or e-mail elsewhere.</summary>
    protected override Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
        => base.OnBeginDialogAsync(innerDc, options as WarrantyForm ?? new WarrantyForm(), cancellationToken);

    private static WarrantyForm Form(WaterfallStepContext step) => (WarrantyForm)step.Options!;

    private static async Task<DialogTurnResult> SerialStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (Form(step).Serial is not null)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var language = step.Context.GetLanguage();
        return await step.PromptAsync(SerialPromptId, SerialQuestion.Ask(language, Texts.Get(language, TextKey.WarSerialPrompt)), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> EmailStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var language = step.Context.GetLanguage();
        if (step.Result is PromptAttemptsExhausted)
        {
            return await step.ReplaceDialogAsync(nameof(OfferPersonDialog), SerialQuestion.GiveUp(language), cancellationToken).ConfigureAwait(false);
        }

        form.Serial ??= step.Result as string;
        if (form.Email is not null)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(EmailPromptId, EmailQuestion.Ask(language, Texts.Get(language, TextKey.WarEmailPrompt)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> LookupStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        if (step.Result is PromptAttemptsExhausted)
        {
            return await OfferPersonAsync(step, cancellationToken).ConfigureAwait(false);
        }

        form.Email ??= EmailAddress.Find(step.Result as string);
        var email = form.Email!;
        var context = step.Context;
        var language = context.GetLanguage();
        var channel = ChannelInfo.From(context.Activity);

        if (!await _throttle.TryAcquireAsync(context, cancellationToken).ConfigureAwait(false))
        {
            var contact = ContactCard.Create(Support, language, channel, Texts.Get(language, TextKey.WarTooManyLookups));
            await context.SendActivityAsync(contact, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        await context.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken).ConfigureAwait(false);
        var result = await _benefits.LookUpCoverageAsync(form.Serial!, email, cancellationToken).ConfigureAwait(false);
        switch (result.Status)
        {
            case CoverageStatus.Registered:
                RecordOutcome(context, JourneyOutcomes.Completed);
                var title = Texts.Format(language, TextKey.WarStatusTitle, result.Device!.Model);
                await context.SendActivitiesAsync(
                    [CoverageCard.Create(result.Device, title, null, language, _clock.Today, channel), MainMenu.Message(context, TextKey.AnythingElse)],
                    cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);

            case CoverageStatus.NotRegistered:
                // What the customer came to know: the device is not registered (the offer to register follows).
                RecordOutcome(context, JourneyOutcomes.Completed);
                return await step.PromptAsync(RegisterNowPromptId, new PromptOptions
                {
                    Prompt = (Activity)MessageFactory.Text(Texts.Format(language, TextKey.WarNotRegistered, result.Model ?? "IQOS")),
                    MaxAttempts = MaxAttempts,
                }, cancellationToken).ConfigureAwait(false);

            case CoverageStatus.NotFound:
                RecordOutcome(context, JourneyOutcomes.Refused);
                await context.SendActivitiesAsync(
                    [MessageFactory.Text(Texts.Get(language, TextKey.WarNotFound)), MainMenu.Message(context, TextKey.AnythingElse)],
                    cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);

            default:
                RecordOutcome(context, JourneyOutcomes.Failed);
                var apology = Texts.Format(language, TextKey.ApiUnavailable, Support.Phone, OpeningHoursText.Describe(Support, language));
                return await step.ReplaceDialogAsync(nameof(OfferPersonDialog), apology, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<DialogTurnResult> RegisterNowStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is PromptAttemptsExhausted)
        {
            return await OfferPersonAsync(step, cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is true)
        {
            var form = Form(step);
            return await step.ReplaceDialogAsync(nameof(RegistrationDialog), new RegistrationForm { Serial = form.Serial, Email = form.Email }, cancellationToken).ConfigureAwait(false);
        }

        await step.Context.SendActivityAsync(MainMenu.Message(step.Context, TextKey.AnythingElse), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private static Task<DialogTurnResult> OfferPersonAsync(WaterfallStepContext step, CancellationToken cancellationToken)
        => step.ReplaceDialogAsync(nameof(OfferPersonDialog), Texts.Get(step.Context.GetLanguage(), TextKey.TooManyAttempts), cancellationToken);
}
