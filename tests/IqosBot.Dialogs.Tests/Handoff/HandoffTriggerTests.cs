using IqosBot.Dialogs.Handoff;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Tests.Harness;
using IqosBot.Dialogs.Understanding;
using static IqosBot.Dialogs.Tests.Handoff.HandoffBot;

namespace IqosBot.Dialogs.Tests.Handoff;

/// <summary>
/// The ways from the main dialog to a person, and what the agent is told about where the customer came
/// from: asked straight away, after two unusable answers, after an FAQ answer that did not help, after
/// the benefits API failed, and in the middle of a journey.
/// </summary>
public sealed class HandoffTriggerTests
{
    private const string Describe =
        "Jag kopplar dig till en kollega på kundtjänst. Vill du skriva en rad om vad det gäller? Då kan kollegan förbereda sig. Du kan också hoppa över det.";

    private const string DescribeEn =
        "I'll connect you with a colleague in customer care. Would you like to say in a line what it's about? Then they can prepare. You can also skip this.";

    private static readonly string[] SwedishYesNo = ["Ja", "Nej"];

    // ---- (1) Asked straight away --------------------------------------------------------------------------

    [Theory]
    [InlineData("jag vill prata med en människa")]
    [InlineData("Prata med en person")]
    [InlineData(HumanIntentUtterance)]
    public async Task Asking_for_a_person_the_recognizer_or_the_menu_button_starts_the_handoff(string typed)
    {
        var bot = Open();

        var ask = Assert.Single(await bot.SayAsync(typed));
        await bot.SayAsync("Hoppa över");

        Assert.Equal(Describe, ask.Text);
        Assert.Equal(new HandoffRequest("sv", Intents.HumanAgent, null, null), Assert.Single(bot.People.AgentRequests));
    }

    [Theory]
    [InlineData("Prata med en person")]
    [InlineData("4")]
    public async Task Picking_talk_to_a_person_from_the_menu_starts_the_handoff(string pick)
    {
        var bot = Open();
        var menu = Assert.Single(await bot.SayAsync("hej"));
        Assert.Equal("Prata med en person", menu.SuggestedValues()[3]);

        var ask = Assert.Single(await bot.SayAsync(pick));
        await bot.SayAsync("Hoppa över");

        Assert.Equal(Describe, ask.Text);
        Assert.Equal(new HandoffRequest("sv", Intents.HumanAgent, null, null), Assert.Single(bot.People.AgentRequests));
    }

    [Fact]
    public async Task Picking_talk_to_a_person_from_the_english_menu_starts_the_english_handoff()
    {
        var bot = Open(CustomerLanguage.English);
        await bot.SayAsync("hello");

        var ask = Assert.Single(await bot.SayAsync("Talk to a person"));
        await bot.SayAsync("My device won't turn on");

        Assert.Equal(DescribeEn, ask.Text);
        Assert.Equal(new HandoffRequest("en", Intents.HumanAgent, null, "My device won't turn on"), Assert.Single(bot.People.AgentRequests));
    }

    // ---- (2) Two unusable answers in registration ----------------------------------------------------------

    [Fact]
    public async Task Two_unusable_serials_offer_a_person_and_yes_hands_over_with_the_registration_context()
    {
        var bot = Open();
        await bot.SayAsync("registrera min enhet");
        await bot.SayAsync("abc");

        var offer = await bot.SayAsync("xyz!");
        var ask = Assert.Single(await bot.SayAsync("ja"));
        var queued = Assert.Single(await bot.SayAsync("Hoppa över"));

        Assert.Equal([Sv(TextKey.RegSerialHint) + "\n\nDet verkar krångla lite. En person på kundtjänst kan hjälpa dig.", "Vill du prata med en person på kundtjänst?"], offer.Texts());
        Assert.Equal(SwedishYesNo, offer[1].SuggestedTitles());
        Assert.Equal(Describe, ask.Text);
        Assert.StartsWith("Tack! Du står nu i kö", queued.Text, StringComparison.Ordinal);
        Assert.Equal(new HandoffRequest("sv", Intents.RegisterDevice, "RegistrationDialog", null), Assert.Single(bot.People.AgentRequests));
        Assert.Empty(bot.Api.Registrations);
    }

    [Fact]
    public async Task Two_unusable_emails_in_english_offer_a_person_and_yes_hands_over_with_the_registration_context()
    {
        var bot = Open(CustomerLanguage.English);
        await bot.SayAsync("register my device");
        await bot.SayAsync(FakeBenefitsApi.UnregisteredOne);
        await bot.SayAsync("last Friday");
        await bot.SayAsync("not an email");

        var offer = await bot.SayAsync("still not");
        var ask = Assert.Single(await bot.SayAsync("yes"));
        await bot.SayAsync("Skip");

        Assert.Equal(["This seems a bit tricky. A person in customer care can help you.", "Would you like to talk to a person in customer care?"], offer.Texts());
        Assert.Equal(DescribeEn, ask.Text);
        Assert.Equal(new HandoffRequest("en", Intents.RegisterDevice, "RegistrationDialog", null), Assert.Single(bot.People.AgentRequests));
    }

    [Fact]
    public async Task No_to_the_offer_leaves_the_menu_and_nobody_is_asked()
    {
        var bot = Open();
        await bot.SayAsync("registrera min enhet");
        await bot.SayAsync("abc");
        await bot.SayAsync("xyz!");

        var reply = Assert.Single(await bot.SayAsync("nej"));

        Assert.Equal(Sv(TextKey.AnythingElse), reply.Text);
        Assert.Empty(bot.People.AgentRequests);
        Assert.Empty(await bot.Harness.SavedStackAsync());
    }

    [Fact]
    public async Task After_hours_the_offer_leads_to_the_closed_choices_and_a_callback_carries_the_registration_context()
    {
        var bot = Closed();
        await bot.SayAsync("registrera min enhet");
        await bot.SayAsync("abc");
        await bot.SayAsync("xyz!");

        var closed = await bot.SayAsync("ja");
        await bot.SayAsync("Ring upp mig");
        await bot.SayAsync("+46 70 123 45 67");
        await bot.SayAsync("ja");

        Assert.Equal("Kundtjänst har stängt just nu, så ingen kan svara i chatten. Vi är tillbaka i morgon kl. 08.00.", closed[0].Text);
        Assert.Equal(new CallbackRequest("sv", "+46701234567", Intents.RegisterDevice, "RegistrationDialog"), Assert.Single(bot.People.Callbacks));
        Assert.Empty(bot.People.AgentRequests);
    }

    // ---- (3) An FAQ answer that did not help ---------------------------------------------------------------

    [Fact]
    public async Task An_faq_answer_that_did_not_help_offers_a_person_and_yes_hands_over_with_the_faq_intent()
    {
        var bot = Open();
        var answer = await bot.SayAsync(CarePlusQuestion);

        var offer = Assert.Single(await bot.SayAsync("nej"));
        var ask = Assert.Single(await bot.SayAsync("ja"));
        await bot.SayAsync("Vad kostar Care Plus?");

        Assert.Equal("Hjälpte det här?", answer[1].Text);
        Assert.Equal("Tråkigt att höra. Vill du prata med en person på kundtjänst?", offer.Text);
        Assert.Equal(SwedishYesNo, offer.SuggestedTitles());
        Assert.Equal(Describe, ask.Text);
        Assert.Equal(new HandoffRequest("sv", Intents.CarePlus, "FaqDialog", "Vad kostar Care Plus?"), Assert.Single(bot.People.AgentRequests));
    }

    [Fact]
    public async Task An_english_faq_answer_that_did_not_help_hands_over_in_english_with_the_faq_intent()
    {
        var bot = Open(CustomerLanguage.English);
        await bot.SayAsync(CarePlusQuestionEn);

        var offer = Assert.Single(await bot.SayAsync("no"));
        var ask = Assert.Single(await bot.SayAsync("yes"));
        await bot.SayAsync("Skip");

        Assert.Equal("Sorry to hear that. Would you like to talk to a person in customer care?", offer.Text);
        Assert.Equal(DescribeEn, ask.Text);
        Assert.Equal(new HandoffRequest("en", Intents.CarePlus, "FaqDialog", null), Assert.Single(bot.People.AgentRequests));
    }

    // ---- (4) The benefits API failed in the warranty lookup --------------------------------------------------

    [Fact]
    public async Task A_failed_warranty_lookup_offers_a_person_and_yes_hands_over_with_the_warranty_context()
    {
        var bot = Open();
        bot.Api.Unavailable = true;
        await bot.SayAsync("kolla garantin");
        await bot.SayAsync(FakeBenefitsApi.RegisteredIluma);

        var apology = await bot.SayAsync(FakeBenefitsApi.DemoEmail);
        var ask = Assert.Single(await bot.SayAsync("ja"));
        var queued = Assert.Single(await bot.SayAsync("Hoppa över"));

        Assert.Equal(
            ["Förlåt, jag når inte vårt kundsystem just nu. Försök igen om en stund, eller ring kundtjänst på 020-25 10 10 (Måndag–fredag 08.00–19.00, lördag–söndag 10.00–18.00).",
             "Vill du prata med en person på kundtjänst?"],
            apology.Texts());
        Assert.Equal(Describe, ask.Text);
        Assert.Equal(["Lämna kön"], queued.SuggestedTitles());
        Assert.Equal(new HandoffRequest("sv", Intents.WarrantyStatus, "WarrantyStatusDialog", null), Assert.Single(bot.People.AgentRequests));
        Assert.Single(bot.Api.Lookups);
    }

    [Fact]
    public async Task A_failed_warranty_lookup_in_english_hands_over_in_english()
    {
        var bot = Open(CustomerLanguage.English);
        bot.Api.Unavailable = true;
        await bot.SayAsync("check my warranty");
        await bot.SayAsync(FakeBenefitsApi.RegisteredIluma);
        await bot.SayAsync(FakeBenefitsApi.DemoEmail);

        var ask = Assert.Single(await bot.SayAsync("yes"));
        await bot.SayAsync("Skip");

        Assert.Equal(DescribeEn, ask.Text);
        Assert.Equal(new HandoffRequest("en", Intents.WarrantyStatus, "WarrantyStatusDialog", null), Assert.Single(bot.People.AgentRequests));
    }

    // ---- (5) Asking for a person in the middle of a journey --------------------------------------------------

    [Fact]
    public async Task Asking_for_a_person_mid_registration_ends_the_journey_and_hands_over_with_its_context()
    {
        var bot = Open();
        await bot.SayAsync("registrera min enhet");
        await bot.SayAsync(FakeBenefitsApi.UnregisteredPrime);

        var ask = Assert.Single(await bot.SayAsync("jag vill prata med en människa"));
        var queued = Assert.Single(await bot.SayAsync("Jag hittar inte kvittot"));

        Assert.Equal(Describe, ask.Text);
        Assert.StartsWith("Tack! Du står nu i kö", queued.Text, StringComparison.Ordinal);
        Assert.Equal(new HandoffRequest("sv", Intents.RegisterDevice, "RegistrationDialog", "Jag hittar inte kvittot"), Assert.Single(bot.People.AgentRequests));
        Assert.Empty(bot.Api.Registrations);
        Assert.Empty(await bot.Harness.SavedStackAsync());
    }

    [Fact]
    public async Task Asking_for_a_person_mid_registration_in_english_hands_over_with_its_context()
    {
        var bot = Open(CustomerLanguage.English);
        await bot.SayAsync("register my device");

        var ask = Assert.Single(await bot.SayAsync("can I talk to a human"));
        await bot.SayAsync("Skip");

        Assert.Equal(DescribeEn, ask.Text);
        Assert.Equal(new HandoffRequest("en", Intents.RegisterDevice, "RegistrationDialog", null), Assert.Single(bot.People.AgentRequests));
    }

    [Fact]
    public async Task Asking_for_a_person_mid_warranty_lookup_hands_over_with_its_context()
    {
        var bot = Open();
        await bot.SayAsync("kolla garantin");

        await bot.SayAsync("jag vill prata med en människa");
        await bot.SayAsync("Hoppa över");

        Assert.Equal(new HandoffRequest("sv", Intents.WarrantyStatus, "WarrantyStatusDialog", null), Assert.Single(bot.People.AgentRequests));
        Assert.Empty(bot.Api.Lookups);
    }

    [Fact]
    public async Task A_later_request_for_a_person_does_not_carry_the_context_of_a_journey_that_ended()
    {
        var bot = Open();
        await bot.SayAsync("registrera min enhet");
        await bot.SayAsync("avbryt");

        await bot.SayAsync("jag vill prata med en människa");
        await bot.SayAsync("Hoppa över");

        Assert.Equal(new HandoffRequest("sv", Intents.HumanAgent, null, null), Assert.Single(bot.People.AgentRequests));
    }
}
