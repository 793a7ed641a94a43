using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Cards;

/// <summary>
/// A question with options, in the richest form the channel shows: suggested actions (chips that
/// disappear after use), else a hero card with buttons, else a numbered list the customer answers by number.
/// </summary>
public static class ChoiceMessage
{
    public static Activity Create(string text, IReadOnlyList<ChoiceButton> buttons, ChannelInfo channel)
    {
        ArgumentNullException.ThrowIfNull(buttons);
        ArgumentNullException.ThrowIfNull(channel);

        if (buttons.Count == 0)
        {
            return (Activity)MessageFactory.Text(text);
        }

        if (channel.SupportsSuggestedActions(buttons.Count))
        {
            var message = (Activity)MessageFactory.Text(text);
            message.SuggestedActions = new SuggestedActions { Actions = buttons.Select(ImBack).ToList() };
            return message;
        }

        if (channel.SupportsCardButtons(buttons.Count))
        {
            var card = new HeroCard { Text = text, Buttons = buttons.Select(ImBack).ToList() };
            return (Activity)MessageFactory.Attachment(card.ToAttachment());
        }

        return (Activity)MessageFactory.Text(NumberedList(text, buttons));
    }

    private static CardAction ImBack(ChoiceButton button)
        => new() { Type = ActionTypes.ImBack, Title = button.Title, Value = button.Value };

    private static string NumberedList(string text, IReadOnlyList<ChoiceButton> buttons)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < buttons.Count; i++)
        {
            // Formatted invariantly: a culture-aware Append would set up the turn's fresh CultureInfo (~100 µs).
            builder.Append('\n').Append((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(". ").Append(buttons[i].Title);
        }

        return builder.ToString();
    }
}
