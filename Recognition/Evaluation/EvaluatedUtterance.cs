using IqosBot.Recognition.Training;

namespace IqosBot.Recognition.Evaluation;

/// <summary>
/// One held-out message and what the recognizer made of it: its decision, and whether the best two real
/// intents were so close that the main dialog would consider asking "did you mean A or B?".
/// </summary>
public sealed record EvaluatedUtterance(LabeledUtterance Example, string Predicted, bool DidYouMean)
{
    public bool Correct => Predicted == Example.Intent;
}
