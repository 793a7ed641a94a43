using IqosBot.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Faq;

/// <summary>An FAQ answer as a short card, or as plain text where the channel shows no Adaptive Cards.</summary>
public static class FaqCard
{
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

        var card = CardTemplates.Bind("faq", new Dictionary<string, string> { ["title"] = title, ["text"] = text });
        var activity = (Activity)MessageFactory.Attachment(CardTemplates.ToAttachment(card));

        // Screen readers and notifications read the text, not the card.
        activity.Speak = $"{title}. {text}";
        activity.Summary = title;
        return activity;
    }
}
