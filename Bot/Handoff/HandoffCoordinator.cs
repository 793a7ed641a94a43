using IqosBot.Dialogs.Insights;
using IqosBot.Dialogs.Handoff;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using IqosBot.Conversations;

using IqosBot.Telemetry;

namespace IqosBot.Handoff;

/// <summary>
/// The host's side of <see cref="IHumanHandoff"/>: opens a case in the queue for the agent console, or
/// sends the Bot Framework handoff event to a contact centre; stores callback tickets and ratings.
/// </summary>
public sealed class HandoffCoordinator : IHumanHandoff
{
    private readonly ICaseStore _cases;
    private readonly ICallbackStore _callbacks;
    private readonly TranscriptLog _transcripts;
    private readonly QueueEstimator _estimator;
    private readonly IAgentNotifier _agents;
    private readonly IStatePropertyAccessor<ConversationData> _conversationData;
    private readonly HandoffSettings _settings;
    private readonly TimeProvider _time;
    private readonly BotMetrics _metrics;
    private readonly ILogger<HandoffCoordinator> _logger;

    public HandoffCoordinator(
        ICaseStore cases,
        ICallbackStore callbacks,
        TranscriptLog transcripts,
        QueueEstimator estimator,
        IAgentNotifier agents,
        ConversationState conversationState,
        IOptions<HandoffSettings> settings,
        TimeProvider time,
        BotMetrics metrics,
        ILogger<HandoffCoordinator> logger)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        ArgumentNullException.ThrowIfNull(settings);
        _cases = cases ?? throw new ArgumentNullException(nameof(cases));
        _callbacks = callbacks ?? throw new ArgumentNullException(nameof(callbacks));
        _transcripts = transcripts ?? throw new ArgumentNullException(nameof(transcripts));
        _estimator = estimator ?? throw new ArgumentNullException(nameof(estimator));
        _agents = agents ?? throw new ArgumentNullException(nameof(agents));
        _conversationData = conversationState.CreateProperty<ConversationData>(nameof(ConversationData));
        _settings = settings.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async Task<HandoffTicket> RequestAgentAsync(ITurnContext turnContext, HandoffRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(request);
        var activity = turnContext.Activity;
        var now = _time.GetUtcNow();
        var contactCentre = _settings.Mode == HandoffMode.ContactCentre;
        var record = new HandoffCase
        {
            Id = CaseNumbers.New("C"),
            ConversationKey = ConversationKeys.Of(activity.ChannelId, activity.Conversation.Id),
            ChannelId = activity.ChannelId,
            Reference = CustomerAdapters.Reference(turnContext),
            Adapter = CustomerAdapters.Of(turnContext),
            Mode = contactCentre ? CaseModes.ContactCentre : CaseModes.Console,
            Language = request.Language,
            Intent = request.Intent,
            LastDialog = request.LastDialog,
            Description = request.Description,
            Status = CaseStatus.Waiting,
            CreatedAt = now,
            QueuedAt = now,
        };

        int? position;
        try
        {
            position = await _cases.CreateAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException exception)
        {
            // Either provider's failure (SQLite busy or full, PostgreSQL unreachable): the customer hears that
            // nobody can take the chat now instead of an error.
            throw new HandoffUnavailableException("The case could not be stored.", exception);
        }

        var data = await _conversationData.GetAsync(turnContext, () => new ConversationData(), cancellationToken).ConfigureAwait(false);
        data.HandoffCaseId = record.Id;
        _logger.LogInformation("Case {CaseId} opened ({Mode}, {Language}, intent {Intent}, from {LastDialog})", record.Id, record.Mode, record.Language, record.Intent, record.LastDialog);
        _metrics.HandedOff(record.Intent, record.LastDialog, record.Mode);
        TurnInsights.Record(turnContext, new TurnInsight(InsightKinds.Queued, record.Intent, record.Mode));

        if (contactCentre)
        {
            await SendHandoffInitiationAsync(turnContext, record, cancellationToken).ConfigureAwait(false);
            return new HandoffTicket(record.Id, null, null);
        }

        var place = position ?? 1;
        _metrics.QueueSeen(place);
        await _agents.QueueChangedAsync(cancellationToken).ConfigureAwait(false);
        return new HandoffTicket(record.Id, place, await _estimator.MinutesAsync(place, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Open callback tickets one conversation may have.</summary>
    public const int MaxOpenCallbacksPerConversation = 3;

    public async Task RequestCallbackAsync(ITurnContext turnContext, CallbackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(request);
        var activity = turnContext.Activity;
        var ticket = new CallbackTicket
        {
            Id = CaseNumbers.New("R"),
            ConversationKey = ConversationKeys.Of(activity.ChannelId, activity.Conversation.Id),
            CreatedAt = _time.GetUtcNow(),
            Language = request.Language,
            Phone = request.Phone,
            Intent = request.Intent,
            LastDialog = request.LastDialog,
            Status = "open",
        };
        if (!await _callbacks.TryCreateAsync(ticket, MaxOpenCallbacksPerConversation, cancellationToken).ConfigureAwait(false))
        {
            // The customer has open tickets already: one of them is the call they will get.
            _logger.LogWarning("Callback not stored: the conversation already has {Count} open tickets", MaxOpenCallbacksPerConversation);
            return;
        }

        _logger.LogInformation("Callback ticket {TicketId} stored ({Language})", ticket.Id, ticket.Language);
        TurnInsights.Record(turnContext, new TurnInsight(InsightKinds.Callback, ticket.Intent));
        await _agents.CallbacksChangedAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordRatingAsync(string caseId, int rating, string? comment, CancellationToken cancellationToken)
    {
        if (!await _cases.TryRateAsync(caseId, Math.Clamp(rating, 1, 5), comment, cancellationToken).ConfigureAwait(false))
        {
            _logger.LogWarning("Case {CaseId} could not be rated (not closed, or rated already)", caseId);
        }
    }

    /// <summary>
    /// The Bot Framework handoff protocol: an event named "handoff.initiate" whose value says what the
    /// contact centre needs to route the conversation, with the transcript as an attachment.
    /// </summary>
    private async Task SendHandoffInitiationAsync(ITurnContext turnContext, HandoffCase record, CancellationToken cancellationToken)
    {
        var entries = await _transcripts.ReadAsync(record.ConversationKey, cancellationToken).ConfigureAwait(false);
        var activity = turnContext.Activity;
        var customer = activity.From;
        var bot = activity.Recipient;
        var transcript = new Transcript(entries.Select(entry => new Activity(ActivityTypes.Message)
        {
            Text = entry.Text,
            Timestamp = entry.At,
            From = entry.Sender == TranscriptSenders.Customer ? customer : bot,
            Recipient = entry.Sender == TranscriptSenders.Customer ? bot : customer,
            Conversation = activity.Conversation,
            ChannelId = activity.ChannelId,
        }).ToList());

        var context = new JObject
        {
            ["caseId"] = record.Id,
            ["language"] = record.Language,
            ["intent"] = record.Intent,
            ["lastDialog"] = record.LastDialog,
            ["description"] = record.Description,
        };
        var handoff = EventFactory.CreateHandoffInitiation(turnContext, context, transcript);
        await turnContext.SendActivityAsync(handoff, cancellationToken).ConfigureAwait(false);
    }
}
