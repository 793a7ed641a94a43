using IqosBot.Dialogs.Tests.Harness;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.Time.Testing;

namespace IqosBot.Dialogs.Tests.Faq;

/// <summary>
/// Where the device was bought, being abroad now or before a trip, and a store question: the answer speaks
/// to the customer's situation first, from the knowledge (the return steps of an IQOS.com order), never with
/// an invented fact (no store list, no return steps for a store purchase).
/// </summary>
public sealed class SituationalAnswerTests
{
    private readonly ScoredRecognizer _recognizer = new(new Dictionary<string, (string, double)[]>
    {
        ["beställde den på iqos.com men gillar den inte, hur lämnar jag tillbaka?"] = [(Intents.MoneyBackGuarantee, 0.9)],
        ["I ordered it online and want to return it"] = [(Intents.MoneyBackGuarantee, 0.9)],
        ["köpte den på pressbyrån, kan jag returnera den"] = [(Intents.MoneyBackGuarantee, 0.9)],
        ["got it in a store in stockholm, how do i send it back"] = [(Intents.MoneyBackGuarantee, 0.9)],
        ["I'm on holiday in Italy and my IQOS just broke"] = [(Intents.InternationalSupport, 0.9)],
        ["jag är i spanien just nu och min iqos funkar inte"] = [(Intents.InternationalSupport, 0.9)],
        ["jag ska åka till Spanien nästa vecka, funkar supporten där?"] = [(Intents.InternationalSupport, 0.9)],
        ["going to Italy next week, can i get help there?"] = [(Intents.InternationalSupport, 0.9)],
        ["finns det någon iqos-butik i göteborg?"] = [(Intents.ContactSupport, 0.9)],
        ["are there any iqos stores in malmo"] = [(Intents.ContactSupport, 0.9)],
        ["vad har ni för telefonnummer"] = [(Intents.ContactSupport, 0.9)],
    });

    [Theory]
    [InlineData("beställde den på iqos.com men gillar den inte, hur lämnar jag tillbaka?", "Köpte du den på IQOS.com och PostNord levererade den? Använd returetiketten och följesedeln från paketet och kryssa i ”Item no longer required”. Du behöver ingen kopia av kvittot. Lämna paketet hos ett PostNord-ombud – återbetalningen kommer inom några vardagar.")]
    [InlineData("I ordered it online and want to return it", "Bought on IQOS.com and delivered by PostNord? Use the return label and slip from the parcel and tick “Item no longer required”. No copy of the receipt is needed. Drop the parcel at a PostNord point – the refund comes within a few business days.")]
    [InlineData("köpte den på pressbyrån, kan jag returnera den", "Köpte du den i en butik eller hos en återförsäljare har jag inte stegen för den returen – kontakta kundtjänst innan du skickar tillbaka något.")]
    [InlineData("got it in a store in stockholm, how do i send it back", "If you bought it in a store or from a retailer, I don't have the steps for that return – please contact customer care before you send anything back.")]
    public async Task A_return_question_gets_the_way_back_for_where_it_was_bought_then_the_card(string message, string route)
    {
        var replies = await Bot().SendAsync(message);

        Assert.Equal(route, replies[0].Text);
        Assert.NotNull(replies[1].AdaptiveCard());
    }

    [Theory]
    [InlineData("I'm on holiday in Italy and my IQOS just broke", "As you're already abroad: contact customer care now and you'll get the International Assistance number – e-mail contact.se@iqos.com, or write “talk to a person” here.", "Did this help?")]
    [InlineData("jag är i spanien just nu och min iqos funkar inte", "Eftersom du redan är utomlands: kontakta kundtjänst nu så får du numret till International Assistance – mejla contact.se@iqos.com eller skriv ”prata med en person” här.", "Hjälpte det här?")]
    public async Task Someone_already_abroad_is_not_told_what_to_do_before_a_trip(string message, string now, string didThisHelp)
    {
        var replies = await Bot().SendAsync(message);

        Assert.Equal(now, replies[0].Text);
        Assert.DoesNotContain(replies, reply => reply.AdaptiveCard() is not null);
        Assert.Equal(didThisHelp, replies[1].Text);
    }

    [Theory]
    [InlineData("jag ska åka till Spanien nästa vecka, funkar supporten där?")]
    [InlineData("going to Italy next week, can i get help there?")]
    public async Task Someone_planning_a_trip_gets_the_card_as_it_is(string message)
    {
        var replies = await Bot().SendAsync(message);

        Assert.NotNull(replies[0].AdaptiveCard());
    }

    [Theory]
    [InlineData("finns det någon iqos-butik i göteborg?", "Jag har ingen aktuell lista över IQOS-butiker, så jag kan inte säga var närmaste butik finns. Kundtjänst hjälper dig gärna med det:")]
    [InlineData("are there any iqos stores in malmo", "I don't have an up-to-date list of IQOS stores, so I can't say where the nearest one is. Customer care will gladly help with that:")]
    public async Task A_store_question_is_told_there_is_no_store_list_and_gets_customer_care(string message, string noList)
    {
        var replies = await Bot().SendAsync(message);

        Assert.Equal(noList, replies[0].Text);
        Assert.Contains(TestSupport.Phone, string.Join("\n", replies[1].AdaptiveCard()!.CardStrings()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_question_without_a_store_gets_the_card_alone()
    {
        var replies = await Bot().SendAsync("vad har ni för telefonnummer");

        Assert.NotNull(replies[0].AdaptiveCard());
    }

    private DialogTestHarness Bot()
        => new(TestDialogs.Factory(TestDialogs.Services(new FakeTimeProvider(TestTime.DefaultNow), _recognizer)), language: null, Channels.Emulator);
}
