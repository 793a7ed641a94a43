using IqosBot.Handoff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace IqosBot.AgentConsole;

/// <summary>
/// The console's live channel. Push only: the page listens for queue and case events and acts through
/// the JSON API, so every action goes through one authorised, CSRF-checked path.
/// </summary>
[Authorize(Policy = AgentConsoleDefaults.Policy)]
public sealed class AgentHub(IAgentPresenceTracker presence) : Hub
{
    public override async Task OnConnectedAsync()
    {
        await presence.ConnectedAsync(AgentClaims.Identity(Context.User!)).ConfigureAwait(false);
        await base.OnConnectedAsync().ConfigureAwait(false);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await presence.DisconnectedAsync(AgentClaims.Identity(Context.User!)).ConfigureAwait(false);
        await base.OnDisconnectedAsync(exception).ConfigureAwait(false);
    }
}
