using IqosBot.Cards;
using IqosBot.Dialogs.Broken;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Faq;
using IqosBot.Dialogs.Handoff;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Listening;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Registration;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Understanding;
using IqosBot.Dialogs.Warranty;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IqosBot.Dialogs.Common;
using Microsoft.Extensions.Options;

namespace IqosBot.Dialogs.Main;

/// <summary>
/// The top of every conversation: works out what the customer wants (a button, a fixed phrase, or the
/// recognizer) and answers or starts the journey for it. When it is unsure between two intents it asks;
/// when it understands nothing it says so politely and shows the menu, so there is always a way forward.
/// </summary>
public sealed class MainDialog : ComponentDialog
{
    private const string MenuPromptId = "mainMenu";
    private const string DisambiguationPromptId = "disambiguation";
    private const string SomethingElse = MessageRouter.SomethingElse;

    /// <summary>The index of the step that last showed the menu; its answer arrives at the next step.</summary>
    private const string MenuAskedAtKey = "menuAskedAt";

    /// <summary>Set when the menu on screen follows a message the bot did not understand.</summary>
    private const string FallbackShownKey = "fallbackShown";

    /// <summary>The intent and dialog of the child now running, so that a request for a person from inside it can say what the customer was doing.</summary>
    private const string ChildIntentKey = "childIntent";
    private const string ChildDialogKey = "childDialog";

    private readonly IOptionsMonitor<SupportOptions> _support;
    private readonly FaqKnowledge _knowledge;
    private readonly MessageRouter _router;
    private readonly IPromptPolicy _listening;

    /// <param name="registration">The registration journey; without it, registering is explained instead.</param>
    /// <param name="warranty">The warranty lookup; without it, customer care's details are given instead.</param>
    /// <param name="brokenDevice">Troubleshooting and claims for a broken device; without it, the FAQ answers.</param>
    /// <param name="handoff">The way to a person and the rating after; without them, customer care's details are given instead.</param>
    /// <param name="listening">How every prompt listens; by default the <see cref="ListeningPolicy"/> over the same recognizer and answers.</param>
    public MainDialog(
        IOptionsMonitor<SupportOptions> support,
        IRecognizer recognizer,
        FaqKnowledge knowledge,
        IOptions<RoutingOptions> routing,
        FaqDialog faq,
        RegistrationDialog? registration = null,
        WarrantyStatusDialog? warranty = null,
        HandoffDialogs? handoff = null,
        BrokenDeviceDialog? brokenDevice = null,
        IPromptPolicy? listening = null)
        : base(nameof(MainDialog))
    {
        _support = support ?? throw new ArgumentNullException(nameof(support));
        ArgumentNullException.ThrowIfNull(recognizer);
        _knowledge = knowledge ?? throw new ArgumentNullException(nameof(knowledge));
        _router = new MessageRouter(recognizer, knowledge, (routing ?? throw new ArgumentNullException(nameof(routing))).Value.AmbiguityMargin);
        _listening = listening ?? new ListeningPolicy(recognizer, knowledge, support);

        // Its steps see interruptions: leaving and switching from anywhere below end up here.
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [RouteStepAsync, ActStepAsync, FinalStepAsync]) { HandlesInterruptions = true });

        // Free text is a valid answer to the menu and to "did you mean": it may be the actual question.
        AddDialog(new ChoicePrompt(MenuPromptId, (_, _) => Task.FromResult(true)));
        AddDialog(new ChoicePrompt(DisambiguationPromptId, (_, _) => Task.FromResult(true)));
        AddDialog(faq ?? throw new ArgumentNullException(nameof(faq)));
        AddDialog(new OfferPersonDialog());
        if (registration is not null)
        {
            AddDialog(registration);
        }

        if (warranty is not null)
        {
            AddDialog(warranty);
        }

        if (brokenDevice is not null)
        {
            AddDialog(brokenDevice);
        }

        if (handoff is not null)
        {
            AddDialog(handoff.Handoff);
            AddDialog(handoff.Rating);
        }

        InitialDialogId = nameof(WaterfallDialog);
    }

    /// <summary>Every turn passes through the root: it is where the turn's listening policy and prompt style are put for the prompts below.</summary>
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options = null, CancellationToken cancellationToken = default)
    {
        PromptPolicy.Use(outerDc.Context, _listening);
        PromptStyle.Use(outerDc.Context, ChannelPromptStyle.Instance);
        return base.BeginDialogAsync(outerDc, options, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
    {
        PromptPolicy.Use(outerDc.Context, _listening);
        PromptStyle.Use(outerDc.Context, ChannelPromptStyle.Instance);
        return base.ContinueDialogAsync(outerDc, cancellationToken);
    }

    private async Task<DialogTurnResult> RouteStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var context = stepContext.Context;
        var options = stepContext.Options as MainDialogOptions;
        if (options?.RateCaseId is { } caseId && FindDialog(nameof(RatingDialog)) is not null)
        {
            return await stepContext.BeginDialogAsync(nameof(RatingDialog), caseId, cancellationToken).ConfigureAwait(false);
        }

        if (options?.Intent is { } requested)
        {
            return await stepContext.NextAsync(requested, cancellationToken).ConfigureAwait(false);
        }

        var utterance = options?.Utterance ?? (context.Activity.Type == ActivityTypes.Message ? context.Activity.Text : null);
        if (string.IsNullOrWhiteSpace(utterance))
        {
            // A card submit or an attachment without text: show what the bot can do.
            return await PromptMenuAsync(stepContext, Texts.Get(context.GetLanguage(), TextKey.MenuPrompt), cancellationToken).ConfigureAwait(false);
        }

        var routed = await _router.RouteAsync(context, utterance, cancellationToken).ConfigureAwait(false);
        if (routed.Replied)
        {
            return await stepContext.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (routed.Ambiguous is { } pair)
        {
            return await stepContext.PromptAsync(DisambiguationPromptId, new PromptOptions
            {
                Prompt = (Activity)MessageFactory.Text(Texts.Get(context.GetLanguage(), TextKey.DisambiguationPrompt)),
                Choices = pair,
            }, cancellationToken).ConfigureAwait(false);
        }

        return await stepContext.NextAsync(routed.Intent, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ActStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        if (stepContext.Result is DialogInterruption interruption)
        {
            return await InterruptedAsync(stepContext, interruption, cancellationToken).ConfigureAwait(false);
        }

        var context = stepContext.Context;
        var language = context.GetLanguage();
        if (stepContext.Options is MainDialogOptions { RateCaseId: not null })
        {
            // The rating after a chat with a person is done; whatever the customer wrote instead of a rating is routed from the top.
            return stepContext.Result is RouteRequest next
                ? await RestartAsync(stepContext, new MainDialogOptions { Intent = next.Intent, Utterance = next.Utterance }, cancellationToken).ConfigureAwait(false)
                : await stepContext.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var intent = stepContext.Result switch
        {
            FoundChoice choice => choice.Value,
            string value => value,
            _ => null,
        };

        if (intent is null)
        {
            // The customer typed something instead of picking: route that message from the top.
            return await RestartAsync(stepContext, new MainDialogOptions { Utterance = context.Activity.Text }, cancellationToken).ConfigureAwait(false);
        }

        // "It's broken" needs a fix or a claim, not a paragraph: the journey, where there is one. A question
        // about how replacement or a reset works still gets the FAQ answer.
        var utterance = (stepContext.Options as MainDialogOptions)?.Utterance ?? context.Activity.Text;
        if (intent is Intents.Troubleshooting or Intents.DeviceReplacement && BrokenSignals.Mentions(utterance) && FindDialog(nameof(BrokenDeviceDialog)) is not null)
        {
            var form = new BrokenDeviceForm
            {
                Symptom = SymptomDetector.Detect(utterance), ModelName = SymptomDetector.DetectModel(utterance), Serial = Carried(stepContext)?.Serial, Email = Carried(stepContext)?.Email,
                AbroadNow = TravelSituation.Read(utterance) == TravelPhase.AbroadNow, AlreadyTried = [.. TriedSteps.Read(utterance)],
            };
            return await BeginChildAsync(stepContext, nameof(BrokenDeviceDialog), intent, form, cancellationToken).ConfigureAwait(false);
        }

        if (_knowledge.IsFaq(language, intent))
        {
            return await BeginChildAsync(stepContext, nameof(FaqDialog), intent, intent, cancellationToken).ConfigureAwait(false);
        }

        switch (intent)
        {
            case Intents.Greeting:
                return await PromptMenuAsync(stepContext, Texts.Get(language, TextKey.Greeting) + " " + Texts.Get(language, TextKey.MenuPrompt), cancellationToken).ConfigureAwait(false);
            case Intents.Help:
                return await PromptMenuAsync(stepContext, Texts.Get(language, TextKey.HelpIntro) + " " + Texts.Get(language, TextKey.MenuPrompt), cancellationToken).ConfigureAwait(false);
            case Intents.None or SomethingElse when (stepContext.Options as MainDialogOptions)?.Misses >= 1:
                // The second message in a row the bot did not understand: a person can help (only then).
                return await stepContext.BeginDialogAsync(nameof(OfferPersonDialog), Texts.Get(language, TextKey.TooManyAttempts), cancellationToken).ConfigureAwait(false);
            case Intents.None or SomethingElse:
                stepContext.Values[FallbackShownKey] = true;
                return await PromptMenuAsync(stepContext, Texts.Get(language, TextKey.Fallback), cancellationToken).ConfigureAwait(false);
            case Intents.Thanks or Intents.Goodbye:
                await context.SendActivityAsync(MessageFactory.Text(_knowledge.Text(language, intent)), cancellationToken).ConfigureAwait(false);
                break;
            case ComplianceTopics.HealthQuestion or ComplianceTopics.TobaccoPurchase:
                await context.SendActivitiesAsync([MessageFactory.Text(_knowledge.Text(language, intent)), MainMenu.Message(context, TextKey.AnythingElse)], cancellationToken).ConfigureAwait(false);
                break;
            case Intents.RegisterDevice when FindDialog(nameof(RegistrationDialog)) is not null:
                var registration = new RegistrationForm { Serial = Carried(stepContext)?.Serial, Email = Carried(stepContext)?.Email };
                return await BeginChildAsync(stepContext, nameof(RegistrationDialog), intent, registration, cancellationToken).ConfigureAwait(false);
            case Intents.WarrantyStatus when FindDialog(nameof(WarrantyStatusDialog)) is not null:
                var lookup = new WarrantyForm { Serial = Carried(stepContext)?.Serial, Email = Carried(stepContext)?.Email };
                return await BeginChildAsync(stepContext, nameof(WarrantyStatusDialog), intent, lookup, cancellationToken).ConfigureAwait(false);
            case Intents.HumanAgent when FindDialog(nameof(HandoffDialog)) is not null:
                var from = stepContext.Options as MainDialogOptions;
                var handoff = new HandoffOptions(from?.FromIntent ?? Intents.HumanAgent, from?.FromDialog, from?.Diagnosis);
                return await stepContext.BeginDialogAsync(nameof(HandoffDialog), handoff, cancellationToken).ConfigureAwait(false);
            default:
                await AnswerJourneyAsync(context, intent, cancellationToken).ConfigureAwait(false);
                break;
        }

        return await stepContext.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A child (the FAQ) may hand back a follow-up or a new question to route.</summary>
    private async Task<DialogTurnResult> FinalStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        if (stepContext.Result is DialogInterruption interruption)
        {
            return await InterruptedAsync(stepContext, interruption, cancellationToken).ConfigureAwait(false);
        }

        // The menu shown after a greeting, help or the fallback was answered: route the pick, or the
        // typed text, from the top. Ending here would leave the customer's answer unanswered.
        if (stepContext.Values.GetInt(MenuAskedAtKey, -1) == stepContext.Index - 1)
        {
            var misses = stepContext.Values.ContainsKey(FallbackShownKey) ? ((stepContext.Options as MainDialogOptions)?.Misses ?? 0) + 1 : 0;
            var options = stepContext.Result is FoundChoice choice
                ? new MainDialogOptions { Intent = choice.Value }
                : new MainDialogOptions { Utterance = stepContext.Context.Activity.Text, Misses = misses };
            return await RestartAsync(stepContext, options, cancellationToken).ConfigureAwait(false);
        }

        if (stepContext.Result is RouteRequest request)
        {
            return await RouteAsync(stepContext, request, cancellationToken).ConfigureAwait(false);
        }

        return await stepContext.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A prompt somewhere below heard the customer leave, or ask for something else.</summary>
    private async Task<DialogTurnResult> InterruptedAsync(WaterfallStepContext stepContext, DialogInterruption interruption, CancellationToken cancellationToken)
    {
        switch (interruption.Request)
        {
            case RouteRequest request:
                return await RouteAsync(stepContext, request, cancellationToken).ConfigureAwait(false);
            case Leaving leaving when LeaveReplies.For(stepContext.Context, leaving, _knowledge) is { Length: > 0 } replies:
                await stepContext.Context.SendActivitiesAsync(replies, cancellationToken).ConfigureAwait(false);
                break;
        }

        return await stepContext.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private static Task<DialogTurnResult> RouteAsync(WaterfallStepContext stepContext, RouteRequest request, CancellationToken cancellationToken)
    {
        var options = new MainDialogOptions { Intent = request.Intent, Utterance = request.Utterance, Serial = request.Serial, Email = request.Email };
        if (request.Intent == Intents.HumanAgent)
        {
            // The agent should know what the customer was doing when they asked for a person.
            options.FromIntent = stepContext.Values.TryGetValue(ChildIntentKey, out var childIntent) ? childIntent as string : null;
            options.FromDialog = stepContext.Values.TryGetValue(ChildDialogKey, out var childDialog) ? childDialog as string : null;
            options.Diagnosis = request.Diagnosis;
        }

        return RestartAsync(stepContext, options, cancellationToken);
    }

    /// <summary>The serial and e-mail a journey the customer left had, for the one they switched to.</summary>
    private static MainDialogOptions? Carried(WaterfallStepContext stepContext) => stepContext.Options as MainDialogOptions;

    private static Task<DialogTurnResult> BeginChildAsync(WaterfallStepContext stepContext, string dialogId, string intent, object? options, CancellationToken cancellationToken)
    {
        if (!JourneyDialogs.Ids.Contains(dialogId))
        {
            throw new ArgumentOutOfRangeException(nameof(dialogId), dialogId, "A journey must be listed in JourneyDialogs.Ids: agents see it by a label when the customer asks for a person.");
        }

        stepContext.Values[ChildIntentKey] = intent;
        stepContext.Values[ChildDialogKey] = dialogId;

        // The message and what was carried over have been read into the journey's own options: the main
        // dialog's copy would otherwise stay in the saved state, word for word, as long as the journey runs.
        if (stepContext.Options is MainDialogOptions routed)
        {
            routed.Utterance = null;
            routed.Serial = null;
            routed.Email = null;
        }

        return stepContext.BeginDialogAsync(dialogId, options, cancellationToken);
    }

    private static Task<DialogTurnResult> RestartAsync(WaterfallStepContext stepContext, MainDialogOptions options, CancellationToken cancellationToken)
        => stepContext.ReplaceDialogAsync(nameof(WaterfallDialog), options, cancellationToken);

    private static Task<DialogTurnResult> PromptMenuAsync(WaterfallStepContext stepContext, string text, CancellationToken cancellationToken)
    {
        stepContext.Values[MenuAskedAtKey] = stepContext.Index;
        return stepContext.PromptAsync(MenuPromptId, new PromptOptions
        {
            Prompt = (Activity)MessageFactory.Text(text),
            Choices = MainMenu.Choices(stepContext.Context.GetLanguage()),
            AllowPartialMatches = false,
        }, cancellationToken);
    }

    /// <summary>A journey without its dialog (no benefits API configured), and the request for a person until live agents exist, get customer care's details.</summary>
    private Task AnswerJourneyAsync(ITurnContext context, string intent, CancellationToken cancellationToken)
    {
        var language = context.GetLanguage();
        var channel = ChannelInfo.From(context.Activity);
        IActivity[] replies = intent switch
        {
            Intents.RegisterDevice =>
            [
                MessageFactory.Text(Texts.Get(language, TextKey.TopicRegister)),
                MainMenu.Message(context, TextKey.AnythingElse),
            ],
            Intents.WarrantyStatus =>
            [
                ContactCard.Create(_support.CurrentValue, language, channel, Texts.Get(language, TextKey.TopicWarranty)),
                MainMenu.Message(context, TextKey.AnythingElse),
            ],
            Intents.HumanAgent =>
            [
                ContactCard.Create(_support.CurrentValue, language, channel, Texts.Get(language, TextKey.PersonInterim)),
                MainMenu.Message(context, TextKey.AnythingElse),
            ],
            _ => [MessageFactory.Text(Texts.Get(language, TextKey.TopicQuestions))],
        };

        return context.SendActivitiesAsync(replies, cancellationToken);
    }
}
