namespace IqosBot.Dialogs.Main;

/// <summary>
/// What a child dialog hands back when the customer moved on to something else (clicked a follow-up,
/// typed a new question): the main dialog routes it from the top.
/// </summary>
/// <param name="Diagnosis">With HumanAgent: what the journey found out, handed to the agent as the case's description.</param>
public sealed record RouteRequest(string? Intent, string? Utterance, string? Diagnosis = null);
