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

/// <summary>Which agents have the console open right now (for the wait estimate and transfers).</summary>
public interface IAgentPresence
{
    int OnlineCount { get; }

    bool IsOnline(string userName);
}
