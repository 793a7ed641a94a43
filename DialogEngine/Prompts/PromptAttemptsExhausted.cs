namespace IqosBot.Dialogs.Prompts;

/// <summary>The result a prompt ends with when the customer did not give a usable answer in time.</summary>
public sealed record PromptAttemptsExhausted(int Attempts);
