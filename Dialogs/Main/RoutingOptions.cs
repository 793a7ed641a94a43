using System.ComponentModel.DataAnnotations;

namespace IqosBot.Dialogs.Main;

/// <summary>How the main dialog treats the recogniser's scores (configuration section <c>Recognizer</c>, shared with the recogniser's own settings).</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Recognizer";

    /// <summary>Two intents closer than this are both offered ("did you mean …?") instead of guessing one.</summary>
    [Range(0.0, 1.0)]
    public double AmbiguityMargin { get; set; } = 0.08;
}
