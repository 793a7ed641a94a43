using IqosBot.Cards;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Tests.Harness;
using Microsoft.Bot.Connector;

namespace IqosBot.Dialogs.Tests.Support;

public sealed class ContactTests
{
    [Fact]
    public void Opening_hours_in_swedish()
        => Assert.Equal(
            "Måndag–fredag 08.00–19.00, lördag–söndag 10.00–18.00",
            OpeningHoursText.Describe(TestSupport.Options(), CustomerLanguage.Swedish));

    [Fact]
    public void Opening_hours_in_english()
        => Assert.Equal(
            "Monday–Friday 08.00–19.00, Saturday–Sunday 10.00–18.00",
            OpeningHoursText.Describe(TestSupport.Options(), CustomerLanguage.English));

    [Fact]
    public void A_single_day_is_named_once()
    {
        var options = TestSupport.Options();
        options.OpeningHours =
        [
            new OpeningHoursRule { From = DayOfWeek.Saturday, To = DayOfWeek.Saturday, Open = new TimeOnly(10, 0), Close = new TimeOnly(14, 30) },
        ];

        Assert.Equal("Lördag 10.00–14.30", OpeningHoursText.Describe(options, CustomerLanguage.Swedish));
    }

    [Theory]
    [InlineData("020-25 10 10", "+4620251010")]
    [InlineData("08-123 456 78", "+46812345678")]
    [InlineData("+46 20 25 10 10", "+4620251010")]
    [InlineData("112", "112")]
    public void Dial_strings_are_international_without_spaces(string phone, string expected)
        => Assert.Equal(expected, ContactCard.DialString(phone));

    [Fact]
    public void The_contact_card_shows_phone_e_mail_and_hours_and_dials_the_international_number()
    {
        var activity = ContactCard.Create(TestSupport.Options(), CustomerLanguage.Swedish, new ChannelInfo(Channels.Emulator, null), "Här är kontaktuppgifterna:");

        Assert.Equal("Här är kontaktuppgifterna:", activity.Text);
        var card = activity.AdaptiveCard()!;
        Assert.Equal("Kontakta IQOS kundtjänst", card["body"]![0]!.Value<string>("text"));
        Assert.Equal("020-25 10 10", card.Fact("Telefon"));
        Assert.Equal("contact.se@iqos.com", card.Fact("E-post"));
        Assert.Equal("Måndag–fredag 08.00–19.00, lördag–söndag 10.00–18.00", card.Fact("Telefontider"));
        Assert.Contains("tel:+4620251010", card.CardStrings());
        Assert.Contains("mailto:contact.se@iqos.com", card.CardStrings());
        Assert.DoesNotContain(card.CardStrings(), text => text.Contains("${", StringComparison.Ordinal));
    }

    [Fact]
    public void Where_cards_do_not_show_the_contact_details_are_a_sentence()
    {
        var activity = ContactCard.Create(TestSupport.Options(), CustomerLanguage.English, new ChannelInfo("sms", null), "Customer care can help:");

        Assert.Empty(activity.Attachments ?? []);
        Assert.Equal(
            "Customer care can help: Call 020-25 10 10 (Monday–Friday 08.00–19.00, Saturday–Sunday 10.00–18.00) or e-mail contact.se@iqos.com.",
            activity.Text);
    }
}
