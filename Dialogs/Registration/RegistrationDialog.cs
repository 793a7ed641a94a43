using IqosBot.Cards;
using IqosBot.Dialogs.Benefits;
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
using Newtonsoft.Json.Linq;
using IqosBot.Dialogs.Common;
using Microsoft.Extensions.Options;

namespace IqosBot.Dialogs.Registration;

/// <summary>
/// Registers a device: serial, purchase date, account e-mail, age 18+, communication consent, a summary
/// to confirm or correct, then the benefits API. Started with a <see cref="RegistrationForm"/> (possibly
/// with the serial already known); steps skip what the form already holds, so a correction clears one
/// field and runs the dialog again without asking everything anew.
/// </summary>
public sealed class RegistrationDialog : InterruptibleDialog
{
    private const string SerialPromptId = "regSerial";
    private const string DatePromptId = "regDate";
    private const string EmailPromptId = "regEmail";
    private const string AgePromptId = "regAge";
    private const string ConsentPromptId = "regConsent";
    private const string SummaryPromptId = "regSummary";

    /// <summary>After this many unusable answers to one question, a person is offered instead of asking again.</summary>
    private const int MaxAttempts = 2;

    private readonly IBenefitsApi _benefits;
    private readonly LocalClock _clock;

    public RegistrationDialog(IBenefitsApi benefits, IOptionsMonitor<SupportOptions> support, LocalClock clock)
        : base(nameof(RegistrationDialog), support)
    {
        _benefits = benefits ?? throw new ArgumentNullException(nameof(benefits));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));

        AddDialog(new WaterfallDialog(nameof(WaterfallDialog),
        [
            SerialStepAsync, PurchaseDateStepAsync, EmailStepAsync, AgeStepAsync, ConsentStepAsync, SummaryStepAsync, SubmitStepAsync,
        ]));
        AddDialog(new SerialPrompt(SerialPromptId, benefits));
        AddDialog(new TextPrompt(DatePromptId, (prompt, ct) => RegistrationValidators.PurchaseDateAsync(prompt, _clock.Today, ct)));
        AddDialog(new TextPrompt(EmailPromptId, RegistrationValidators.EmailAsync));
        AddDialog(new ConfirmPrompt(AgePromptId, readAnswer: text => AgeStatement.AnswerToAgeQuestion(text) is { } age ? age >= 18 : null));
        AddDialog(new ConfirmPrompt(ConsentPromptId));
        AddDialog(new CardSubmitPrompt(SummaryPromptId));
        AddDialog(new OfferPersonDialog());
        InitialDialogId = nameof(WaterfallDialog);
    }

    protected override string? LeaveNoteKey => TextKey.LeaveRegistration;

    protected override string InsightName => JourneyNames.Registration;

    public override bool Serves(string intent) => intent == Intents.RegisterDevice;

    /// <summary>The serial and e-mail carry over to another journey; a date, the age or the news choice would be lost.</summary>
    public override JourneyProgress Progress(DialogContext innerDc)
        => FindForm<RegistrationForm>(innerDc) is { } form
            ? new JourneyProgress(form.Serial, form.Email, form.PurchaseDate is not null || form.AgeConfirmed || form.MarketingConsent is not null)
            : JourneyProgress.Nothing;

    public override string HelpText(ITurnContext turnContext)
        => SerialQuestion.Hint(turnContext.GetLanguage()) + "\n\n" + base.HelpText(turnContext);

    private static RegistrationForm Form(WaterfallStepContext step) => (RegistrationForm)step.Options!;

    private static async Task<DialogTurnResult> SerialStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var language = step.Context.GetLanguage();
        if (!form.IntroShown)
        {
            form.IntroShown = true;
            await step.Context.SendActivityAsync(MessageFactory.Text(Texts.Get(language, TextKey.RegIntro)), cancellationToken).ConfigureAwait(false);
        }

        if (form.Serial is not null)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var text = form.SerialRejected
            ? Texts.Get(language, TextKey.RegUnknownSerial) + "\n\n" + SerialQuestion.Hint(language)
            : Texts.Get(language, TextKey.RegSerialPrompt);
        return await step.PromptAsync(SerialPromptId, SerialQuestion.Ask(language, text), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> PurchaseDateStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        if (step.Result is PromptAttemptsExhausted)
        {
            return await step.ReplaceDialogAsync(nameof(OfferPersonDialog), SerialQuestion.GiveUp(step.Context.GetLanguage()), cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is string serial)
        {
            form.Serial = serial;
            form.SerialRejected = false;
        }

        if (form.PurchaseDate is not null)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var language = step.Context.GetLanguage();
        var text = Texts.Get(language, form.DateRejected ? TextKey.RegDateRejected : TextKey.RegDatePrompt);
        return await step.PromptAsync(DatePromptId, Ask(text, Texts.Get(language, TextKey.RegDateInvalid)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> EmailStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        if (step.Result is PromptAttemptsExhausted)
        {
            return await OfferPersonAsync(step, TextKey.TooManyAttempts, cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is string date)
        {
            form.PurchaseDate = PurchaseDateParser.Parse(date, _clock.Today).Date;
            form.DateRejected = false;
        }

        if (form.Email is not null)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var language = step.Context.GetLanguage();
        return await step.PromptAsync(EmailPromptId, EmailQuestion.Ask(language, Texts.Get(language, TextKey.RegEmailPrompt)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AgeStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        if (step.Result is PromptAttemptsExhausted)
        {
            return await OfferPersonAsync(step, TextKey.TooManyAttempts, cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is string email)
        {
            form.Email = EmailAddress.Find(email);
        }

        if (form.AgeConfirmed)
        {
            return await step.NextAsync(true, cancellationToken).ConfigureAwait(false);
        }

        var language = step.Context.GetLanguage();
        return await step.PromptAsync(AgePromptId, Ask(Texts.Get(language, TextKey.RegAgePrompt), null), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ConsentStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        var language = step.Context.GetLanguage();
        switch (step.Result)
        {
            case PromptAttemptsExhausted:
                return await OfferPersonAsync(step, TextKey.TooManyAttempts, cancellationToken).ConfigureAwait(false);

            case false:
                // A minor: a polite stop. Ending the dialog drops the form, so nothing typed is kept, and the
                // conversation remembers it, so a "yes" later is not taken.
                step.Context.GetFacts().AdultsOnly = true;
                RecordOutcome(step.Context, JourneyOutcomes.Refused);
                await step.Context.SendActivityAsync(MessageFactory.Text(Texts.Get(language, TextKey.RegUnderAge)), cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        form.AgeConfirmed = true;
        if (form.MarketingConsent is not null)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(ConsentPromptId, Ask(Texts.Get(language, TextKey.RegConsentPrompt), null), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> SummaryStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        if (step.Result is PromptAttemptsExhausted)
        {
            return await OfferPersonAsync(step, TextKey.TooManyAttempts, cancellationToken).ConfigureAwait(false);
        }

        // Opt-in only: anything but a clear yes means no.
        if (form.MarketingConsent is null)
        {
            form.MarketingConsent = step.Result is true;
        }

        var language = step.Context.GetLanguage();
        var channel = ChannelInfo.From(step.Context.Activity);
        var choices = RegistrationSummary.Choices(language);
        return await step.PromptAsync(SummaryPromptId, new PromptOptions
        {
            // The card is the question, so "help" or a mid-flow question shows it again afterwards.
            Prompt = RegistrationSummary.Create(form, language, channel),
            RetryPrompt = ChoiceMessage.Create(Texts.Get(language, TextKey.RegSummaryRetry), RegistrationSummary.Buttons(choices), channel),
            Choices = choices,
            Validations = new List<string> { CardSubmitPrompt.ActionField },
            MaxAttempts = MaxAttempts,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> SubmitStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var form = Form(step);
        if (step.Result is PromptAttemptsExhausted)
        {
            return await OfferPersonAsync(step, TextKey.TooManyAttempts, cancellationToken).ConfigureAwait(false);
        }

        var action = (step.Result as JObject)?.Value<string>(CardSubmitPrompt.ActionField);
        switch (action)
        {
            case RegistrationSummary.ChangeSerial:
                form.Serial = null;
                return await RestartAsync(step, form, cancellationToken).ConfigureAwait(false);
            case RegistrationSummary.ChangeDate:
                form.PurchaseDate = null;
                return await RestartAsync(step, form, cancellationToken).ConfigureAwait(false);
            case RegistrationSummary.ChangeEmail:
                form.Email = null;
                return await RestartAsync(step, form, cancellationToken).ConfigureAwait(false);
            case RegistrationSummary.ChangeConsent:
                form.MarketingConsent = null;
                return await RestartAsync(step, form, cancellationToken).ConfigureAwait(false);
            case RegistrationSummary.Confirm:
                return await SubmitAsync(step, form, cancellationToken).ConfigureAwait(false);
            default:
                return await RestartAsync(step, form, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DialogTurnResult> SubmitAsync(WaterfallStepContext step, RegistrationForm form, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var language = context.GetLanguage();
        var registration = new DeviceRegistration(form.Serial!, form.Email!, form.PurchaseDate!.Value, form.MarketingConsent == true, language);
        await context.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken).ConfigureAwait(false);
        var result = await _benefits.RegisterAsync(registration, form.IdempotencyKey, cancellationToken).ConfigureAwait(false);

        switch (result.Status)
        {
            case RegistrationStatus.Registered or RegistrationStatus.AlreadyRegistered:
                RecordOutcome(context, JourneyOutcomes.Completed);
                var title = Texts.Get(language, result.Status == RegistrationStatus.Registered ? TextKey.RegReceiptTitle : TextKey.RegAlreadyTitle);
                var note = Texts.Get(language, TextKey.RegReceiptBenefits)
                           + (result.AccountPendingActivation ? " " + Texts.Get(language, TextKey.RegPendingActivation) : string.Empty);
                await context.SendActivitiesAsync(
                    [CoverageCard.Create(result.Device!, title, note, language, _clock.Today, ChannelInfo.From(context.Activity)), MainMenu.Message(context, TextKey.AnythingElse)],
                    cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);

            case RegistrationStatus.UnknownSerial:
                form.Serial = null;
                form.SerialRejected = true;
                form.IdempotencyKey = Guid.NewGuid().ToString("N");
                return await RestartAsync(step, form, cancellationToken).ConfigureAwait(false);

            case RegistrationStatus.InvalidPurchaseDate:
                form.PurchaseDate = null;
                form.DateRejected = true;
                form.IdempotencyKey = Guid.NewGuid().ToString("N");
                return await RestartAsync(step, form, cancellationToken).ConfigureAwait(false);

            case RegistrationStatus.RegisteredToAnotherAccount:
                RecordOutcome(context, JourneyOutcomes.Refused);
                var contact = ContactCard.Create(Support, language, ChannelInfo.From(context.Activity), Texts.Get(language, TextKey.RegOtherAccount));
                await context.SendActivitiesAsync([contact, MainMenu.Message(context, TextKey.AnythingElse)], cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);

            default:
                // Nothing was registered (or a retry with the same key will find it): say so, and offer a person.
                RecordOutcome(context, JourneyOutcomes.Failed);
                var apology = Texts.Format(language, TextKey.ApiUnavailable, Support.Phone, OpeningHoursText.Describe(Support, language));
                return await step.ReplaceDialogAsync(nameof(OfferPersonDialog), apology, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<DialogTurnResult> RestartAsync(WaterfallStepContext step, RegistrationForm form, CancellationToken cancellationToken)
        => step.ReplaceDialogAsync(nameof(WaterfallDialog), form, cancellationToken);

    private static Task<DialogTurnResult> OfferPersonAsync(WaterfallStepContext step, string reasonKey, CancellationToken cancellationToken)
        => step.ReplaceDialogAsync(nameof(OfferPersonDialog), Texts.Get(step.Context.GetLanguage(), reasonKey), cancellationToken);

    private static PromptOptions Ask(string text, string? retry) => new()
    {
        Prompt = (Activity)MessageFactory.Text(text),
        RetryPrompt = retry is null ? null : (Activity)MessageFactory.Text(retry),
        MaxAttempts = MaxAttempts,
    };
}
