namespace IqosBot.Dialogs.Main;

/// <summary>Lets the main dialog start over from an intent already known or a message already sent.</summary>
public sealed class MainDialogOptions
{
    public string? Intent { get; set; }

    public string? Utterance { get; set; }
}
