namespace IqosBot.Dialogs.Common;

/// <summary>
/// What a child dialog hands back when the customer moved on to something else (clicked a follow-up,
/// typed a new question): the main dialog routes it from the top.
/// </summary>
/// <param name="Diagnosis">With HumanAgent: what the journey found out, handed to the agent as the case's description.</param>
/// <param name="Serial">A serial the customer already gave (and the API knows), for the next journey to use instead of asking.</param>
/// <param name="Email">Likewise the account e-mail.</param>
public sealed record RouteRequest(string? Intent, string? Utterance, string? Diagnosis = null, string? Serial = null, string? Email = null);
