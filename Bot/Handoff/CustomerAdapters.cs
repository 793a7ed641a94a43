using IqosBot.DirectLine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace IqosBot.Handoff;

/// <summary>
/// Reaches a customer outside their own turns (an agent's message, queue updates, the hand-back) through
/// the adapter their channel runs on: the Bot Connector (Teams, the Emulator, Azure Direct Line) with
/// the stored conversation reference, or this server's own Direct Line, queued behind the customer's turns.
/// </summary>
public sealed class CustomerAdapters
{
    public const string BotConnector = "bot-connector";
    public const string SelfHostedDirectLine = "self-hosted-direct-line";

    private readonly AdapterWithErrorHandler _cloud;
    private readonly DirectLineAdapter _directLine;
    private readonly DirectLineTurnQueue _directLineTurns;
    private readonly Conversations.ConversationLocks _locks;
    private readonly string _appId;

    public CustomerAdapters(AdapterWithErrorHandler cloud, DirectLineAdapter directLine, DirectLineTurnQueue directLineTurns, Conversations.ConversationLocks locks, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _cloud = cloud ?? throw new ArgumentNullException(nameof(cloud));
        _directLine = directLine ?? throw new ArgumentNullException(nameof(directLine));
        _directLineTurns = directLineTurns ?? throw new ArgumentNullException(nameof(directLineTurns));
        _locks = locks ?? throw new ArgumentNullException(nameof(locks));
        _appId = configuration["MicrosoftAppId"] ?? string.Empty;
    }

    /// <summary>The adapter name to store with a case, from the turn the customer asked in.</summary>
    public static string Of(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Adapter is DirectLineAdapter ? SelfHostedDirectLine : BotConnector;
    }

    public static string Reference(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return JsonConvert.SerializeObject(turnContext.Activity.GetConversationReference());
    }

    /// <summary>
    /// Sends to the customer in a proactive turn. A channel that refuses throws here, to the caller: the
    /// adapter's turn-error handler would otherwise swallow it and try to send the customer an apology.
    /// The send holds the conversation's turn lock, shared by every instance, so an agent's line or a queue
    /// announcement never lands in the middle of a bot turn's replies. (Callers are agents' requests and the
    /// announcer, never a turn of the same conversation, which would wait for itself.)
    /// </summary>
    /// <param name="alreadyInTranscript">The caller stored these lines itself (an agent's message, with the agent's name).</param>
    public async Task SendAsync(HandoffCase record, IActivity[] activities, bool alreadyInTranscript, CancellationToken cancellationToken)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        await ContinueAsync(record, async (turn, token) =>
        {
            using var held = await _locks.AcquireAsync(record.ConversationKey, token).ConfigureAwait(false);
            if (alreadyInTranscript)
            {
                turn.TurnState.Add(TranscriptRecorder.SkipOutgoingKey, (object)true);
            }

            try
            {
                await turn.SendActivitiesAsync(activities, token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception);
            }
        }, cancellationToken).ConfigureAwait(false);
        failure?.Throw();
    }

    /// <summary>Runs <paramref name="callback"/> in a proactive turn of the case's conversation.</summary>
    public Task ContinueAsync(HandoffCase record, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var reference = JsonConvert.DeserializeObject<ConversationReference>(record.Reference)
                        ?? throw new InvalidOperationException($"Case {record.Id} has no conversation reference.");
        var continuation = reference.GetContinuationActivity();
        if (record.Adapter == SelfHostedDirectLine)
        {
            return _directLineTurns.EnqueueProactive(
                reference.Conversation.Id,
                token => _directLine.ContinueConversationAsync(_appId, continuation, callback, token));
        }

        return _cloud.ContinueConversationAsync(_appId, continuation, callback, cancellationToken);
    }
}
