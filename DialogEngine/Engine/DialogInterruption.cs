namespace IqosBot.Dialogs.Engine;

/// <summary>
/// The result a dialog ends with when the customer's message was not for it but for a dialog further up
/// (leave the journey, switch to another request). Waterfalls pass it up without running their next step,
/// and every <see cref="ComponentDialog"/> hands it to <see cref="ComponentDialog.OnInterruptionAsync"/>,
/// so it travels from the prompt that heard it to the first dialog that handles it — the way the SDK
/// bubbles dialog events from the leaf to the root.
/// </summary>
/// <param name="Request">What the customer asked for instead, in the product's own terms.</param>
public sealed class DialogInterruption(object request)
{
    public object Request { get; } = request ?? throw new ArgumentNullException(nameof(request));
}
