namespace IqosBot.Dialogs.Choices;

/// <summary>The option the customer picked, and how sure the recognizer is.</summary>
public sealed record FoundChoice(string Value, int Index, double Score, string? Synonym);
