using IqosBot.Dialogs.Insights;
using IqosBot.Cards;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using IqosBot.Dialogs.Understanding;
using IqosBot.Dialogs.Common;
using IqosBot.Conversations;

namespace IqosBot.Handoff;

/// <summary>
/// The customer's side of an open case, run before the dialogs: while waiting, their messages get their
/// place in the queue (and "cancel" leaves it); while an agent has the chat, every message and typing
/// goes to that agent and the bot stays silent. Contact-centre status events are honoured here too.
/// </summary>
public sealed class CustomerRelay
{
    private readonly ICaseStore _cases;
    private readonly QueueEstimator _estimator;
    private readonly QueueAnnouncer _announcer;
    private readonly IAgentNotifier _agents;
    private readonly IAgentPresence _presence;
    private readonly IOptionsMonitor<SupportOptions> _support;
    private readonly TimeProvider _time;
    private readonly ILogger<CustomerRelay> _logger;

    /// <summary>The only sender whose handoff.status events count (Handoff:ContactCentreSenderId); none counts when unset.</summary>
    private readonly string? _contactCentreSender;

    public CustomerRelay(
        ICaseStore cases,
        QueueEstimator estimator,
        QueueAnnouncer announcer,
        IAgentNotifier agents,
        IAgentPresence presence,
        IOptionsMonitor<SupportOptions> support,
        TimeProvider time,
        ILogger<CustomerRelay> logger,
        IOptions<HandoffSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _contactCentreSender = settings.Value.ContactCentreSenderId;
        ArgumentNullException.ThrowIfNull(support);
        _cases = cases ?? throw new ArgumentNullException(nameof(cases));
        _estimator = estimator ?? throw new ArgumentNullException(nameof(estimator));
        _announcer = announcer ?? throw new ArgumentNullException(nameof(announcer));
        _agents = agents ?? throw new ArgumentNullException(nameof(agents));
        _presence = presence ?? throw new ArgumentNullException(nameof(presence));
        _support = support;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>True when the activity belonged to the open case and was handled; false lets the bot answer as usual.</summary>
    public async Task<bool> TryRelayAsync(ITurnContext turnContext, ConversationData data, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(data);
        var activity = turnContext.Activity;
        if (data.HandoffCaseId is not { } caseId || activity.Type is not (ActivityTypes.Message or ActivityTypes.Typing))
        {
            return false;
        }

        var record = await _cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (record is null || !record.IsOpen)
        {
            // Closed while the customer was away (or the hand-back could not reach them): the bot answers again.
            data.HandoffCaseId = null;
            return false;
        }

        if (activity.Type == ActivityTypes.Typing)
        {
            if (record is { Status: CaseStatus.Active, Owner: { } typingOwner })
            {
                await _agents.CustomerTypingAsync(typingOwner, record.Id, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }

        if (record.Status == CaseStatus.Waiting)
        {
            if (IsLeaveRequest(activity.Text, language))
            {
                await LeaveQueueAsync(turnContext, data, record, language, cancellationToken).ConfigureAwait(false);
                return true;
            }

            await TellStillWaitingAsync(turnContext, record, language, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (record is { Mode: CaseModes.Console, Owner: { } owner })
        {
            // The customer can always end the chat: "avbryt" alone is never a message for the agent.
            if (IsLeaveRequest(activity.Text, language))
            {
                await EndChatAsync(turnContext, data, record, owner, language, cancellationToken).ConfigureAwait(false);
                return true;
            }

            if (turnContext.TurnState.Get<TranscriptEntry>(TranscriptRecorder.InboundEntryKey) is { } entry)
            {
                await _agents.CaseMessageAsync(owner, record.Id, entry, cancellationToken).ConfigureAwait(false);
            }

            // An agent who closed the console without closing the case must not leave the customer talking to no one.
            if (!await _presence.IsOnlineAsync(owner, cancellationToken).ConfigureAwait(false))
            {
                await turnContext.SendActivityAsync(MessageFactory.Text(Texts.Format(language, TextKey.HandoffAgentAway, record.OwnerName ?? owner)), cancellationToken).ConfigureAwait(false);
            }
        }

        // Otherwise the agent (or the contact centre) answers; the bot says nothing.
        return true;
    }

    /// <summary>
    /// A contact centre's "handoff.status" event (accepted / failed / completed). Returns the case id when
    /// the conversation comes back to the bot, so the caller can ask for a rating.
    /// </summary>
    public async Task<HandoffStatusOutcome> OnHandoffStatusAsync(ITurnContext turnContext, ConversationData data, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(data);
        if (data.HandoffCaseId is not { } caseId
            || await _cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false) is not { Mode: CaseModes.ContactCentre } record)
        {
            return HandoffStatusOutcome.Ignored;
        }

        if (string.IsNullOrEmpty(_contactCentreSender) || !string.Equals(turnContext.Activity.From?.Id, _contactCentreSender, StringComparison.Ordinal))
        {
            _logger.LogWarning("A handoff.status event for case {CaseId} did not come from the configured contact centre and was ignored", record.Id);
            return HandoffStatusOutcome.Ignored;
        }

        var state = (turnContext.Activity.Value as JObject)?.Value<string>("state");
        var now = _time.GetUtcNow();
        switch (state)
        {
            case HandoffStatusStates.Accepted:
                if (await _cases.TrySetStatusAsync(record.Id, CaseStatus.Waiting, CaseStatus.Active, now, cancellationToken).ConfigureAwait(false))
                {
                    TurnInsights.Record(turnContext, new TurnInsight(InsightKinds.Accepted, record.Intent, record.Mode, (now - record.QueuedAt).TotalSeconds));
                }

                _logger.LogInformation("Case {CaseId} accepted by the contact centre", record.Id);
                return HandoffStatusOutcome.Ignored;

            case HandoffStatusStates.Failed:
                await _cases.TrySetStatusAsync(record.Id, CaseStatus.Waiting, CaseStatus.Left, now, cancellationToken).ConfigureAwait(false);
                data.HandoffCaseId = null;
                _logger.LogWarning("Case {CaseId}: the contact centre could not take the conversation", record.Id);
                var contact = ContactCard.Create(_support.CurrentValue, language, ChannelInfo.From(turnContext.Activity), Texts.Get(language, TextKey.HandoffFailed));
                await turnContext.SendActivityAsync(contact, cancellationToken).ConfigureAwait(false);
                return HandoffStatusOutcome.Ignored;

            case HandoffStatusStates.Completed:
                var closed = await _cases.TrySetStatusAsync(record.Id, CaseStatus.Active, CaseStatus.Closed, now, cancellationToken).ConfigureAwait(false)
                             || await _cases.TrySetStatusAsync(record.Id, CaseStatus.Waiting, CaseStatus.Closed, now, cancellationToken).ConfigureAwait(false);
                _logger.LogInformation("Case {CaseId} completed by the contact centre", record.Id);
                if (closed)
                {
                    TurnInsights.Record(turnContext, new TurnInsight(InsightKinds.Closed, record.Intent, record.Mode, record.AcceptedAt is { } accepted ? (now - accepted).TotalSeconds : null));
                }

                return closed ? HandoffStatusOutcome.BackToBot : HandoffStatusOutcome.Ignored;

            default:
                return HandoffStatusOutcome.Ignored;
        }
    }

    private async Task LeaveQueueAsync(ITurnContext turnContext, ConversationData data, HandoffCase record, string language, CancellationToken cancellationToken)
    {
        data.HandoffCaseId = null;
        if (await _cases.TryLeaveAsync(record.Id, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            _logger.LogInformation("Case {CaseId}: the customer left the queue", record.Id);
            TurnInsights.Record(turnContext, new TurnInsight(InsightKinds.QueueLeft, record.Intent));
            await _agents.QueueChangedAsync(cancellationToken).ConfigureAwait(false);
            _announcer.Kick();
        }

        await turnContext.SendActivitiesAsync(
            [MessageFactory.Text(Texts.Get(language, TextKey.HandoffLeftQueue)), MainMenu.Message(turnContext, TextKey.AnythingElse)],
            cancellationToken).ConfigureAwait(false);
    }

    private async Task EndChatAsync(ITurnContext turnContext, ConversationData data, HandoffCase record, string owner, string language, CancellationToken cancellationToken)
    {
        data.HandoffCaseId = null;
        if (await _cases.TryEndByCustomerAsync(record.Id, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            _logger.LogInformation("Case {CaseId}: the customer ended the chat", record.Id);
            await _agents.CaseChangedAsync(owner, record.Id, CaseStatus.Closed, cancellationToken).ConfigureAwait(false);
        }

        await turnContext.SendActivitiesAsync(
            [MessageFactory.Text(Texts.Get(language, TextKey.HandoffCustomerEnded)), MainMenu.Message(turnContext, TextKey.AnythingElse)],
            cancellationToken).ConfigureAwait(false);
    }

    private async Task TellStillWaitingAsync(ITurnContext turnContext, HandoffCase record, string language, CancellationToken cancellationToken)
    {
        var leave = Texts.Get(language, TextKey.HandoffLeaveQueue);
        string text;
        if (record.Mode == CaseModes.ContactCentre)
        {
            text = Texts.Get(language, TextKey.HandoffRequested);
        }
        else
        {
            // The place last announced is kept current by the announcer; counting the queue on every message would cost a scan per turn.
            var position = record.AnnouncedPosition ?? await _cases.PositionAsync(record.Id, cancellationToken).ConfigureAwait(false) ?? 1;
            text = Texts.Format(language, TextKey.HandoffStillWaiting, position);
        }

        var reply = ChoiceMessage.Create(text, [new ChoiceButton(leave, leave)], ChannelInfo.From(turnContext.Activity));
        await turnContext.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"avbryt", "cancel", or the "Lämna kön" button.</summary>
    private static bool IsLeaveRequest(string? text, string language)
        => InterruptionDetector.Detect(text) == Interruption.Cancel
           || string.Equals(text?.Trim(), Texts.Get(language, TextKey.HandoffLeaveQueue), StringComparison.OrdinalIgnoreCase);
}

public enum HandoffStatusOutcome
{
    Ignored,
    BackToBot,
}

/// <summary>The "state" values of the Bot Framework "handoff.status" event.</summary>
public static class HandoffStatusStates
{
    public const string Accepted = "accepted";
    public const string Failed = "failed";
    public const string Completed = "completed";
}
