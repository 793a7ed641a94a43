using IqosBot.Handoff;

namespace IqosBot.AgentConsole;

/// <summary>What the console's JSON shows of cases, transcripts and tickets: customer text always masked (see CONTRACT.md).</summary>
public static class AgentViews
{
    public static object Case(HandoffCase record, int? position, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new
        {
            id = record.Id,
            status = record.Status,
            language = record.Language,
            intent = record.Intent,
            lastDialog = record.LastDialog,
            channel = record.ChannelId,
            description = PersonalDataMask.Apply(record.Description),
            createdAt = record.CreatedAt,
            acceptedAt = record.AcceptedAt,
            waitingSeconds = (int)((record.AcceptedAt ?? record.ClosedAt ?? now) - record.QueuedAt).TotalSeconds,
            position,
            owner = record.Owner,
            ownerName = record.OwnerName,
        };
    }

    public static object Detail(HandoffCase record, int? position, IReadOnlyList<TranscriptEntry> transcript, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(transcript);
        return new
        {
            id = record.Id,
            status = record.Status,
            language = record.Language,
            intent = record.Intent,
            lastDialog = record.LastDialog,
            channel = record.ChannelId,
            description = PersonalDataMask.Apply(record.Description),
            createdAt = record.CreatedAt,
            acceptedAt = record.AcceptedAt,
            waitingSeconds = (int)((record.AcceptedAt ?? record.ClosedAt ?? now) - record.QueuedAt).TotalSeconds,
            position,
            owner = record.Owner,
            ownerName = record.OwnerName,
            transcript = transcript.Select(Entry).ToList(),
            resolutionNote = record.ResolutionNote,
            rating = record.Rating,
            ratingComment = PersonalDataMask.Apply(record.RatingComment),
        };
    }

    /// <summary>Customer lines masked; the bot's and agents' own lines too, since the bot echoes what it was told (a masked e-mail in a summary is already masked).</summary>
    public static object Entry(TranscriptEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new { sender = entry.Sender, name = entry.SenderName, text = PersonalDataMask.Apply(entry.Text), at = entry.At };
    }

    public static object Ticket(CallbackTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new
        {
            id = ticket.Id,
            createdAt = ticket.CreatedAt,
            language = ticket.Language,
            phone = ticket.Phone,
            intent = ticket.Intent,
            lastDialog = ticket.LastDialog,
            status = ticket.Status,
        };
    }
}
