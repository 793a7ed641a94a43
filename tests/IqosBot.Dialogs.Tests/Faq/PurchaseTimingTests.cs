using IqosBot.Dialogs.Tests.Harness;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.Time.Testing;

namespace IqosBot.Dialogs.Tests.Faq;

/// <summary>
/// A question about the money-back guarantee or the warranty that says when the device was bought gets a
/// line on where that leaves the customer, before the general card, counted against the configured periods
/// (60 days money back, 14 days return, 12 months warranty) from Thursday 26 November 2026.
/// </summary>
public sealed class PurchaseTimingTests
{
    private readonly ScoredRecognizer _recognizer = new(new Dictionary<string, (string, double)[]>
    {
        ["jag köpte den för 80 dagar sedan, kan jag lämna tillbaka den?"] = [(Intents.MoneyBackGuarantee, 0.9)],
        ["köpte den igår o ångrar mig, får jag pengarna tillbaka"] = [(Intents.MoneyBackGuarantee, 0.9)],
        ["I bought it 30 days ago, can I still get my money back?"] = [(Intents.MoneyBackGuarantee, 0.9)],
        ["got it today and i dont like it, money back?"] = [(Intents.MoneyBackGuarantee, 0.9)],
        ["bought it 14 months ago is it still under warranty"] = [(Intents.WarrantyInfo, 0.9)],
        ["köpte den för 3 månader sen, gäller garantin då?"] = [(Intents.WarrantyInfo, 0.9)],
        ["hur funkar pengarna tillbaka garantin"] = [(Intents.MoneyBackGuarantee, 0.9)],
    });

    [Theory]
    [InlineData("jag köpte den för 80 dagar sedan, kan jag lämna tillbaka den?", "Du köpte den för 80 dagar sedan. Det är mer än 60 dagar, så pengarna tillbaka-garantin gäller tyvärr inte längre.")]
    [InlineData("köpte den igår o ångrar mig, får jag pengarna tillbaka", "Du köpte den i går, så du är inom både de 14 dagarna för retur och de 60 dagarna för pengarna tillbaka-garantin.")]
    [InlineData("I bought it 30 days ago, can I still get my money back?", "You bought it 30 days ago, so you're still within the 60-day money-back guarantee.")]
    [InlineData("got it today and i dont like it, money back?", "You bought it today, so you're within both the 14-day return period and the 60-day money-back guarantee.")]
    [InlineData("bought it 14 months ago is it still under warranty", "Counting from when you bought it, the 12-month warranty has run out, I'm afraid.")]
    [InlineData("köpte den för 3 månader sen, gäller garantin då?", "Räknat från när du köpte den är du fortfarande inom garantins 12 månader.")]
    public async Task When_the_question_says_when_it_was_bought_the_answer_starts_with_where_that_leaves_the_customer(string message, string situation)
    {
        var harness = Bot();

        var replies = await harness.SendAsync(message);

        Assert.Equal(situation, replies[0].Text);
        Assert.NotNull(replies[1].AdaptiveCard());
    }

    [Fact]
    public async Task Without_a_purchase_date_the_card_comes_first_as_before()
    {
        var harness = Bot();

        var replies = await harness.SendAsync("hur funkar pengarna tillbaka garantin");

        Assert.NotNull(replies[0].AdaptiveCard());
    }

    [Fact]
    public async Task The_period_is_the_configured_one()
    {
        var harness = Bot(new Dictionary<string, string?> { ["Policy:MoneyBackDays"] = "90" });

        var replies = await harness.SendAsync("jag köpte den för 80 dagar sedan, kan jag lämna tillbaka den?");

        Assert.Equal("Du köpte den för 80 dagar sedan, så du är fortfarande inom de 90 dagarna för pengarna tillbaka-garantin.", replies[0].Text);
    }

    private DialogTestHarness Bot(IDictionary<string, string?>? settings = null)
        => new(TestDialogs.Factory(TestDialogs.Services(new FakeTimeProvider(TestTime.DefaultNow), _recognizer, null, settings)), language: null, Channels.Emulator);
}
