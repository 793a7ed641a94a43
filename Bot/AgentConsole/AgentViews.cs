using IqosBot.Handoff;

namespace IqosBot.AgentConsole;

/// <summary>What the console's JSON shows of cases, transcripts and tickets (see CONTRACT.md): customer text always masked.</summary>
public static class AgentViews
{
    public static CaseView Case(HandoffCase record, int? position, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new CaseView(
            record.Id,
            record.Status,
            record.Language,
            record.Intent,
            record.LastDialog,
            record.ChannelId,
            PersonalDataMask.Apply(record.Description),
            record.CreatedAt,
            record.AcceptedAt,
            WaitingSeconds(record, now),
            position,
            record.Owner,
            record.OwnerName);
    }

    public static CaseDetailView Detail(HandoffCase record, int? position, IReadOnlyList<TranscriptEntry> transcript, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        return new CaseDetailView(
            Case(record, position, now),
            [.. transcript.Select(Entry)],
            record.ResolutionNote,
            record.Rating,
            PersonalDataMask.Apply(record.RatingComment));
    }

    /// <summary>Every line masked, the bot's and agents' too: the bot repeats what it was told (a summary), agents may paste.</summary>
    public static EntryView Entry(TranscriptEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new EntryView(entry.Sender, entry.SenderName, PersonalDataMask.Apply(entry.Text) ?? string.Empty, entry.At);
    }

    public static TicketView Ticket(CallbackTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new TicketView(ticket.Id, ticket.CreatedAt, ticket.Language, ticket.Phone, ticket.Intent, ticket.LastDialog, ticket.Status);
    }

    /// <summary>From joining the queue to being accepted (or leaving, or now while still waiting).</summary>
    private static int WaitingSeconds(HandoffCase record, DateTimeOffset now)
        => (int)((record.AcceptedAt ?? record.ClosedAt ?? now) - record.QueuedAt).TotalSeconds;
}

public record CaseView(
    string Id,
    string Status,
    string Language,
    string? Intent,
    string? LastDialog,
    string Channel,
    string? Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AcceptedAt,
    int WaitingSeconds,
    int? Position,
    string? Owner,
    string? OwnerName);

/// <summary>A case with its transcript and outcome, as one JSON object.</summary>
public sealed record CaseDetailView : CaseView
{
    public CaseDetailView(CaseView summary, IReadOnlyList<EntryView> transcript, string? resolutionNote, int? rating, string? ratingComment)
        : base(summary)
    {
        Transcript = transcript;
        ResolutionNote = resolutionNote;
        Rating = rating;
        RatingComment = ratingComment;
    }

    public IReadOnlyList<EntryView> Transcript { get; }

    public string? ResolutionNote { get; }

    public int? Rating { get; }

    public string? RatingComment { get; }
}

public sealed record EntryView(string Sender, string? Name, string Text, DateTimeOffset At);

/// <summary>The phone number is in clear: the agent has to call it.</summary>
public sealed record TicketView(string Id, DateTimeOffset CreatedAt, string Language, string Phone, string? Intent, string? LastDialog, string Status);
