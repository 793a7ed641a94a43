namespace IqosBot.Recognition.Evaluation;

/// <summary>
/// How well one intent is recognized in one language: of its <paramref name="Expected"/> held-out messages,
/// <paramref name="Found"/> were recognized as it (recall); of the <paramref name="Predicted"/> messages
/// recognized as it, <paramref name="Found"/> really were it (precision).
/// </summary>
public sealed record IntentQuality(string Intent, int Expected, int Predicted, int Found)
{
    /// <summary>Null when the split has no message of this intent.</summary>
    public double? Recall => Expected == 0 ? null : Found / (double)Expected;

    /// <summary>Null when nothing was recognized as this intent.</summary>
    public double? Precision => Predicted == 0 ? null : Found / (double)Predicted;
}
