using IqosBot.Dialogs.Handoff;
using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Tests.Handoff;

/// <summary>
/// The host's way to people, in memory: every request the dialogs make is recorded as it arrived, so a
/// test can show what an agent would see (and what never reached them).
/// </summary>
internal sealed class FakeHumanHandoff : IHumanHandoff
{
    public const string CaseId = "case-42";

    /// <summary>The ticket <see cref="RequestAgentAsync"/> returns: number 3 in the queue, about 6 minutes.</summary>
    public HandoffTicket Ticket { get; set; } = new(CaseId, 3, 6);

    /// <summary>While set, <see cref="RequestAgentAsync"/> fails as it does when the queue's store is down.</summary>
    public bool Unavailable { get; set; }

    public List<HandoffRequest> AgentRequests { get; } = [];

    public List<CallbackRequest> Callbacks { get; } = [];

    public List<(string CaseId, int Rating, string? Comment)> Ratings { get; } = [];

    /// <summary>A contact centre takes the conversation: no place in a queue of ours, no wait to tell.</summary>
    public void UseContactCentre() => Ticket = new HandoffTicket(CaseId, null, null);

    public Task<HandoffTicket> RequestAgentAsync(ITurnContext turnContext, HandoffRequest request, CancellationToken cancellationToken)
    {
        AgentRequests.Add(request);
        if (Unavailable)
        {
            throw new HandoffUnavailableException("The queue store is down (simulated).");
        }

        return Task.FromResult(Ticket);
    }

    public Task RequestCallbackAsync(ITurnContext turnContext, CallbackRequest request, CancellationToken cancellationToken)
    {
        Callbacks.Add(request);
        return Task.CompletedTask;
    }

    public Task RecordRatingAsync(string caseId, int rating, string? comment, CancellationToken cancellationToken)
    {
        Ratings.Add((caseId, rating, comment));
        return Task.CompletedTask;
    }
}
