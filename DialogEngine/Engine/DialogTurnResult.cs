namespace IqosBot.Dialogs.Engine;

/// <summary>The outcome of one call into the dialog stack.</summary>
public sealed class DialogTurnResult
{
    public DialogTurnResult(DialogTurnStatus status, object? result = null)
    {
        Status = status;
        Result = result;
    }

    public DialogTurnStatus Status { get; }

    public object? Result { get; }
}
