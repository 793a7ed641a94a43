using IqosBot.Handoff;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace IqosBot.AgentConsole;

/// <summary>
/// <see cref="IAgentNotifier"/> over the hub: case events only to the agent who owns the case. With the Redis
/// backplane every event goes through Redis, even to this instance's own consoles; while Redis is unreachable the
/// events are dropped (and logged) rather than failing the customer's turn that caused them: the console polls the
/// queue every 30 s and reads a case when it is opened, so it catches up once Redis is back.
/// </summary>
public sealed partial class HubAgentNotifier(IHubContext<AgentHub> hub, ILogger<HubAgentNotifier> logger, IConnectionMultiplexer? redis = null) : IAgentNotifier
{
    public Task QueueChangedAsync(CancellationToken cancellationToken)
        => SendAsync("queueChanged", () => hub.Clients.All.SendAsync("queueChanged", cancellationToken));

    public Task CaseMessageAsync(string owner, string caseId, TranscriptEntry entry, CancellationToken cancellationToken)
        => SendAsync("caseMessage", () => hub.Clients.User(owner).SendAsync("caseMessage", caseId, AgentViews.Entry(entry), cancellationToken));

    public Task CustomerTypingAsync(string owner, string caseId, CancellationToken cancellationToken)
        => SendAsync("customerTyping", () => hub.Clients.User(owner).SendAsync("customerTyping", caseId, cancellationToken));

    public Task CaseChangedAsync(string owner, string caseId, string status, CancellationToken cancellationToken)
        => SendAsync("caseChanged", () => hub.Clients.User(owner).SendAsync("caseChanged", caseId, status, cancellationToken));

    public Task CallbacksChangedAsync(CancellationToken cancellationToken)
        => SendAsync("callbacksChanged", () => hub.Clients.All.SendAsync("callbacksChanged", cancellationToken));

    private async Task SendAsync(string name, Func<Task> send)
    {
        // A disconnected multiplexer would hold the publish for its whole timeout, and the customer's turn with it.
        if (redis is { IsConnected: false })
        {
            LogNotSent(logger, name, "not connected");
            return;
        }

        try
        {
            await send().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogNotSent(logger, name, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The agent console's {Event} event was not sent: Redis is unreachable ({Reason}); consoles catch up when they next poll.")]
    private static partial void LogNotSent(ILogger logger, string @event, string reason);
}
