namespace IqosBot.Dialogs.Handoff;

/// <summary>The queue could not take the conversation (its store is down): the customer gets customer care's details instead.</summary>
public sealed class HandoffUnavailableException : Exception
{
    public HandoffUnavailableException()
    {
    }

    public HandoffUnavailableException(string message)
        : base(message)
    {
    }

    public HandoffUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
