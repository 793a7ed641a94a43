using IqosBot.Handoff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace IqosBot.AgentConsole;

/// <summary>
/// The console's live channel. Push only: the page listens for queue and case events and acts through
/// the JSON API, so every action goes through one authorised, CSRF-checked path.
/// </summary>
[Authorize(Policy = AgentConsoleDefaults.Policy)]
public sealed class AgentHub(AgentPresence presence) : Hub
{
    public override async Task OnConnectedAsync()
    {
        presence.Connected(AgentClaims.Identity(Context.User!));
        await base.OnConnectedAsync().ConfigureAwait(false);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Disconnected(AgentClaims.Identity(Context.User!));
        await base.OnDisconnectedAsync(exception).ConfigureAwait(false);
    }
}

/// <summary><see cref="IAgentNotifier"/> over the hub: case events only to the agent who owns the case.</summary>
public sealed class HubAgentNotifier(IHubContext<AgentHub> hub) : IAgentNotifier
{
    public Task QueueChangedAsync(CancellationToken cancellationToken) => hub.Clients.All.SendAsync("queueChanged", cancellationToken);

    public Task CaseMessageAsync(string owner, string caseId, TranscriptEntry entry, CancellationToken cancellationToken)
        => hub.Clients.User(owner).SendAsync("caseMessage", caseId, AgentViews.Entry(entry), cancellationToken);

    public Task CustomerTypingAsync(string owner, string caseId, CancellationToken cancellationToken)
        => hub.Clients.User(owner).SendAsync("customerTyping", caseId, cancellationToken);

    public Task CaseChangedAsync(string owner, string caseId, string status, CancellationToken cancellationToken)
        => hub.Clients.User(owner).SendAsync("caseChanged", caseId, status, cancellationToken);

    public Task CallbacksChangedAsync(CancellationToken cancellationToken) => hub.Clients.All.SendAsync("callbacksChanged", cancellationToken);
}
