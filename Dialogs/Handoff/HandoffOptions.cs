namespace IqosBot.Dialogs.Handoff;

/// <summary>What the main dialog knows when the customer is to be handed to a person.</summary>
/// <param name="Intent">The intent the customer was being helped with.</param>
/// <param name="LastDialog">The journey that could not go on, if any.</param>
public sealed record HandoffOptions(string? Intent, string? LastDialog);
