namespace IqosBot.Recognition.Training;

/// <summary>One example message, the intent it expresses, and its language ("sv" or "en").</summary>
public sealed record LabeledUtterance(string Text, string Intent, string Language);
