namespace IqosBot.DirectLine;

/// <summary>
/// One activity on its way to the stream sockets of its conversation, on this instance or (through
/// <see cref="IDirectLineFeed"/>) another: its sequence number orders it, an update replaces an earlier one.
/// </summary>
public sealed record ActivityFrame(string ConversationId, long Sequence, string Json, bool IsUpdate)
{
    /// <summary>Not an activity: the empty text frame a socket sends now and then so proxies keep it open.</summary>
    public static ActivityFrame KeepAlive { get; } = new(string.Empty, -1, string.Empty, false);
}
