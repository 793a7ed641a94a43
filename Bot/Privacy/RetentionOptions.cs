using System.ComponentModel.DataAnnotations;

namespace IqosBot.Privacy;

/// <summary>
/// How long personal data is kept (configuration section "Retention"); the README's personal-data table
/// lists every store with its rule. Self-hosted Direct Line conversations follow
/// <c>DirectLine:ConversationRetention</c>, transcripts of chats that never reached a person
/// <c>Handoff:TranscriptRetentionDays</c>.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>
    /// Conversation state (the dialog stack with an e-mail, serial or address typed into it) of a conversation
    /// with no turn for this many days is cleared; a customer who comes back is told and starts afresh.
    /// </summary>
    [Range(1, 90)]
    public int InactiveConversationDays { get; set; } = 7;

    /// <summary>Handoff cases (description, agent notes, rating) and their transcripts, this many days after the chat ended.</summary>
    [Range(1, 730)]
    public int EndedCaseDays { get; set; } = 90;

    /// <summary>Callback tickets (the phone number), this many days after an agent marked them done.</summary>
    [Range(1, 365)]
    public int DoneCallbackDays { get; set; } = 30;
}
