using IqosBot.Dialogs.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace IqosBot.Recognition.Tests.Support;

public static class Turns
{
    /// <summary>A message turn whose language the bot has already chosen, as MainDialog sees it.</summary>
    public static ITurnContext Message(string text, string language)
    {
        var activity = (Activity)MessageFactory.Text(text);
        activity.ChannelId = "test";
        activity.Conversation = new ConversationAccount(id: "recognition-tests");
        activity.From = new ChannelAccount("customer");
        activity.Recipient = new ChannelAccount("bot");
        var turn = new TurnContext(new TestAdapter(), activity);
        turn.SetLanguage(language);
        return turn;
    }
}
