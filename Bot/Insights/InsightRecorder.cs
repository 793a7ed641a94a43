using IqosBot.Dialogs.Insights;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Understanding;
using IqosBot.Handoff;
using IqosBot.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Insights;

/// <summary>
/// In every adapter's pipeline: after a turn, what it recorded for the team's insights goes to the <see cref="InsightLog"/>
/// with the conversation, channel, language and time; a customer message adds what the bot acted on, and one it did
/// not understand is kept, masked by <see cref="InsightText"/>, for the team to write a new answer. A turn that failed
/// records nothing (the customer got an apology, and its events may be half told).
/// </summary>
public sealed class InsightRecorder(InsightLog log, TimeProvider time) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);

        // Stamped with when the message came, not when the turn's work was done: the order of what customers wrote is
        // the order they wrote it in, even when an earlier turn finishes after a later one has begun.
        var now = time.GetUtcNow();
        await next(cancellationToken).ConfigureAwait(false);

        var activity = turnContext.Activity;
        if (activity?.Conversation?.Id is not { } conversationId || activity.ChannelId is not { } channelId)
        {
            return;
        }

        var key = ConversationKeys.Of(channelId, conversationId);
        var channel = BotTelemetry.KnownOrOther(channelId, BotTelemetry.KnownChannels);
        var language = turnContext.GetLanguage();
        InsightEvent Event(string kind, string? name = null, string? value = null, double? number = null) => new(now, key, channel, language, kind, name, value, number);

        if (activity.Type == ActivityTypes.Message && RecognizerTrace.DecisionOf(turnContext) is { } decision)
        {
            // Who decided, and for the recognizer which one (embedded, clu): "recognizer:clu", "rule:person", "prompt".
            var decidedBy = decision.DecidedBy == RecognizerTrace.ByRecognizer ? decision.DecidedBy + ":" + decision.Recognizer : decision.DecidedBy;
            log.Add(Event(InsightKinds.Recognized, decision.ActedOn, decidedBy, Math.Round(decision.Score, 3)));
            if (decision.NotUnderstood)
            {
                log.Add(Event(InsightKinds.Fallback, value: InsightKinds.NotUnderstood));
                if (!string.IsNullOrWhiteSpace(activity.Text))
                {
                    log.Add(new UnansweredMessage(now, key, language, InsightText.Anonymise(activity.Text)));
                }
            }
            else if (decision.AskedWhichOne)
            {
                log.Add(Event(InsightKinds.Fallback, value: InsightKinds.DidYouMean));
            }
        }

        foreach (var insight in TurnInsights.Of(turnContext))
        {
            log.Add(Event(insight.Kind, insight.Name, insight.Value, insight.Number));
        }
    }
}
