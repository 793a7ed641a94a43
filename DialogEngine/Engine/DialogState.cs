namespace IqosBot.Dialogs.Engine;

/// <summary>The persisted dialog stack; index 0 is the active (top) dialog, as in the SDK.</summary>
public sealed class DialogState
{
    public List<DialogInstance> DialogStack { get; set; } = [];
}
