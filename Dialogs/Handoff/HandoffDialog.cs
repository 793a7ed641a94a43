using IqosBot.Cards;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Insights;
using IqosBot.Dialogs.Interruptions;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IqosBot.Dialogs.Common;
using Microsoft.Extensions.Options;

namespace IqosBot.Dialogs.Handoff;

/// <summary>
/// Hands the customer to a person. While customer care is open: an optional one-line description, then
/// the queue (the agent side takes over the conversation from there). While closed: when the team is
/// back, and e-mail or a callback instead — never a promise that someone is coming now.
/// </summary>
public sealed class HandoffDialog : InterruptibleDialog
{
    private const string OpenFlowId = "handoffOpen";
    private const string ClosedFlowId = "handoffClosed";
    private const string DescriptionPromptId = "handoffDescription";
    private const string ClosedChoicePromptId = "handoffClosedChoice";
    private const string PhonePromptId = "handoffPhone";
    private const string ConsentPromptId = "handoffConsent";
    private const string CallbackConsentFlowId = "handoffCallbackConsent";
    private const string Email = "email";
    private const string Callback = "callback";
    private const string NoThanks = "no";

    /// <summary>Enough for the agent to prepare; a longer text is the start of the chat itself.</summary>
    private const int DescriptionMaxLength = 300;

    private readonly IHumanHandoff _handoff;
    private readonly BusinessHours _hours;
    private readonly TimeProvider _time;

    public HandoffDialog(IHumanHandoff handoff, IOptionsMonitor<SupportOptions> support, BusinessHours hours, TimeProvider time)
        : base(nameof(HandoffDialog), support)
    {
        _handoff = handoff ?? throw new ArgumentNullException(nameof(handoff));
        _hours = hours ?? throw new ArgumentNullException(nameof(hours));
        _time = time ?? throw new ArgumentNullException(nameof(time));

        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [ChooseFlowStepAsync]));
        AddDialog(new WaterfallDialog(OpenFlowId, [DescribeStepAsync, QueueStepAsync]));
        AddDialog(new WaterfallDialog(ClosedFlowId, [ClosedStepAsync, ClosedChoiceStepAsync, ConsentStepAsync, CallbackStepAsync]));
        AddDialog(new WaterfallDialog(CallbackConsentFlowId, [AskConsentStepAsync, ConsentAnsweredStepAsync]));
        // Any text describes the case; a personal or card number never reaches it (the listening policy answers it first).
        AddDialog(new TextPrompt(DescriptionPromptId));
        AddDialog(new ChoicePrompt(ClosedChoicePromptId, (prompt, _) => Task.FromResult(prompt.Recognized.Succeeded || ClosedChoiceInWords(prompt.Context.Activity.Text) is not null)));
        AddDialog(new TextPrompt(PhonePromptId, (prompt, _) => Task.FromResult(PhoneNumber.Find(prompt.Recognized.Value) is not null)));
        AddDialog(new ConfirmPrompt(ConsentPromptId));
        InitialDialogId = nameof(WaterfallDialog);
    }

    protected override string? LeaveNoteKey => TextKey.LeaveHandoff;

    protected override bool ForAdultsOnly => false;

    protected override string InsightName => JourneyNames.Handoff;

    public override bool Serves(string intent) => intent == Intents.HumanAgent;

    public override string HelpText(ITurnContext turnContext) => Texts.Get(turnContext.GetLanguage(), TextKey.HandoffHelp);

    /// <summary>Asking for a person while being handed to one: carry on with the question on screen.</summary>
    public override RouteRequest? PersonRequest(DialogContext innerDc) => null;

    /// <summary>Open: describe and queue; closed: a callback or e-mail. Either way the team counts a request for a person, with what led to it.</summary>
    private Task<DialogTurnResult> ChooseFlowStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var options = step.Options as HandoffOptions;
        TurnInsights.Record(step.Context, new TurnInsight(InsightKinds.HandoffRequested, options?.Intent ?? Intents.HumanAgent, options?.LastDialog));
        return step.ReplaceDialogAsync(_hours.IsOpen(_time.GetUtcNow()) ? OpenFlowId : ClosedFlowId, step.Options, cancellationToken);
    }

    private static Task<DialogTurnResult> DescribeStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Options is HandoffOptions { Description: { } known })
        {
            return step.NextAsync(known, cancellationToken);
        }

        var language = step.Context.GetLanguage();
        return step.PromptAsync(DescriptionPromptId, new PromptOptions
        {
            Prompt = WithButton(step.Context, Texts.Get(language, TextKey.HandoffDescribePrompt), Texts.Get(language, TextKey.HandoffSkip)),
            MaxAttempts = 2,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> QueueStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var language = context.GetLanguage();
        var options = step.Options as HandoffOptions ?? new HandoffOptions(null, null);
        var description = Description(step.Result, language);

        HandoffTicket ticket;
        try
        {
            ticket = await _handoff.RequestAgentAsync(context, new HandoffRequest(language, options.Intent, options.LastDialog, description), cancellationToken).ConfigureAwait(false);
        }
        catch (HandoffUnavailableException)
        {
            var contact = ContactCard.Create(Support, language, ChannelInfo.From(context.Activity), Texts.Get(language, TextKey.HandoffUnavailable));
            await context.SendActivityAsync(contact, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var reply = ticket.Position is { } position
            ? WithButton(context, Texts.Format(language, TextKey.HandoffQueued, position, ticket.EstimatedMinutes ?? 1), Texts.Get(language, TextKey.HandoffLeaveQueue))
            : MessageFactory.Text(Texts.Get(language, TextKey.HandoffRequested));
        await context.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ClosedStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var language = step.Context.GetLanguage();
        await step.Context.SendActivityAsync(MessageFactory.Text(ClosedText(language)), cancellationToken).ConfigureAwait(false);
        return await step.PromptAsync(ClosedChoicePromptId, new PromptOptions
        {
            Prompt = (Activity)MessageFactory.Text(Texts.Get(language, TextKey.HandoffClosedOptions)),
            Choices =
            [
                new Choice(Email, Texts.Get(language, TextKey.HandoffOptionEmail), ["mejl", "mejla", "mail", "maila", "e-post", "epost", "email", "e-mail"]),
                new Choice(Callback, Texts.Get(language, TextKey.HandoffOptionCallback), ["ring", "ringa", "ring mig", "uppringd", "telefon", "call", "call me", "phone", "callback"]),
                new Choice(NoThanks, Texts.Get(language, TextKey.HandoffOptionNoThanks), ["nej", "no", "nope", "inget", "nothing"]),
            ],
            MaxAttempts = 2,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ClosedChoiceStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var language = context.GetLanguage();
        switch ((step.Result as FoundChoice)?.Value ?? ClosedChoiceInWords(context.Activity.Text))
        {
            case Email:
                await context.SendActivitiesAsync(
                    [MessageFactory.Text(Texts.Format(language, TextKey.HandoffEmail, Support.Email)), MainMenu.Message(context, TextKey.AnythingElse)],
                    cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            case Callback:
                return await step.PromptAsync(PhonePromptId, new PromptOptions
                {
                    Prompt = (Activity)MessageFactory.Text(Texts.Get(language, TextKey.HandoffCallbackPhone)),
                    RetryPrompt = (Activity)MessageFactory.Text(Texts.Get(language, TextKey.HandoffCallbackPhoneRetry)),
                    MaxAttempts = 2,
                }, cancellationToken).ConfigureAwait(false);
            case NoThanks:
                await context.SendActivityAsync(MainMenu.Message(context, TextKey.AnythingElse), cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            default:
                // Two answers that were neither: the e-mail address is the way that always works.
                await context.SendActivitiesAsync(
                    [MessageFactory.Text(Texts.Format(language, TextKey.HandoffEmail, Support.Email)), MainMenu.Message(context, TextKey.AnythingElse)],
                    cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DialogTurnResult> ConsentStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var language = context.GetLanguage();
        if (PhoneNumber.Find(step.Result as string) is not { } typed || PhoneNumber.Normalize(typed) is not { } phone)
        {
            await context.SendActivitiesAsync(
                [MessageFactory.Text(Texts.Format(language, TextKey.HandoffEmail, Support.Email)), MainMenu.Message(context, TextKey.AnythingElse)],
                cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await step.BeginDialogAsync(CallbackConsentFlowId, typed.Trim(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"May we call you on …?" — started with the number as typed; a number given instead of a yes asks again about that one.</summary>
    private static Task<DialogTurnResult> AskConsentStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
        => step.PromptAsync(ConsentPromptId, new PromptOptions
        {
            Prompt = (Activity)MessageFactory.Text(Texts.Format(step.Context.GetLanguage(), TextKey.HandoffCallbackConsent, (string)step.Options!)),
            MaxAttempts = 2,
        }, cancellationToken);

    /// <summary>Ends with the number to call in international form, or null when the customer did not agree.</summary>
    private static async Task<DialogTurnResult> ConsentAnsweredStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var typed = (string)step.Options!;
        if (step.Result is true)
        {
            return await step.EndDialogAsync(PhoneNumber.Normalize(typed), cancellationToken).ConfigureAwait(false);
        }

        // "Nej vänta, det är 070-765 43 21": the corrected number is the one to ask about.
        if (step.Result is false && PhoneNumber.Find(step.Context.Activity.Text) is { } corrected && corrected != typed)
        {
            return await step.ReplaceDialogAsync(CallbackConsentFlowId, corrected, cancellationToken).ConfigureAwait(false);
        }

        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> CallbackStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var language = context.GetLanguage();
        var options = step.Options as HandoffOptions ?? new HandoffOptions(null, null);
        string reply;
        if (step.Result is string phone)
        {
            await _handoff.RequestCallbackAsync(context, new CallbackRequest(language, phone, options.Intent, options.LastDialog), cancellationToken).ConfigureAwait(false);
            reply = NextOpening() is { } opening
                ? Texts.Format(language, TextKey.HandoffCallbackBooked, _hours.DescribeOpening(_time.GetUtcNow(), opening, language))
                : Texts.Get(language, TextKey.HandoffCallbackBookedNoTime);
        }
        else
        {
            // No consent, no number kept: it only ever lived in this dialog's state, which ends now.
            reply = Texts.Format(language, TextKey.HandoffCallbackNotSaved, Support.Email);
        }

        await context.SendActivitiesAsync([MessageFactory.Text(reply), MainMenu.Message(context, TextKey.AnythingElse)], cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"Kan ni ringa mig?", "just email me": the closed-hours choice in words; null when it names neither or both.</summary>
    private static string? ClosedChoiceInWords(string? text)
    {
        var tokens = TextNormalizer.Tokens(text);
        var call = tokens.Any(CallWords.Contains);
        var email = tokens.Any(EmailWords.Contains);
        return call == email ? null : call ? Callback : Email;
    }

    private static readonly HashSet<string> CallWords = ["ring", "ringa", "ringer", "uppringd", "telefon", "call", "phone", "callback"];

    private static readonly HashSet<string> EmailWords = ["mejl", "mejla", "mejlar", "mail", "maila", "mailar", "epost", "email", "emaila"];

    private string ClosedText(string language)
        => NextOpening() is { } opening
            ? Texts.Format(language, TextKey.HandoffClosed, _hours.DescribeOpening(_time.GetUtcNow(), opening, language))
            : Texts.Get(language, TextKey.HandoffClosedNoReopening);

    private DateTimeOffset? NextOpening() => _hours.NextOpening(_time.GetUtcNow());

    /// <summary>The customer's own words, or null when they skipped, gave up or typed something we must not keep.</summary>
    private static string? Description(object? result, string language)
    {
        if (result is not string text || string.IsNullOrWhiteSpace(text) || SensitiveNumbers.Contains(text))
        {
            return null;
        }

        text = text.Trim();
        // Either language's skip word: "skip" in a Swedish conversation is not a description.
        if (string.Equals(text, Texts.Get(CustomerLanguage.Swedish, TextKey.HandoffSkip), StringComparison.OrdinalIgnoreCase)
            || string.Equals(text, Texts.Get(CustomerLanguage.English, TextKey.HandoffSkip), StringComparison.OrdinalIgnoreCase)
            || InterruptionDetector.Detect(text) == Interruption.HumanAgent)
        {
            return null;
        }

        return text.Length <= DescriptionMaxLength ? text : text[..DescriptionMaxLength] + "…";
    }

    private static Activity WithButton(ITurnContext context, string text, string button)
        => ChoiceMessage.Create(text, [new ChoiceButton(button, button)], ChannelInfo.From(context.Activity));
}
