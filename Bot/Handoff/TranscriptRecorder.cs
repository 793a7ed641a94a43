using IqosBot.Dialogs.Registration;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Handoff;

/// <summary>
/// Keeps the transcript an agent reads when taking a case over: every message the customer sends and
/// the bot answers, on every channel and adapter. Not the SDK's TranscriptLoggerMiddleware: that one
/// clones each activity through a JSON round trip and writes activity by activity, which the bot's
/// per-turn budget (bench/) cannot afford; this keeps only the text and writes once per turn.
/// Personal identity and card numbers typed by mistake are removed before anything is written.
/// </summary>
public sealed class TranscriptRecorder : Microsoft.Bot.Builder.IMiddleware
{
    /// <summary>Turn state key of the customer's entry for this turn, so the relay pushes to the agent exactly what is stored.</summary>
    public const string InboundEntryKey = "IqosBot.Transcript.Inbound";

    /// <summary>Set in a turn whose outgoing messages are already in the transcript (an agent's message stored before sending).</summary>
    public const string SkipOutgoingKey = "IqosBot.Transcript.SkipOutgoing";

    private readonly TranscriptStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<TranscriptRecorder> _logger;

    public TranscriptRecorder(TranscriptStore store, TimeProvider time, ILogger<TranscriptRecorder> logger)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
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

        var key = HandoffDatabase.ConversationKey(channelId, conversationId);
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

        try
        {
            await _store.AppendAsync(entries, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A transcript that could not be written must not cost the customer their answer.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _logger.LogWarning(exception, "Could not store {Count} transcript entries", entries.Count);
        }
    }
}
