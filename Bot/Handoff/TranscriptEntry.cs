namespace IqosBot.Handoff;

/// <summary>One line of a conversation as an agent reads it: who, when, and the text (cards reduced to their text).</summary>
public sealed class TranscriptEntry
{
    public required string ConversationKey { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>One of <see cref="TranscriptSenders"/>.</summary>
    public required string Sender { get; init; }

    public string? SenderName { get; init; }

    public required string Text { get; init; }
}

public static class TranscriptSenders
{
    public const string Customer = "customer";
    public const string Bot = "bot";
    public const string Agent = "agent";
    public const string System = "system";
}
