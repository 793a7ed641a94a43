namespace IqosBot.Dialogs.Understanding;

/// <summary>What a customer can say at any step, whatever the step asked.</summary>
public enum Interruption
{
    None,
    Help,
    Cancel,
    HumanAgent,
}
