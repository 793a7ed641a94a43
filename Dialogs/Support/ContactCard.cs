using IqosBot.Cards;
using IqosBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Support;

/// <summary>Customer care's phone, e-mail and hours as a card, or as a sentence where cards don't show.</summary>
public static class ContactCard
{
    public static Activity Create(SupportOptions support, string language, ChannelInfo channel, string? introText = null)
    {
        ArgumentNullException.ThrowIfNull(support);
        ArgumentNullException.ThrowIfNull(channel);
        var hours = OpeningHoursText.Describe(support, language);

        if (!channel.SupportsAdaptiveCards)
        {
            var sentence = Texts.Format(language, TextKey.ContactFallbackText, support.Phone, hours, support.Email);
            return (Activity)MessageFactory.Text(introText is null ? sentence : $"{introText} {sentence}");
        }

        var card = CardTemplates.Bind("contact", new Dictionary<string, string>
        {
            ["title"] = Texts.Get(language, TextKey.ContactTitle),
            ["phoneLabel"] = Texts.Get(language, TextKey.ContactPhoneLabel),
            ["phone"] = support.Phone,
            ["phoneDial"] = DialString(support.Phone),
            ["emailLabel"] = Texts.Get(language, TextKey.ContactEmailLabel),
            ["email"] = support.Email,
            ["hoursLabel"] = Texts.Get(language, TextKey.ContactHoursLabel),
            ["hours"] = hours,
            ["otherChannels"] = Texts.Get(language, TextKey.ContactOtherChannels),
            ["callTitle"] = Texts.Get(language, TextKey.ContactCall),
            ["emailTitle"] = Texts.Get(language, TextKey.ContactSendEmail),
        });

        var activity = (Activity)MessageFactory.Attachment(CardTemplates.ToAttachment(card));
        activity.Text = introText;
        return activity;
    }

    /// <summary>"020-25 10 10" → "+4620251010": a tel: link wants the international form without spaces.</summary>
    internal static string DialString(string phone)
    {
        var digits = new string(phone.Where(char.IsDigit).ToArray());
        return phone.TrimStart().StartsWith('+') ? "+" + digits
            : digits.StartsWith('0') ? "+46" + digits[1..]
            : digits;
    }
}
