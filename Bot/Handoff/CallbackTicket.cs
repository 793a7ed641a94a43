namespace IqosBot.Handoff;

/// <summary>A customer asked to be called back while customer care was closed, and agreed to their number being kept for it.</summary>
public sealed class CallbackTicket
{
    public required string Id { get; init; }

    public string? ConversationKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string Language { get; init; }

    /// <summary>International form, e.g. +46701234567. Shown to agents (they must dial it), never logged.</summary>
    public required string Phone { get; init; }

    public string? Intent { get; init; }

    public string? LastDialog { get; init; }

    /// <summary>"open" until an agent marks it done.</summary>
    public required string Status { get; init; }

    public string? DoneBy { get; init; }

    public DateTimeOffset? DoneAt { get; init; }
}
