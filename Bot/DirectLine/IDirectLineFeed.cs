namespace IqosBot.DirectLine;

/// <summary>
/// Carries an activity appended on this instance to the other instances, whose sockets on its conversation
/// must show it too. The stored log stays the truth: a socket that sees a frame arrive out of order, or
/// after one went missing, reads the gap from the store (<see cref="SocketSequencer"/>).
/// </summary>
public interface IDirectLineFeed
{
    void Publish(ActivityFrame frame);
}

/// <summary>One instance: every socket is on it, and <see cref="DirectLineHub"/> already handed the frame to them.</summary>
public sealed class SingleInstanceFeed : IDirectLineFeed
{
    public void Publish(ActivityFrame frame)
    {
    }
}
