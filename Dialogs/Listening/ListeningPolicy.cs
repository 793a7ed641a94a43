using IqosBot.Dialogs.Faq;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using IqosBot.Dialogs.Common;
using Microsoft.Extensions.Options;

namespace IqosBot.Dialogs.Listening;

/// <summary>
/// How the bot listens at every prompt of every journey: what the customer wrote decides, then the question
/// that is waiting. In order: safety and compliance (under 18, personal or card numbers, health, buying
/// tobacco, other brands), leaving (a person, cancel, goodbye, thanks, help, "it works now"), then the
/// prompt's own answer (also inside a sentence), then a question (answered, then the prompt again), then a
/// different request (switched to, asking first when answers would be lost), and only then "not
/// understood" — the prompt's retry, and after the second miss in a row the offer of a person.
/// </summary>
public sealed class ListeningPolicy : IPromptPolicy
{
    /// <summary>Answers to our own questions (a serial, a date, ja/nej) are shorter; a question or a request is longer.</summary>
    private const int MinimumWords = 3;

    private readonly IRecognizer _recognizer;
    private readonly FaqKnowledge _knowledge;
    private readonly IOptionsMonitor<SupportOptions> _support;
    private readonly double _minimumScore;

    public ListeningPolicy(IRecognizer recognizer, FaqKnowledge knowledge, IOptionsMonitor<SupportOptions> support, double minimumScore = 0.58)
    {
        _recognizer = recognizer ?? throw new ArgumentNullException(nameof(recognizer));
        _knowledge = knowledge ?? throw new ArgumentNullException(nameof(knowledge));
        _support = support ?? throw new ArgumentNullException(nameof(support));
        _minimumScore = minimumScore;
    }

    public async Task<PromptHearing> BeforeAnswerAsync(PromptPolicyContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Context.Activity.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return PromptHearing.NotMine;
        }

        if (await SwitchOffer.AnswerAsync(context, cancellationToken).ConfigureAwait(false) is { } switchAnswer)
        {
            return switchAnswer;
        }

        var turn = context.Context;
        var language = turn.GetLanguage();
        var journey = Journeys.Innermost(context.Dc);
        var signal = CustomerSignals.Read(text);
        if (await HeardSignalAsync(turn, signal, journey, language, cancellationToken).ConfigureAwait(false) is { } heard)
        {
            await RecognizerTrace.RuleAsync(turn, signal.ToString(), signal.ToString(), cancellationToken).ConfigureAwait(false);
            return heard;
        }

        // Where any text is an answer (a description), only a request said in so many words switches.
        if (context.FreeText && RequestCues.Detect(text, changeOfMind: true) is { } cue && journey?.Journey.Serves(cue) != true)
        {
            return await SwitchAsync(context, journey, cue, text, cancellationToken).ConfigureAwait(false);
        }

        return PromptHearing.NotMine;
    }

    /// <summary>Safety, compliance and leaving come before the answer; null when the message carries none the journey acts on.</summary>
    private async Task<PromptHearing?> HeardSignalAsync(ITurnContext turn, CustomerSignal signal, (IJourney Journey, Engine.DialogContext InnerDc)? journey, string language, CancellationToken cancellationToken)
    {
        switch (signal)
        {
            case CustomerSignal.Minor:
                turn.GetFacts().AdultsOnly = true;
                await SayAsync(turn, Texts.Get(language, TextKey.ListenAdultsOnly), cancellationToken).ConfigureAwait(false);
                return PromptHearing.Interrupt(new Leaving(LeaveKind.AdultsOnly));
            case CustomerSignal.SensitiveNumber:
                await SayAsync(turn, Texts.Get(language, TextKey.ListenSensitiveNumber), cancellationToken).ConfigureAwait(false);
                return PromptHearing.AskAgain;
            case CustomerSignal.HealthQuestion:
                await SayAsync(turn, _knowledge.Text(language, ComplianceTopics.HealthQuestion), cancellationToken).ConfigureAwait(false);
                return PromptHearing.AskAgain;
            case CustomerSignal.TobaccoPurchase:
                await SayAsync(turn, _knowledge.Text(language, ComplianceTopics.TobaccoPurchase), cancellationToken).ConfigureAwait(false);
                return PromptHearing.AskAgain;
            case CustomerSignal.OtherBrand:
                await SayAsync(turn, Texts.Get(language, TextKey.ListenOtherBrand), cancellationToken).ConfigureAwait(false);
                return PromptHearing.AskAgain;
            case CustomerSignal.Person:
                return PersonRequested(journey);
            case CustomerSignal.Cancel:
                return PromptHearing.Interrupt(new Leaving(LeaveKind.Cancel));
            case CustomerSignal.Goodbye:
                return PromptHearing.Interrupt(new Leaving(LeaveKind.Goodbye));
            case CustomerSignal.Thanks:
                return PromptHearing.Interrupt(new Leaving(LeaveKind.Thanks));
            case CustomerSignal.Help when journey is { } running:
                await SayAsync(turn, running.Journey.HelpText(turn), cancellationToken).ConfigureAwait(false);
                return PromptHearing.AskAgain;
            case CustomerSignal.Help:
                return PromptHearing.Interrupt(new RouteRequest(Intents.Help, null));
            case CustomerSignal.Solved when journey?.Journey.ListensForSolved == true:
                return PromptHearing.Interrupt(new Leaving(LeaveKind.Solved));
        }

        return null;
    }

    public async Task<PromptHearing> NotAnAnswerAsync(PromptPolicyContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var turn = context.Context;
        var text = turn.Activity.Text;
        if (context.FreeText || string.IsNullOrWhiteSpace(text))
        {
            return PromptHearing.NotMine;
        }

        var language = turn.GetLanguage();
        if (SerialQuestion.AsksWhereToFind(text))
        {
            await SayAsync(turn, SerialQuestion.Hint(language), cancellationToken).ConfigureAwait(false);
            return PromptHearing.AskAgain;
        }

        if (Choices.TextNormalizer.Tokens(text).Length < MinimumWords)
        {
            return PromptHearing.NotMine;
        }

        var recognized = await _recognizer.RecognizeAsync(turn, cancellationToken).ConfigureAwait(false);
        // "Instead" said in so many words decides; then a broken device reported; then a confident recognizer;
        // then words that ask for another journey.
        var confident = Confident(recognized);
        var reported = BrokenSignals.ReportedIntent(text, recognized);
        var cue = RequestCues.Detect(text, changeOfMind: true) ?? reported ?? (confident ? null : RequestCues.Detect(text));
        if (!confident && cue is null)
        {
            return PromptHearing.NotMine;
        }

        var intent = cue ?? recognized.TopIntent();
        await RecognizerTrace.SendAsync(turn, recognized, intent, cancellationToken).ConfigureAwait(false);
        var journey = Journeys.Innermost(context.Dc);
        if (intent == Intents.HumanAgent)
        {
            return PersonRequested(journey);
        }

        var request = Request(intent, text);
        if (request is null && _knowledge.Find(language, intent) is { Title: not null, Text: not null } answer)
        {
            // A question: answered briefly, then the same prompt again.
            if (await AnswerCards.SendAsync(turn, intent, answer, _support.CurrentValue, cancellationToken).ConfigureAwait(false))
            {
                await SayAsync(turn, Texts.Get(language, TextKey.InterruptionResume), cancellationToken).ConfigureAwait(false);
            }

            return PromptHearing.AskAgain;
        }

        if (request is null || journey?.Journey.Serves(request) == true)
        {
            return PromptHearing.NotMine;
        }

        return await SwitchAsync(context, journey, request, text, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Another request: switch to it, with the serial and e-mail already given; ask first when more would be lost.</summary>
    private static async Task<PromptHearing> SwitchAsync(PromptPolicyContext context, (IJourney Journey, Engine.DialogContext InnerDc)? journey, string request, string text, CancellationToken cancellationToken)
    {
        var progress = journey is { } running ? running.Journey.Progress(running.InnerDc) : JourneyProgress.Nothing;
        var route = new RouteRequest(request, text, Serial: progress.Serial, Email: progress.Email);
        if (!progress.WouldDropAnswers)
        {
            return PromptHearing.Interrupt(route);
        }

        await SwitchOffer.AskAsync(context, route, cancellationToken).ConfigureAwait(false);
        return PromptHearing.Wait;
    }

    /// <summary>Sure enough to act on instead of asking the prompt's question again: clearly ahead, or high on its own.</summary>
    private bool Confident(RecognizerResult recognized)
    {
        var top = recognized.TopTwo();
        if (top.Length == 0 || top[0].Intent == Intents.None)
        {
            return false;
        }

        var margin = top.Length > 1 ? top[0].Score - top[1].Score : top[0].Score;
        return top[0].Score >= _minimumScore || (top[0].Score >= _minimumScore - 0.2 && margin >= ClearMargin);
    }

    /// <summary>How far ahead of the runner-up a middling score must be to count.</summary>
    private const double ClearMargin = 0.15;

    /// <summary>The journeys a message at a prompt can switch to: registering, a warranty check, a broken device (reported, not asked about).</summary>
    private static string? Request(string intent, string text) => intent switch
    {
        Intents.RegisterDevice or Intents.WarrantyStatus => intent,
        Intents.Troubleshooting or Intents.DeviceReplacement when BrokenSignals.Mentions(text) => intent,
        _ => null,
    };

    private static PromptHearing PersonRequested((IJourney Journey, Engine.DialogContext InnerDc)? journey)
    {
        if (journey is not { } running)
        {
            return PromptHearing.Interrupt(new RouteRequest(Intents.HumanAgent, null));
        }

        return running.Journey.PersonRequest(running.InnerDc) is { } request ? PromptHearing.Interrupt(request) : PromptHearing.AskAgain;
    }

    private static Task SayAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
        => turn.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
}
