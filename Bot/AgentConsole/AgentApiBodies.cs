namespace IqosBot.AgentConsole;

// The console API's own bodies (CONTRACT.md); cases, transcripts and tickets are in AgentViews.cs.
// Written with the application's JSON options: camelCase names, in the order declared here.

/// <summary><c>GET /agent/api/me</c>: who is signed in, and the token every POST must carry.</summary>
/// <param name="IsLead">The agent may open the team's insights (the console then links to them).</param>
public sealed record AgentMeView(string UserName, string DisplayName, string? CsrfToken, bool IsLead);

/// <summary>An entry of <c>GET /agent/api/agents</c>: another agent to transfer to, and whether they are at their console.</summary>
public sealed record AgentEntryView(string UserName, string DisplayName, bool Online);

/// <summary><c>GET /agent/api/queue</c>: a page of the waiting customers, their total, the agent's own cases and the pace.</summary>
public sealed record QueueView(IReadOnlyList<CaseView> Waiting, int WaitingTotal, IReadOnlyList<CaseView> Mine, double EstimatedMinutesPerCustomer);

/// <summary>Why the API refused a request with 400: <c>{"error":"…"}</c>.</summary>
public sealed record AgentApiError(string Error);
