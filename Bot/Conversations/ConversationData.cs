using IqosBot.Dialogs.Common;

namespace IqosBot.Conversations;

/// <summary>What the bot remembers about a conversation besides its dialog stack.</summary>
public sealed class ConversationData
{
    /// <summary>"sv" or "en": the language the customer is being answered in.</summary>
    public string? Language { get; set; }

    /// <summary>The welcome is sent once, whether members-added or Web Chat's join event comes first.</summary>
    public bool Welcomed { get; set; }

    /// <summary>Whether the customer was told that edits of sent messages are not read (Teams): said once, not at every edit.</summary>
    public bool ToldEditsAreNotRead { get; set; }

    /// <summary>The open case while a person has (or is about to take) this conversation: its messages go to them, not to the dialogs.</summary>
    public string? HandoffCaseId { get; set; }

    /// <summary>The ids of the last messages handled, so a channel's redelivery of one is acknowledged and not run twice.</summary>
    public List<string> RecentActivityIds { get; set; } = [];

    /// <summary>
    /// Set by retention when the conversation's state was cleared for inactivity: the customer's next message is
    /// answered with a word on why the bot no longer knows what was said, then as a new conversation.
    /// </summary>
    public bool StateCleared { get; set; }

    /// <summary>What the conversation has established for the dialogs (under 18 said, the last answer card).</summary>
    public ConversationFacts Facts { get; set; } = new();
}
