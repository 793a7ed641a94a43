using IqosBot.Dialogs.Handoff;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Tests.Harness;
using IqosBot.Dialogs.Understanding;
using static IqosBot.Dialogs.Tests.Handoff.HandoffBot;

namespace IqosBot.Dialogs.Tests.Handoff;

/// <summary>
/// Asking for a person while customer care is open (Wednesday 25 November 2026, 10:00 in Stockholm): an
/// optional one-line description, then the queue.
/// </summary>
public sealed class HandoffOpenHoursTests
{
    [Fact]
    public async Task Asking_for_a_person_asks_for_a_description_with_a_skip_button_in_swedish()
    {
        var bot = Open();

        var reply = Assert.Single(await bot.SayAsync("jag vill prata med en människa"));

        Assert.Equal(
            "Jag kopplar dig till en kollega på kundtjänst. Vill du skriva en rad om vad det gäller? Då kan kollegan förbereda sig. Du kan också hoppa över det.",
            reply.Text);
        Assert.Equal(["Hoppa över"], reply.SuggestedTitles());
        Assert.Empty(bot.People.AgentRequests);
    }

    [Fact]
    public async Task The_description_goes_with_the_request_and_the_customer_hears_place_and_wait_with_a_leave_button()
    {
        var bot = Open();
        await bot.SayAsync("jag vill prata med en människa");

        var reply = Assert.Single(await bot.SayAsync("  Min ILUMA blinkar rött efter laddning  "));

        Assert.Equal("Tack! Du står nu i kö till en kollega. Du är nummer 3 och väntetiden är ungefär 6 min. Jag säger till när någon ansluter.", reply.Text);
        Assert.Equal(["Lämna kön"], reply.SuggestedTitles());
        Assert.Equal(
            new HandoffRequest(CustomerLanguage.Swedish, Intents.HumanAgent, null, "Min ILUMA blinkar rött efter laddning"),
            Assert.Single(bot.People.AgentRequests));
        Assert.Empty(bot.People.Callbacks);
        Assert.Empty(await bot.Harness.SavedStackAsync());
    }

    [Fact]
    public async Task Skip_sends_the_request_without_a_description()
    {
        var bot = Open();
        await bot.SayAsync("jag vill prata med en människa");

        var reply = Assert.Single(await bot.SayAsync("Hoppa över"));

        Assert.StartsWith("Tack! Du står nu i kö till en kollega. Du är nummer 3", reply.Text, StringComparison.Ordinal);
        Assert.Equal(new HandoffRequest("sv", Intents.HumanAgent, null, null), Assert.Single(bot.People.AgentRequests));
    }

    [Fact]
    public async Task In_english_the_description_prompt_queue_message_and_buttons_are_english()
    {
        var bot = Open(CustomerLanguage.English);

        var ask = Assert.Single(await bot.SayAsync("can I talk to a human"));
        var queued = Assert.Single(await bot.SayAsync("Skip"));

        Assert.Equal(
            "I'll connect you with a colleague in customer care. Would you like to say in a line what it's about? Then they can prepare. You can also skip this.",
            ask.Text);
        Assert.Equal(["Skip"], ask.SuggestedTitles());
        Assert.Equal("Thanks! You're in the queue for a colleague. You're number 3, and the wait is about 6 min. I'll let you know when someone joins.", queued.Text);
        Assert.Equal(["Leave the queue"], queued.SuggestedTitles());
        Assert.Equal(new HandoffRequest("en", Intents.HumanAgent, null, null), Assert.Single(bot.People.AgentRequests));
    }

    [Fact]
    public async Task A_contact_centre_ticket_without_a_position_says_a_colleague_will_answer_without_a_queue_button()
    {
        var bot = Open();
        bot.People.UseContactCentre();
        await bot.SayAsync("jag vill prata med en människa");

        var reply = Assert.Single(await bot.SayAsync("Fråga om min beställning"));

        Assert.Equal("Tack! Jag kopplar dig nu till en kollega, som svarar här i chatten så snart som möjligt.", reply.Text);
        Assert.Empty(reply.SuggestedTitles());
        Assert.Equal("Fråga om min beställning", Assert.Single(bot.People.AgentRequests).Description);
    }

    [Fact]
    public async Task A_contact_centre_ticket_in_english()
    {
        var bot = Open(CustomerLanguage.English);
        bot.People.UseContactCentre();
        await bot.SayAsync("talk to a person");

        var reply = Assert.Single(await bot.SayAsync("Skip"));

        Assert.Equal("Thanks! I'm connecting you with a colleague. They'll answer here in the chat as soon as they can.", reply.Text);
    }

    [Fact]
    public async Task When_the_queue_is_unavailable_the_customer_gets_customer_cares_contact_card()
    {
        var bot = Open();
        bot.People.Unavailable = true;
        await bot.SayAsync("jag vill prata med en människa");

        var reply = Assert.Single(await bot.SayAsync("Hoppa över"));

        Assert.Equal("Tyvärr kunde jag inte ställa dig i kö just nu. Du når kundtjänst här:", reply.Text);
        var card = reply.AdaptiveCard()!;
        Assert.Equal(TestSupport.Phone, card.Fact("Telefon"));
        Assert.Equal(TestSupport.Email, card.Fact("E-post"));
        Assert.Single(bot.People.AgentRequests);
        Assert.Empty(await bot.Harness.SavedStackAsync());
    }

    [Fact]
    public async Task When_the_queue_is_unavailable_the_english_customer_gets_the_english_contact_card()
    {
        var bot = Open(CustomerLanguage.English);
        bot.People.Unavailable = true;
        await bot.SayAsync("talk to a person");

        var reply = Assert.Single(await bot.SayAsync("Skip"));

        Assert.Equal("Sorry, I couldn't put you in the queue just now. You can reach customer care here:", reply.Text);
        Assert.Equal(TestSupport.Phone, reply.AdaptiveCard()!.Fact("Phone"));
    }

    [Theory]
    [InlineData("mitt personnummer är 19900101-1239", "19900101")]
    [InlineData("900101-1239 gäller min order", "900101")]
    [InlineData("kortet 4111 1111 1111 1111 drogs två gånger", "4111")]
    public async Task A_personnummer_or_card_number_in_the_description_is_refused_and_never_passed_on(string typed, string digits)
    {
        var bot = Open();
        await bot.SayAsync("jag vill prata med en människa");

        var refused = await bot.SayAsync(typed);
        Assert.Empty(bot.People.AgentRequests);
        var stored = bot.StoredJson();
        var queued = Assert.Single(await bot.SayAsync("Dubbeldragning på kortet"));

        // The same answer as at every prompt, then the same question again, with its way to skip.
        Assert.Equal([Sv(TextKey.ListenSensitiveNumber), Sv(TextKey.HandoffDescribePrompt)], refused.Texts());
        Assert.Equal(["Hoppa över"], refused[1].SuggestedTitles());
        Assert.DoesNotContain(digits, refused.AllJson(), StringComparison.Ordinal);
        Assert.DoesNotContain(digits, stored, StringComparison.Ordinal);
        Assert.StartsWith("Tack! Du står nu i kö", queued.Text, StringComparison.Ordinal);
        Assert.Equal("Dubbeldragning på kortet", Assert.Single(bot.People.AgentRequests).Description);
    }

    [Fact]
    public async Task Sensitive_descriptions_are_never_a_miss_and_skipping_queues_without_any_description()
    {
        var bot = Open();
        await bot.SayAsync("jag vill prata med en människa");

        await bot.SayAsync("19900101-1239");
        var again = await bot.SayAsync("igen: 19900101-1239");
        Assert.Equal([Sv(TextKey.ListenSensitiveNumber), Sv(TextKey.HandoffDescribePrompt)], again.Texts());
        var queued = Assert.Single(await bot.SayAsync("Hoppa över"));

        Assert.StartsWith("Tack! Du står nu i kö", queued.Text, StringComparison.Ordinal);
        var request = Assert.Single(bot.People.AgentRequests);
        Assert.Null(request.Description);
        Assert.DoesNotContain("19900101", bot.StoredJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_personnummer_in_english_gets_the_english_refusal()
    {
        var bot = Open(CustomerLanguage.English);
        await bot.SayAsync("talk to a person");

        var refused = await bot.SayAsync("my id is 19900101-1239");

        Assert.Equal([En(TextKey.ListenSensitiveNumber), En(TextKey.HandoffDescribePrompt)], refused.Texts());
        Assert.Equal(["Skip"], refused[1].SuggestedTitles());
        Assert.Empty(bot.People.AgentRequests);
    }

    [Fact]
    public async Task A_long_description_is_cut_to_300_characters()
    {
        var bot = Open();
        await bot.SayAsync("jag vill prata med en människa");
        var text = string.Concat(Enumerable.Repeat("Laddaren ", 50)).Trim();

        await bot.SayAsync(text);

        Assert.Equal(text[..300] + "…", Assert.Single(bot.People.AgentRequests).Description);
    }

    [Fact]
    public async Task Asking_for_a_person_again_at_the_description_asks_the_same_question_again()
    {
        var bot = Open();
        await bot.SayAsync("jag vill prata med en människa");

        var again = Assert.Single(await bot.SayAsync("prata med en person"));

        Assert.Equal(Sv(TextKey.HandoffDescribePrompt), again.Text);
        Assert.Equal(["Hoppa över"], again.SuggestedTitles());
        Assert.Empty(bot.People.AgentRequests);
    }
}
