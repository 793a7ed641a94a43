namespace IqosBot.Handoff;

/// <summary>How cases, tickets and transcripts name a conversation.</summary>
public static class ConversationKeys
{
    /// <summary>"channel/conversation": conversation ids are only unique within a channel.</summary>
    public static string Of(string channelId, string conversationId) => channelId + "/" + conversationId;
}
