namespace IqosBot.Dialogs.Engine;

/// <summary>One entry of the dialog stack: which dialog, and the state it keeps between turns.</summary>
/// <remarks>Lives in conversation state, so everything in <see cref="State"/> must survive JSON round trips.</remarks>
public sealed class DialogInstance
{
    public string Id { get; set; } = string.Empty;

    public IDictionary<string, object> State { get; set; } = new Dictionary<string, object>();
}
