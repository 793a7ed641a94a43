namespace IqosBot.Dialogs.Engine;

/// <summary>Where the dialog stack stands after a turn, as in Microsoft.Bot.Builder.Dialogs.</summary>
public enum DialogTurnStatus
{
    /// <summary>No dialog was active.</summary>
    Empty,

    /// <summary>The active dialog waits for the customer's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended this turn.</summary>
    Complete,

    /// <summary>The stack was cancelled this turn.</summary>
    Cancelled,
}
