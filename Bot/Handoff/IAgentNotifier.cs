namespace IqosBot.Handoff;

/// <summary>Tells signed-in agents what changed (the console's live updates). Implemented over SignalR by the agent console.</summary>
public interface IAgentNotifier
{
    Task QueueChangedAsync(CancellationToken cancellationToken);

    Task CaseMessageAsync(string owner, string caseId, TranscriptEntry entry, CancellationToken cancellationToken);

    Task CustomerTypingAsync(string owner, string caseId, CancellationToken cancellationToken);

    Task CaseChangedAsync(string owner, string caseId, string status, CancellationToken cancellationToken);

    Task CallbacksChangedAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Which agents have the console open right now (for the wait estimate and transfers). Asynchronous because with
/// several instances the answer is in Redis: an agent connected to another instance is online here too.
/// </summary>
public interface IAgentPresence
{
    ValueTask<int> OnlineCountAsync(CancellationToken cancellationToken);

    ValueTask<bool> IsOnlineAsync(string userName, CancellationToken cancellationToken);
}
