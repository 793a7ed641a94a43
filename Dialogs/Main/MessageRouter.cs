using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Faq;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Listening;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using IqosBot.Dialogs.Common;

namespace IqosBot.Dialogs.Main;

/// <summary>
/// Works out what a message at the top of the conversation asks for, in the order the bot listens:
/// safety, compliance and leaving (as at every prompt), a menu phrase, then the recognizer — a broken device
/// reported in words, a change of mind said in so many words, or "did you mean A or B?" when it cannot tell.
/// </summary>
internal sealed class MessageRouter(IRecognizer recognizer, FaqKnowledge knowledge, double ambiguityMargin)
{
    /// <summary>The "something else" option of "did you mean": the menu follows.</summary>
    public const string SomethingElse = "other";

    public async Task<Routed> RouteAsync(ITurnContext context, string utterance, CancellationToken cancellationToken)
    {
        var language = context.GetLanguage();
        var signal = CustomerSignals.Read(utterance);
        if (await BySignalAsync(context, signal, language, cancellationToken).ConfigureAwait(false) is { } bySignal)
        {
            await RecognizerTrace.RuleAsync(context, signal.ToString(), bySignal.Intent ?? signal.ToString(), cancellationToken).ConfigureAwait(false);
            return bySignal;
        }

        if (MainMenu.ExactPick(utterance, language) is { } picked)
        {
            await RecognizerTrace.RuleAsync(context, "Menu", picked, cancellationToken).ConfigureAwait(false);
            return Routed.To(picked);
        }

        var recognized = await RecognizeAsync(context, utterance, cancellationToken).ConfigureAwait(false);
        var routed = Decide(utterance, recognized, language);
        await RecognizerTrace.SendAsync(context, recognized, routed.Intent ?? TurnDecision.DidYouMean, cancellationToken).ConfigureAwait(false);
        return routed;
    }

    /// <summary>What the recognizer's scores mean here.</summary>
    private Routed Decide(string utterance, RecognizerResult recognized, string language)
    {
        var intent = recognized.TopIntent();

        // A plain report of a broken device that the model was unsure of, or torn between it and something
        // else ("I dropped my ILUMA and it broke"), is still a broken device: no "did you mean" for it.
        if (BrokenSignals.ReportedIntent(utterance, recognized) is { } broken)
        {
            return Routed.To(broken);
        }

        if (intent != Intents.None && AmbiguousPair(recognized, language) is { } pair)
        {
            // "Can you check the warranty on my other one?": asking for a journey in so many words settles it.
            return RequestCues.Detect(utterance) is { } asked && pair.Any(choice => choice.Value == asked)
                ? Routed.To(asked)
                : new Routed(null, pair, Replied: false);
        }

        return Routed.To(intent);
    }

    /// <summary>Safety, compliance and leaving, as at every prompt; null when the message carries none of them.</summary>
    private static async Task<Routed?> BySignalAsync(ITurnContext context, CustomerSignal signal, string language, CancellationToken cancellationToken)
    {
        switch (signal)
        {
            case CustomerSignal.Minor:
                context.GetFacts().AdultsOnly = true;
                await context.SendActivityAsync(MessageFactory.Text(Texts.Get(language, TextKey.ListenAdultsOnly)), cancellationToken).ConfigureAwait(false);
                return Routed.Handled;
            case CustomerSignal.SensitiveNumber or CustomerSignal.OtherBrand:
                var key = signal == CustomerSignal.SensitiveNumber ? TextKey.ListenSensitiveNumber : TextKey.ListenOtherBrand;
                await context.SendActivitiesAsync([MessageFactory.Text(Texts.Get(language, key)), MainMenu.Message(context, TextKey.AnythingElse)], cancellationToken).ConfigureAwait(false);
                return Routed.Handled;
            case CustomerSignal.Cancel:
                await context.SendActivityAsync(MainMenu.Message(context, TextKey.AnythingElse), cancellationToken).ConfigureAwait(false);
                return Routed.Handled;
            case CustomerSignal.HealthQuestion:
                return Routed.To(ComplianceTopics.HealthQuestion);
            case CustomerSignal.TobaccoPurchase:
                return Routed.To(ComplianceTopics.TobaccoPurchase);
            case CustomerSignal.Person:
                return Routed.To(Intents.HumanAgent);
            case CustomerSignal.Goodbye:
                return Routed.To(Intents.Goodbye);
            case CustomerSignal.Thanks:
                return Routed.To(Intents.Thanks);
            case CustomerSignal.Help:
                return Routed.To(Intents.Help);
            default:
                return null;
        }
    }

    private async Task<RecognizerResult> RecognizeAsync(ITurnContext context, string utterance, CancellationToken cancellationToken)
    {
        // Recognizers read the turn's activity; a replayed utterance must be what they see.
        var original = context.Activity.Text;
        context.Activity.Text = utterance;
        try
        {
            return await recognizer.RecognizeAsync(context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            context.Activity.Text = original;
        }
    }

    /// <summary>The two intents to offer when the runner-up is too close to call, or null.</summary>
    private List<Choice>? AmbiguousPair(RecognizerResult recognized, string language)
    {
        var top = recognized.TopTwo();
        if (top.Length < 2 || top[0].Score - top[1].Score >= ambiguityMargin)
        {
            return null;
        }

        var first = knowledge.Find(language, top[0].Intent)?.Suggestion;
        var second = knowledge.Find(language, top[1].Intent)?.Suggestion;
        if (first is null || second is null)
        {
            return null;
        }

        return
        [
            new Choice(top[0].Intent, first),
            new Choice(top[1].Intent, second),
            new Choice(SomethingElse, Texts.Get(language, TextKey.DisambiguationOther)),
        ];
    }
}

/// <summary>Where a message goes: an intent to act on, two to choose between, or nothing more (it was answered already).</summary>
internal sealed record Routed(string? Intent, List<Choice>? Ambiguous, bool Replied)
{
    public static readonly Routed Handled = new(null, null, Replied: true);

    public static Routed To(string intent) => new(intent, null, Replied: false);
}
