namespace IqosBot.DirectLine;

/// <summary>
/// Puts one stream socket's frames in order, each once. Frames reach a socket from this instance directly and
/// from others through the feed, so they can arrive late, twice (the backlog already had them) or out of order
/// (two instances appended to the conversation at once). The socket knows the next sequence number it owes its
/// client: older frames are dropped, the expected one is sent, and a later one means something is still on its
/// way or was lost, so the gap is read from the store, which has every persisted activity under its number.
/// </summary>
internal sealed class SocketSequencer(IDirectLineStore store, string conversationId)
{
    private long _expected;

    /// <summary>The backlog from the client's watermark, as the socket's first frame; from here on frames below the conversation's next number are old.</summary>
    public async Task<string> StartAsync(long watermark, CancellationToken cancellationToken)
    {
        var page = await store.ReadPageAsync(conversationId, Math.Max(0, watermark), int.MaxValue, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No Direct Line conversation {conversationId}.");
        _expected = page.NextSequence;
        return DirectLineHub.ActivitySet(page.Activities.Select(row => row.Json), _expected);
    }

    /// <summary>The text frame to send for <paramref name="frame"/>, or null when there is nothing new in it.</summary>
    public async Task<string?> NextAsync(ActivityFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (ReferenceEquals(frame, ActivityFrame.KeepAlive))
        {
            return string.Empty;
        }

        if (frame.IsUpdate)
        {
            return DirectLineHub.ActivitySet([frame.Json], _expected);
        }

        if (frame.Sequence < _expected)
        {
            return null;
        }

        if (frame.Sequence == _expected)
        {
            _expected++;
            return DirectLineHub.ActivitySet([frame.Json], _expected);
        }

        var page = await store.ReadPageAsync(conversationId, _expected, int.MaxValue, cancellationToken).ConfigureAwait(false);
        var missed = page?.Activities ?? [];
        var rows = missed.Select(row => row.Json).ToList();
        _expected = Math.Max(_expected, page?.NextSequence ?? 0);
        if (frame.Sequence >= _expected)
        {
            // Not in the store's snapshot (a typing activity is never stored): it follows what was read.
            rows.Add(frame.Json);
            _expected = frame.Sequence + 1;
        }

        return rows.Count == 0 ? null : DirectLineHub.ActivitySet(rows, _expected);
    }
}
