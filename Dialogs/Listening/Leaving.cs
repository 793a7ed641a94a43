namespace IqosBot.Dialogs.Listening;

/// <summary>How a customer leaves whatever the bot was asking.</summary>
public enum LeaveKind
{
    /// <summary>"avbryt", "glöm det", "never mind": the journey ends, the menu stays.</summary>
    Cancel,

    /// <summary>"tack!": a polite close that keeps the conversation open.</summary>
    Thanks,

    /// <summary>"hejdå", "ok cheers, bye": a polite close of the conversation.</summary>
    Goodbye,

    /// <summary>The customer said they are under 18: everything ends, nothing is kept.</summary>
    AdultsOnly,

    /// <summary>"It works again now": the broken-device journey has nothing left to do.</summary>
    Solved,
}

/// <summary>
/// The request a prompt passes up when the customer leaves. The innermost journey adds what its ending
/// means ("No device has been registered."); the main dialog says the rest.
/// </summary>
public sealed class Leaving(LeaveKind kind)
{
    public LeaveKind Kind { get; } = kind;

    /// <summary>What the journey that was running wants the customer to know about its ending; null when none was.</summary>
    public string? Note { get; set; }
}
