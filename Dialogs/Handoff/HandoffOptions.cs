namespace IqosBot.Dialogs.Handoff;

/// <summary>What the main dialog knows when the customer is to be handed to a person.</summary>
/// <param name="Intent">The intent the customer was being helped with.</param>
/// <param name="LastDialog">The journey that could not go on, if any.</param>
/// <param name="Description">What the journey already found out; the customer is then not asked for a description.</param>
public sealed record HandoffOptions(string? Intent, string? LastDialog, string? Description = null);
