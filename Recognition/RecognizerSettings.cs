namespace IqosBot.Recognition;

/// <summary>Which recognizer the bot uses and how sure it must be (configuration section "Recognizer").</summary>
public sealed class RecognizerSettings
{
    public const string SectionName = "Recognizer";

    /// <summary>"Embedded" (default: offline, trained at start-up) or "Clu" (Azure AI Language, with the embedded one as fallback).</summary>
    public string Kind { get; set; } = "Embedded";

    /// <summary>Below this combined score the embedded recognizer answers None.</summary>
    public double NoneThreshold { get; set; } = 0.3;

    /// <summary>When the runner-up is this close to the top intent, the bot asks which one the customer meant.</summary>
    public double AmbiguityMargin { get; set; } = 0.08;

    /// <summary>The trained model the build writes (<see cref="Embedded.RecognizerModelFile"/>); beside the bot's assembly when not set.</summary>
    public string? ModelPath { get; set; }

    /// <summary>L2 regularisation of the maximum-entropy model; low, because the default underfits.</summary>
    public float L2Regularization { get; set; } = 0.001f;
}
