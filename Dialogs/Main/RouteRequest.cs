namespace IqosBot.Dialogs.Main;

/// <summary>
/// What a child dialog hands back when the customer moved on to something else (clicked a follow-up,
/// typed a new question): the main dialog routes it from the top.
/// </summary>
public sealed record RouteRequest(string? Intent, string? Utterance);
