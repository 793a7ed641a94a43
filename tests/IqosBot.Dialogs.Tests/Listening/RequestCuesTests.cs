using IqosBot.Dialogs.Listening;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Tests.Listening;

/// <summary>A customer asking for another journey in so many words, with and without the "instead" that a prompt needs.</summary>
public sealed class RequestCuesTests
{
    [Theory]
    [InlineData("kan jag kolla garantin istället?", Intents.WarrantyStatus)]
    [InlineData("kan jag kolla garantin istallet", Intents.WarrantyStatus)]
    [InlineData("kolla garantin istället", Intents.WarrantyStatus)]
    [InlineData("jag vill hellre kolla garantin", Intents.WarrantyStatus)]
    [InlineData("actually can I check the warranty instead", Intents.WarrantyStatus)]
    [InlineData("I'd rather just check my warranty", Intents.WarrantyStatus)]
    [InlineData("I'd rather just register it", Intents.RegisterDevice)]
    [InlineData("egentligen vill jag registrera den först", Intents.RegisterDevice)]
    [InlineData("I want to register instead", Intents.RegisterDevice)]
    [InlineData("kan vi registrera den istället", Intents.RegisterDevice)]
    [InlineData("registrera istället", Intents.RegisterDevice)]
    public void Instead_switches_even_where_any_text_is_an_answer(string text, string intent)
    {
        Assert.Equal(intent, RequestCues.Detect(text, changeOfMind: true));
        Assert.Equal(intent, RequestCues.Detect(text));
    }

    [Theory]
    [InlineData("can you register my iqos", Intents.RegisterDevice)]
    [InlineData("jag vill registrera min iqos", Intents.RegisterDevice)]
    [InlineData("kan du registrera den åt mig", Intents.RegisterDevice)]
    [InlineData("can I check my warranty", Intents.WarrantyStatus)]
    [InlineData("kan jag se min garanti", Intents.WarrantyStatus)]
    [InlineData("can you check if my warranty is still valid", Intents.WarrantyStatus)]
    [InlineData("vill kolla status på garantin", Intents.WarrantyStatus)]
    public void A_plain_request_switches_only_where_the_message_is_not_an_answer(string text, string intent)
    {
        Assert.Equal(intent, RequestCues.Detect(text));
        Assert.Null(RequestCues.Detect(text, changeOfMind: true));
    }

    [Theory]
    [InlineData("kolla garantin")]
    [InlineData("register")]
    [InlineData("hur lång är garantin?")]
    [InlineData("how do I register?")]
    [InlineData("what do I get for registering?")]
    [InlineData("vill bara veta hur man registrerar")]
    [InlineData("actually I already registered it")]
    [InlineData("kan du hjälpa mig, den blinkar rött")]
    [InlineData("ILP1A2B3C4D5")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("I'd rather not register it")]
    [InlineData("jag vill helst inte registrera den")]
    public void Questions_short_answers_and_other_topics_switch_nothing(string? text)
    {
        Assert.Null(RequestCues.Detect(text));
        Assert.Null(RequestCues.Detect(text, changeOfMind: true));
    }

    [Fact]
    public void A_long_message_switches_nothing()
        => Assert.Null(RequestCues.Detect(string.Join(' ', Enumerable.Repeat("ok", 25)) + " kan jag registrera den istället"));
}
