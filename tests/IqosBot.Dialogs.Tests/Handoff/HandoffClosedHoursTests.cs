using IqosBot.Dialogs.Handoff;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Tests.Harness;
using IqosBot.Dialogs.Understanding;
using Newtonsoft.Json.Linq;
using Microsoft.Extensions.Time.Testing;
using static IqosBot.Dialogs.Tests.Handoff.HandoffBot;

namespace IqosBot.Dialogs.Tests.Handoff;

/// <summary>
/// Asking for a person while customer care is closed (Wednesday 25 November 2026, 20:00 in Stockholm): when
/// the team is back, and e-mail or a callback instead. Nobody is put in a queue.
/// </summary>
public sealed class HandoffClosedHoursTests
{
    private static readonly string[] SwedishMenu = ["Registrera enhet", "Kolla min garanti", "Ställ en fråga", "Prata med en person"];
    private static readonly string[] EnglishMenu = ["Register a device", "Check my warranty", "Ask a question", "Talk to a person"];

    [Fact]
    public async Task Closed_says_when_customer_care_is_back_and_offers_email_callback_or_no_thanks()
    {
        var bot = Closed();

        var replies = await bot.SayAsync("jag vill prata med en människa");

        Assert.Equal(
            ["Kundtjänst har stängt just nu, så ingen kan svara i chatten. Vi är tillbaka i morgon kl. 08.00.", "Vill du mejla oss, eller ska vi ringa upp dig när vi har öppnat?"],
            replies.Texts());
        Assert.Equal(["Mejla oss", "Ring upp mig", "Nej tack"], replies[1].SuggestedTitles());
        Assert.Empty(bot.People.AgentRequests);
    }

    [Fact]
    public async Task Closed_in_english()
    {
        var bot = Closed(CustomerLanguage.English);

        var replies = await bot.SayAsync("can I talk to a human");

        Assert.Equal(
            ["Customer care is closed right now, so nobody can answer in the chat. We're back tomorrow at 08.00.", "Would you like to e-mail us, or shall we call you back when we're open?"],
            replies.Texts());
        Assert.Equal(["E-mail us", "Call me back", "No thanks"], replies[1].SuggestedTitles());
        Assert.Empty(bot.People.AgentRequests);
    }

    [Fact]
    public async Task Email_gives_the_address_and_the_menu()
    {
        var bot = Closed();
        await bot.SayAsync("jag vill prata med en människa");

        var replies = await bot.SayAsync("Mejla oss");

        Assert.Equal(["Mejla oss på contact.se@iqos.com så återkommer vi.", "Är det något mer jag kan hjälpa dig med?"], replies.Texts());
        Assert.Equal(SwedishMenu, replies[1].SuggestedTitles());
        Assert.Empty(bot.People.Callbacks);
        Assert.Empty(await bot.Harness.SavedStackAsync());
    }

    [Fact]
    public async Task No_thanks_leaves_the_menu()
    {
        var bot = Closed(CustomerLanguage.English);
        await bot.SayAsync("talk to a person");

        var reply = Assert.Single(await bot.SayAsync("No thanks"));

        Assert.Equal("Is there anything else I can help you with?", reply.Text);
        Assert.Equal(EnglishMenu, reply.SuggestedTitles());
        Assert.Empty(bot.People.Callbacks);
        Assert.Empty(bot.People.AgentRequests);
    }

    [Fact]
    public async Task Callback_asks_for_a_number_retries_an_invalid_one_and_with_consent_books_the_normalised_number()
    {
        var bot = Closed();
        await bot.SayAsync("jag vill prata med en människa");

        var phone = Assert.Single(await bot.SayAsync("Ring upp mig"));
        var retry = Assert.Single(await bot.SayAsync("12345"));
        var consent = Assert.Single(await bot.SayAsync("070-123 45 67"));
        Assert.Empty(bot.People.Callbacks);
        var booked = await bot.SayAsync("ja");

        Assert.Equal("Vilket telefonnummer ska vi ringa?", phone.Text);
        Assert.Equal("Det ser inte ut som ett svenskt telefonnummer. Skriv det som 070-123 45 67 eller +46 70 123 45 67.", retry.Text);
        Assert.Equal("Får vi spara 070-123 45 67 och ringa dig när kundtjänst har öppnat? Vi använder bara numret till det här samtalet.", consent.Text);
        Assert.Equal(["Ja", "Nej"], consent.SuggestedTitles());
        Assert.Equal(
            ["Tack! Vi ringer dig när vi har öppnat igen – vi är tillbaka i morgon kl. 08.00.", "Är det något mer jag kan hjälpa dig med?"],
            booked.Texts());
        Assert.Equal(SwedishMenu, booked[1].SuggestedTitles());
        Assert.Equal(new CallbackRequest("sv", "+46701234567", Intents.HumanAgent, null), Assert.Single(bot.People.Callbacks));
        Assert.Empty(bot.People.AgentRequests);
        Assert.Empty(await bot.Harness.SavedStackAsync());
    }

    [Fact]
    public async Task Callback_in_english_books_an_international_number()
    {
        var bot = Closed(CustomerLanguage.English);
        await bot.SayAsync("talk to a person");

        var phone = Assert.Single(await bot.SayAsync("Call me back"));
        var consent = Assert.Single(await bot.SayAsync("+46 8 123 456 78"));
        var booked = await bot.SayAsync("yes");

        Assert.Equal("Which phone number should we call?", phone.Text);
        Assert.Equal("May we save +46 8 123 456 78 and call you when customer care is open? We'll only use the number for this call.", consent.Text);
        Assert.Equal(["Thanks! We'll call you once we're open again – we're back tomorrow at 08.00.", "Is there anything else I can help you with?"], booked.Texts());
        Assert.Equal(new CallbackRequest("en", "+46812345678", Intents.HumanAgent, null), Assert.Single(bot.People.Callbacks));
    }

    [Fact]
    public async Task Without_consent_nothing_is_stored_and_the_number_is_kept_nowhere()
    {
        var bot = Closed();
        await bot.SayAsync("jag vill prata med en människa");
        await bot.SayAsync("Ring upp mig");
        await bot.SayAsync("070-123 45 67");

        var replies = await bot.SayAsync("nej");

        Assert.Equal(
            ["Okej, jag har inte sparat numret. Du kan alltid mejla oss på contact.se@iqos.com.", "Är det något mer jag kan hjälpa dig med?"],
            replies.Texts());
        Assert.Empty(bot.People.Callbacks);
        Assert.Empty(await bot.Harness.SavedStackAsync());
        var stored = bot.StoredJson();
        Assert.DoesNotContain("123 45 67", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("701234567", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_consent_in_english()
    {
        var bot = Closed(CustomerLanguage.English);
        await bot.SayAsync("talk to a person");
        await bot.SayAsync("Call me back");
        await bot.SayAsync("0701234567");

        var replies = await bot.SayAsync("no");

        Assert.Equal("OK, I haven't saved the number. You can always e-mail us at contact.se@iqos.com.", replies[0].Text);
        Assert.Empty(bot.People.Callbacks);
    }

    [Fact]
    public async Task Two_numbers_that_are_not_swedish_give_the_email_address_instead()
    {
        var bot = Closed();
        await bot.SayAsync("jag vill prata med en människa");
        await bot.SayAsync("Ring upp mig");

        await bot.SayAsync("+44 20 7946 0958");
        var replies = await bot.SayAsync("123");

        Assert.Equal(["Mejla oss på contact.se@iqos.com så återkommer vi.", "Är det något mer jag kan hjälpa dig med?"], replies.Texts());
        Assert.Empty(bot.People.Callbacks);
    }

    [Fact]
    public async Task Typing_a_question_at_the_closed_hours_choice_answers_that_question()
    {
        var bot = Closed();
        await bot.SayAsync("jag vill prata med en människa");

        var replies = await bot.SayAsync(TroubleQuestion);

        Assert.Equal("Felsökning", replies[0].AdaptiveCard()!["body"]![0]!.Value<string>("text"));
        Assert.Equal("Hjälpte det här?", replies[1].Text);
        Assert.Empty(bot.People.Callbacks);
        Assert.Empty(bot.People.AgentRequests);
    }

    [Fact]
    public async Task Started_directly_text_that_is_neither_choice_is_asked_again_and_twice_gives_the_email_address()
    {
        var people = new FakeHumanHandoff();
        var support = TestSupport.Options();
        var time = new FakeTimeProvider(ClosedNow);
        var harness = new DialogTestHarness(
            () => new Launcher(new HandoffDialog(people, FixedOptions.Of(support), new BusinessHours(support), time), new HandoffOptions(Intents.CarePlus, "FaqDialog")),
            CustomerLanguage.Swedish);
        await harness.SendAsync("start");

        var retry = (await harness.SendAsync("hmm jaa")).Messages();
        var given = (await harness.SendAsync("vet inte")).Messages();

        // The test channel shows the options as a numbered list under the text.
        Assert.StartsWith(Sv(TextKey.ChoiceRetry), Assert.Single(retry).Text, StringComparison.Ordinal);
        Assert.Contains("Ring upp mig", retry[0].Text, StringComparison.Ordinal);
        Assert.Equal("Mejla oss på contact.se@iqos.com så återkommer vi.", given[0].Text);
        Assert.StartsWith(Sv(TextKey.AnythingElse), given[1].Text, StringComparison.Ordinal);
        Assert.Empty(people.Callbacks);
    }

    [Fact]
    public async Task The_callback_request_carries_the_intent_and_dialog_the_handoff_was_started_with()
    {
        var people = new FakeHumanHandoff();
        var support = TestSupport.Options();
        var time = new FakeTimeProvider(ClosedNow);
        var harness = new DialogTestHarness(
            () => new Launcher(new HandoffDialog(people, FixedOptions.Of(support), new BusinessHours(support), time), new HandoffOptions(Intents.RegisterDevice, "RegistrationDialog")),
            CustomerLanguage.Swedish);
        await harness.SendAsync("start");
        await harness.SendAsync("2");
        await harness.SendAsync("(08) 123 456 78");

        await harness.SendAsync("ja");

        Assert.Equal(new CallbackRequest("sv", "+46812345678", Intents.RegisterDevice, "RegistrationDialog"), Assert.Single(people.Callbacks));
    }

    [Fact]
    public async Task On_a_saturday_evening_the_team_is_back_on_sunday_at_10()
    {
        var bot = Closed();
        bot.Time.Advance(TimeSpan.FromDays(3));

        var replies = await bot.SayAsync("jag vill prata med en människa");

        Assert.Equal("Kundtjänst har stängt just nu, så ingen kan svara i chatten. Vi är tillbaka i morgon kl. 10.00.", replies[0].Text);
    }

    [Fact]
    public async Task Asking_for_a_person_again_at_the_closed_hours_choice_asks_the_choice_again()
    {
        var bot = Closed();
        await bot.SayAsync("jag vill prata med en människa");

        var again = Assert.Single(await bot.SayAsync("prata med en person"));

        Assert.Equal(Sv(TextKey.HandoffClosedOptions), again.Text);
        Assert.Equal(["Mejla oss", "Ring upp mig", "Nej tack"], again.SuggestedTitles());
        Assert.Empty(bot.People.AgentRequests);
    }
}
