using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace IqosBot.Cards;

/// <summary>The channel a reply goes to, and what it can display.</summary>
public sealed record ChannelInfo(string ChannelId, string? ConversationType)
{
    /// <summary>Teams shows suggested actions only in personal (1:1) chats, and at most three of them.</summary>
    private const int TeamsMaxSuggestedActions = 3;

    /// <summary>Teams hero cards show up to six buttons.</summary>
    private const int TeamsMaxCardButtons = 6;

    public static ChannelInfo From(IActivity activity)
        => new(activity?.ChannelId ?? string.Empty, activity?.Conversation?.ConversationType);

    public bool SupportsSuggestedActions(int count) => ChannelId switch
    {
        Channels.Emulator or Channels.Directline or Channels.Webchat or "directlinespeech" => count <= 100,
        Channels.Msteams => ConversationType == "personal" && count <= TeamsMaxSuggestedActions,
        Channels.Facebook or Channels.Skype => count <= 10,
        Channels.Telegram => count <= 100,
        Channels.Line => count <= 13,
        _ => false,
    };

    public bool SupportsCardButtons(int count) => ChannelId switch
    {
        Channels.Msteams => count <= TeamsMaxCardButtons,
        Channels.Emulator or Channels.Directline or Channels.Webchat or Channels.Slack or Channels.Telegram => count <= 100,
        Channels.Facebook or Channels.Skype => count <= 3,
        _ => false,
    };

    public bool SupportsAdaptiveCards => ChannelId is Channels.Emulator or Channels.Directline or Channels.Webchat
        or Channels.Msteams or "directlinespeech" or Channels.Test;
}
