namespace IqosBot.Dialogs.Main;

/// <summary>Lets the main dialog start over from a message the customer already sent.</summary>
public sealed class MainDialogOptions
{
    public string? Utterance { get; set; }
}
