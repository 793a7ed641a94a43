using System.Diagnostics;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;

namespace IqosBot.Telemetry;

/// <summary>
/// First in every adapter's pipeline: one span per turn ("turn message", "turn event", ...) carrying the
/// conversation id, the channel and what the bot acted on, and the turn's metrics (<see cref="BotMetrics"/>).
/// The span is a child of whatever started the turn (the HTTP request, a Direct Line socket, an agent's
/// message), so a slow reply can be followed into the state store and the benefits API. The customer's words
/// are never put on it; a failure is named by its exception type only (a message may quote the input).
/// </summary>
public sealed class TurnTelemetry(BotMetrics metrics) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var incoming = turnContext.Activity;
        var channel = BotTelemetry.KnownOrOther(incoming.ChannelId, BotTelemetry.KnownChannels);
        var type = BotTelemetry.KnownOrOther(incoming.Type, BotTelemetry.KnownActivityTypes);
        using var span = BotTelemetry.Source.StartActivity("turn " + type);
        span?.SetTag(BotTelemetry.ConversationId, incoming.Conversation?.Id);
        span?.SetTag(BotTelemetry.Channel, channel);
        span?.SetTag(BotTelemetry.ActivityType, type);

        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            outcome = "error";
            span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            span?.SetTag(BotTelemetry.ErrorType, exception.GetType().FullName);
            throw;
        }
        finally
        {
            metrics.TurnEnded(channel, type, outcome, Stopwatch.GetElapsedTime(started));
            if (RecognizerTrace.DecisionOf(turnContext) is { } decision)
            {
                span?.SetTag(BotTelemetry.Intent, decision.ActedOn);
                span?.SetTag(BotTelemetry.DecidedBy, decision.DecidedBy);
                span?.SetTag(BotTelemetry.Recognizer, decision.Recognizer);
                span?.SetTag(BotTelemetry.Score, decision.Score);
                metrics.Decided(channel, decision);
            }

            span?.SetTag(BotTelemetry.Outcome, outcome);
        }
    }
}
