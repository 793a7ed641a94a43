namespace IqosBot.Handoff;

/// <summary>
/// One customer's request for a person, from the queue to the rating. Owned by at most one agent at a
/// time; only that agent may read or write it until it is transferred.
/// </summary>
public sealed class HandoffCase
{
    public required string Id { get; init; }

    /// <summary>"channel/conversation" (see <see cref="ConversationKeys.Of"/>).</summary>
    public required string ConversationKey { get; init; }

    public required string ChannelId { get; init; }

    /// <summary>The SDK's ConversationReference as JSON: what proactive messages to the customer need.</summary>
    public required string Reference { get; init; }

    /// <summary>Which adapter the customer's channel runs on (<see cref="CustomerAdapters"/>).</summary>
    public required string Adapter { get; init; }

    public required string Mode { get; init; }

    public required string Language { get; init; }

    public string? Intent { get; init; }

    public string? LastDialog { get; init; }

    public string? Description { get; init; }

    public required string Status { get; init; }

    public string? Owner { get; init; }

    public string? OwnerName { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the case (re-)entered the queue; a transferred case keeps its place.</summary>
    public DateTimeOffset QueuedAt { get; init; }

    public DateTimeOffset? AcceptedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public string? ResolutionNote { get; init; }

    public int? Rating { get; init; }

    public string? RatingComment { get; init; }

    /// <summary>The queue position last told to the customer, so they hear only when it changes.</summary>
    public int? AnnouncedPosition { get; init; }

    public bool IsOpen => Status is CaseStatus.Waiting or CaseStatus.Active;
}

public static class CaseStatus
{
    public const string Waiting = "waiting";
    public const string Active = "active";
    public const string Closed = "closed";

    /// <summary>The customer left the queue before anyone accepted.</summary>
    public const string Left = "left";
}

public static class CaseModes
{
    public const string Console = "console";
    public const string ContactCentre = "contact-centre";
}
