namespace IqosBot.Recognition.Evaluation;

/// <summary>Messages of intent <paramref name="Expected"/> recognized as <paramref name="Predicted"/>: how many, and a few of them.</summary>
public sealed record ConfusedPair(string Expected, string Predicted, int Count, IReadOnlyList<string> Examples);
