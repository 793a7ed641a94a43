using IqosBot.Dialogs.Insights;
using IqosBot.Insights;
using IqosBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

using IqosBot.Telemetry;

namespace IqosBot.Handoff;

/// <summary>An agent as the desk knows them: the account name (their identity) and the name customers see.</summary>
public sealed record AgentIdentity(string UserName, string DisplayName);

public enum DeskOutcome
{
    Ok,
    NotFound,

    /// <summary>Another agent owns the case.</summary>
    Forbidden,

    /// <summary>The case is not in a state that allows this (taken already, closed, the customer left).</summary>
    Conflict,

    /// <summary>The customer's channel refused the message (an Emulator closed, a Teams conversation gone).</summary>
    CustomerUnreachable,
}

/// <summary>
/// What agents do with cases: accept, write, type, transfer, close. Each operation checks ownership in
/// the database (one conditional update), then tells the customer through their channel and the
/// agents through the console. Customer-facing texts are in the case's language.
/// </summary>
public sealed class AgentDesk
{
    private readonly ICaseStore _cases;
    private readonly TranscriptLog _transcripts;
    private readonly CustomerAdapters _adapters;
    private readonly QueueAnnouncer _announcer;
    private readonly IAgentNotifier _agents;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly BotMetrics _metrics;
    private readonly InsightLog _insights;
    private readonly ILogger<AgentDesk> _logger;

    public AgentDesk(
        ICaseStore cases,
        TranscriptLog transcripts,
        CustomerAdapters adapters,
        QueueAnnouncer announcer,
        IAgentNotifier agents,
        IServiceScopeFactory scopes,
        TimeProvider time,
        BotMetrics metrics,
        InsightLog insights,
        ILogger<AgentDesk> logger)
    {
        _cases = cases ?? throw new ArgumentNullException(nameof(cases));
        _transcripts = transcripts ?? throw new ArgumentNullException(nameof(transcripts));
        _adapters = adapters ?? throw new ArgumentNullException(nameof(adapters));
        _announcer = announcer ?? throw new ArgumentNullException(nameof(announcer));
        _agents = agents ?? throw new ArgumentNullException(nameof(agents));
        _scopes = scopes ?? throw new ArgumentNullException(nameof(scopes));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _insights = insights ?? throw new ArgumentNullException(nameof(insights));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>A case the agent may read: unowned (waiting, left) or their own.</summary>
    public async Task<(DeskOutcome Outcome, HandoffCase? Case)> ReadAsync(string caseId, AgentIdentity agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var record = await _cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (record is null || record.Mode != CaseModes.Console)
        {
            return (DeskOutcome.NotFound, null);
        }

        return record.Owner is { } owner && owner != agent.UserName ? (DeskOutcome.Forbidden, null) : (DeskOutcome.Ok, record);
    }

    public async Task<DeskOutcome> AcceptAsync(string caseId, AgentIdentity agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var (outcome, record) = await ReadAsync(caseId, agent, cancellationToken).ConfigureAwait(false);
        if (outcome == DeskOutcome.Forbidden)
        {
            return DeskOutcome.Conflict;
        }

        if (record is null)
        {
            return outcome;
        }

        var acceptedAt = _time.GetUtcNow();
        if (!await _cases.TryAcceptAsync(caseId, agent.UserName, agent.DisplayName, acceptedAt, cancellationToken).ConfigureAwait(false))
        {
            // Accepting one's own active case again (a double click) is fine; anything else was too late.
            return record.Status == CaseStatus.Active && record.Owner == agent.UserName ? DeskOutcome.Ok : DeskOutcome.Conflict;
        }

        _metrics.Accepted(acceptedAt - record.QueuedAt);
        _insights.Add(CaseInsights.Of(record, InsightKinds.Accepted, acceptedAt, (acceptedAt - record.QueuedAt).TotalSeconds));

        _logger.LogInformation("Case {CaseId} accepted by {Agent}", caseId, agent.UserName);
        await _agents.QueueChangedAsync(cancellationToken).ConfigureAwait(false);
        await SayAsync(record, Texts.Format(record.Language, TextKey.HandoffAgentJoined, agent.DisplayName), cancellationToken).ConfigureAwait(false);
        await _announcer.AnnounceAsync(cancellationToken).ConfigureAwait(false);
        return DeskOutcome.Ok;
    }

    public async Task<DeskOutcome> SendAsync(string caseId, AgentIdentity agent, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var (outcome, record) = await OwnActiveAsync(caseId, agent, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return outcome;
        }

        var entry = new TranscriptEntry
        {
            ConversationKey = record.ConversationKey,
            At = _time.GetUtcNow(),
            Sender = TranscriptSenders.Agent,
            SenderName = agent.DisplayName,
            Text = text,
        };
        try
        {
            // Stored below with the agent's name, not by the transcript recorder as the bot's.
            await _adapters.SendAsync(record, [MessageFactory.Text(text)], alreadyInTranscript: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Only what reached the customer goes into the transcript; the agent is told it did not.
            _logger.LogWarning(exception, "An agent's message on case {CaseId} could not be delivered", record.Id);
            return DeskOutcome.CustomerUnreachable;
        }

        await _transcripts.AppendAsync([entry], cancellationToken).ConfigureAwait(false);
        await _agents.CaseMessageAsync(agent.UserName, record.Id, entry, cancellationToken).ConfigureAwait(false);
        return DeskOutcome.Ok;
    }

    public async Task<DeskOutcome> TypingAsync(string caseId, AgentIdentity agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var (outcome, record) = await OwnActiveAsync(caseId, agent, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return outcome;
        }

        try
        {
            await _adapters.SendAsync(record, [new Activity(ActivityTypes.Typing)], alreadyInTranscript: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Best effort: the agent's next message says whether the customer can be reached.
            _logger.LogDebug(exception, "Typing on case {CaseId} could not be shown to the customer", record.Id);
        }

        return DeskOutcome.Ok;
    }

    /// <summary>Closes the chat with a note; the bot takes the conversation back and asks the customer for a rating.</summary>
    public async Task<DeskOutcome> CloseAsync(string caseId, AgentIdentity agent, string note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var (outcome, record) = await OwnActiveAsync(caseId, agent, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return outcome;
        }

        var closedAt = _time.GetUtcNow();
        if (!await _cases.TryCloseAsync(caseId, agent.UserName, note, closedAt, cancellationToken).ConfigureAwait(false))
        {
            return DeskOutcome.Conflict;
        }

        _insights.Add(CaseInsights.Of(record, InsightKinds.Closed, closedAt, record.AcceptedAt is { } accepted ? (closedAt - accepted).TotalSeconds : null));

        _logger.LogInformation("Case {CaseId} closed by {Agent}", caseId, agent.UserName);
        try
        {
            await _adapters.ContinueAsync(record, async (turn, token) =>
            {
                await using var scope = _scopes.CreateAsyncScope();
                var bot = scope.ServiceProvider.GetRequiredService<IHandBack>();
                await bot.HandBackAsync(turn, record.Id, agent.DisplayName, token).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The case is closed either way; the customer's next message finds it closed and the bot answers.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _logger.LogWarning(exception, "Could not hand case {CaseId} back to the bot in the customer's channel", caseId);
        }

        await _agents.CaseChangedAsync(agent.UserName, caseId, CaseStatus.Closed, cancellationToken).ConfigureAwait(false);
        return DeskOutcome.Ok;
    }

    /// <summary>To another agent (who becomes the only one who can read it), or back to the queue when <paramref name="to"/> is null.</summary>
    public async Task<DeskOutcome> TransferAsync(string caseId, AgentIdentity agent, AgentIdentity? to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var (outcome, record) = await OwnActiveAsync(caseId, agent, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return outcome;
        }

        if (!await _cases.TryTransferAsync(caseId, agent.UserName, to?.UserName, to?.DisplayName, cancellationToken).ConfigureAwait(false))
        {
            return DeskOutcome.Conflict;
        }

        _logger.LogInformation("Case {CaseId} transferred by {Agent} to {To}", caseId, agent.UserName, to?.UserName ?? "the queue");
        if (to is null)
        {
            var position = await _cases.PositionAsync(caseId, cancellationToken).ConfigureAwait(false) ?? 1;
            await _cases.SetAnnouncedPositionAsync(caseId, position, cancellationToken).ConfigureAwait(false);
            await SayAsync(record, Texts.Format(record.Language, TextKey.HandoffBackInQueue, position), cancellationToken).ConfigureAwait(false);
            await _announcer.AnnounceAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await SayAsync(record, Texts.Format(record.Language, TextKey.HandoffTransferred, to.DisplayName), cancellationToken).ConfigureAwait(false);
            await _agents.CaseChangedAsync(to.UserName, caseId, CaseStatus.Active, cancellationToken).ConfigureAwait(false);
        }

        await _agents.CaseChangedAsync(agent.UserName, caseId, to is null ? CaseStatus.Waiting : "transferred", cancellationToken).ConfigureAwait(false);
        await _agents.QueueChangedAsync(cancellationToken).ConfigureAwait(false);
        return DeskOutcome.Ok;
    }

    private async Task<(DeskOutcome Outcome, HandoffCase? Case)> OwnActiveAsync(string caseId, AgentIdentity agent, CancellationToken cancellationToken)
    {
        var (outcome, record) = await ReadAsync(caseId, agent, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return (outcome, null);
        }

        if (record.Owner != agent.UserName)
        {
            // Waiting or left: nobody owns it, so nobody may write to the customer yet.
            return (DeskOutcome.Forbidden, null);
        }

        return record.Status == CaseStatus.Active ? (DeskOutcome.Ok, record) : (DeskOutcome.Conflict, null);
    }

    /// <summary>A notice from the bot to the customer; a channel that cannot be reached is logged, not fatal for the agent's action.</summary>
    private async Task SayAsync(HandoffCase record, string text, CancellationToken cancellationToken)
    {
        try
        {
            await _adapters.SendAsync(record, [MessageFactory.Text(text)], alreadyInTranscript: false, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // See summary.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _logger.LogWarning(exception, "Could not send a notice to the customer of case {CaseId}", record.Id);
        }
    }
}
