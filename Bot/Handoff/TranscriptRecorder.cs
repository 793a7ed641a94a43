using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Handoff;

/// <summary>
/// Keeps the transcript an agent reads when taking a case over: every message the customer sends and
/// the bot answers, on every channel and adapter. Not the SDK's TranscriptLoggerMiddleware: that one
/// clones each activity through a JSON round trip and writes activity by activity, which the bot's
/// per-turn budget (bench/) cannot afford; this keeps only the text and queues it for a batched write.
/// Personal identity and card numbers typed by mistake are removed before anything is written.
/// </summary>
public sealed class TranscriptRecorder : Microsoft.Bot.Builder.IMiddleware
{
    /// <summary>Turn state key of the customer's entry for this turn, so the relay pushes to the agent exactly what is stored.</summary>
    public const string InboundEntryKey = "IqosBot.Transcript.Inbound";

    /// <summary>Set in a turn whose outgoing messages are already in the transcript (an agent's message stored before sending).</summary>
    public const string SkipOutgoingKey = "IqosBot.Transcript.SkipOutgoing";

    private readonly TranscriptLog _log;
    private readonly TimeProvider _time;

    public TranscriptRecorder(TranscriptLog log, TimeProvider time)
    {
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity?.Conversation?.Id is not { } conversationId || activity.ChannelId is not { } channelId)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var key = ConversationKeys.Of(channelId, conversationId);
        var entries = new List<TranscriptEntry>(4);
        if (activity.Type == ActivityTypes.Message && activity.From?.Role != RoleTypes.Bot)
        {
            var inbound = new TranscriptEntry { ConversationKey = key, At = _time.GetUtcNow(), Sender = TranscriptSenders.Customer, Text = SensitiveNumbers.Redact(ActivityText.Of(activity)) };
            entries.Add(inbound);
            turnContext.TurnState.Add(InboundEntryKey, inbound);
        }

        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            var responses = await nextSend().ConfigureAwait(false);
            if (!context.TurnState.ContainsKey(SkipOutgoingKey))
            {
                foreach (var sent in activities)
                {
                    if (sent.Type == ActivityTypes.Message)
                    {
                        entries.Add(new TranscriptEntry { ConversationKey = key, At = _time.GetUtcNow(), Sender = TranscriptSenders.Bot, Text = ActivityText.Of(sent) });
                    }
                }
            }

            return responses;
        });

        await next(cancellationToken).ConfigureAwait(false);

        // Queued, not written: the turn's answer must not wait for the transcript (see TranscriptLog).
        _log.Add(entries);
    }
}
