using IqosBot.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Faq;

/// <summary>An FAQ answer as a short card, or as plain text where the channel shows no Adaptive Cards.</summary>
public static class FaqCard
{
    // A handful of answers per language, fixed once configuration is read: bind each card once. The
    // cards are only ever serialized, never changed, so one instance can serve every conversation.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Title, string Text), Newtonsoft.Json.Linq.JObject> Cards = new();

    public static Activity Create(FaqAnswer answer, ChannelInfo channel)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(channel);
        var title = answer.Title ?? string.Empty;
        var text = answer.Text ?? string.Empty;

        if (!channel.SupportsAdaptiveCards)
        {
            return (Activity)MessageFactory.Text($"{title}\n\n{text}");
        }

        var card = Cards.GetOrAdd((title, text), static key => CardTemplates.Bind("faq", new Dictionary<string, string> { ["title"] = key.Title, ["text"] = key.Text }));
        var activity = (Activity)MessageFactory.Attachment(CardTemplates.ToAttachment(card));

        // Screen readers and notifications read the text, not the card.
        activity.Speak = $"{title}. {text}";
        activity.Summary = title;
        return activity;
    }
}
