using IqosBot.Dialogs.Tests.Harness;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.Time.Testing;

namespace IqosBot.Dialogs.Tests.Faq;

/// <summary>An FAQ answer, then "did this help?": yes, no (a person is offered), a follow-up, or the next question.</summary>
public sealed class FaqFlowTests
{
    private readonly ScoredRecognizer _recognizer = new(new Dictionary<string, (string, double)[]>
    {
        ["vad ingår i care plus"] = [(Intents.CarePlus, 0.93), (Intents.WarrantyInfo, 0.2)],
        ["what is the money back guarantee"] = [(Intents.MoneyBackGuarantee, 0.9), (Intents.WarrantyInfo, 0.1)],
        ["när har ni öppet"] = [(Intents.ContactSupport, 0.95)],
        ["vad gör en iqos expert"] = [(Intents.IqosExpert, 0.91), (Intents.CarePlus, 0.3)],
        ["what does the iqos expert help with"] = [(Intents.IqosExpert, 0.9), (Intents.Help, 0.2)],
        // Two intents the model cannot tell apart.
        ["garantin på min nya enhet"] = [(Intents.WarrantyInfo, 0.51), (Intents.WarrantyStatus, 0.47), (Intents.None, 0.1)],
    });

    [Fact]
    public async Task An_answer_is_a_card_followed_by_did_this_help_with_yes_no_and_follow_ups()
    {
        var harness = Bot();

        var replies = await harness.SendAsync("vad ingår i care plus");

        var card = replies[0].AdaptiveCard()!;
        Assert.Contains("Care Plus – förmånsprogrammet", card.CardStrings());
        Assert.Contains(card.CardStrings(), text => text.Contains("olycksfallsskydd", StringComparison.Ordinal));
        Assert.Equal("Hjälpte det här?", replies[1].Text);
        Assert.Equal(["Ja", "Nej", "Registrera min enhet", "Får jag rabatt på tillbehör?", "Kan jag få hjälp när jag är utomlands?"], replies[1].SuggestedTitles());
    }

    [Theory]
    [InlineData("vad gör en iqos expert", "IQOS-expert", "personlig IQOS-expert", "Hjälpte det här?", new[] { "Ja", "Nej", "Hur registrerar jag min IQOS?", "Vad ingår i Care Plus?", "Hur når jag kundtjänst?" })]
    [InlineData("what does the iqos expert help with", "IQOS Expert", "personal IQOS Expert", "Did this help?", new[] { "Yes", "No", "How do I register my IQOS?", "What's included in Care Plus?", "How do I contact customer care?" })]
    public async Task The_IQOS_Expert_is_an_answer_with_registration_Care_Plus_and_customer_care_to_follow(string question, string title, string fact, string didThisHelp, string[] choices)
    {
        var harness = Bot();

        var replies = await harness.SendAsync(question);

        var card = replies[0].AdaptiveCard()!;
        Assert.Contains(title, card.CardStrings());
        Assert.Contains(card.CardStrings(), text => text.Contains(fact, StringComparison.Ordinal) && text.Contains("60", StringComparison.Ordinal));
        Assert.Equal(didThisHelp, replies[1].Text);
        Assert.Equal(choices, replies[1].SuggestedTitles());
    }

    [Fact]
    public async Task Yes_is_thanked_and_the_conversation_is_free_again()
    {
        var harness = Bot();
        await harness.SendAsync("vad ingår i care plus");

        var replies = await harness.SendAsync("Ja");

        Assert.Equal("Vad bra! Fråga gärna om det är något mer.", Assert.Single(replies).Text);
        Assert.Empty(await harness.SavedStackAsync());
    }

    [Fact]
    public async Task No_offers_a_person_and_yes_gives_the_contact_card()
    {
        var harness = Bot();
        await harness.SendAsync("vad ingår i care plus");

        var offer = Assert.Single(await harness.SendAsync("nej"));
        var person = await harness.SendAsync("ja tack");

        Assert.Equal("Tråkigt att höra. Vill du prata med en person på kundtjänst?", offer.Text);
        Assert.Equal(["Ja", "Nej"], offer.SuggestedTitles());
        Assert.Equal("020-25 10 10", person[0].AdaptiveCard()!.Fact("Telefon"));
    }

    [Fact]
    public async Task No_then_no_leaves_the_menu_on_screen()
    {
        var harness = Bot();
        await harness.SendAsync("what is the money back guarantee");
        await harness.SendAsync("no");

        var reply = Assert.Single(await harness.SendAsync("nope"));

        Assert.Equal("OK! You can always ask another question or pick something here:", reply.Text);
        Assert.Equal(4, reply.SuggestedTitles().Count);
    }

    [Fact]
    public async Task Clicking_a_follow_up_answers_that_question()
    {
        var harness = Bot();
        await harness.SendAsync("vad ingår i care plus");

        var replies = await harness.SendAsync("Får jag rabatt på tillbehör?");

        Assert.Contains(replies[0].AdaptiveCard()!.CardStrings(), text => text.Contains("10 % rabatt på tillbehör", StringComparison.Ordinal));
        Assert.Equal("Hjälpte det här?", replies[1].Text);
    }

    [Fact]
    public async Task A_new_question_instead_of_feedback_is_answered()
    {
        var harness = Bot();
        await harness.SendAsync("vad ingår i care plus");

        var replies = await harness.SendAsync("när har ni öppet");

        Assert.Contains("Måndag–fredag 08.00–19.00, lördag–söndag 10.00–18.00", replies[0].AdaptiveCard()!.CardStrings().Single(text => text.Contains("08.00", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_two_intents_are_too_close_the_bot_asks_which_one_was_meant()
    {
        var harness = Bot();

        var question = Assert.Single(await harness.SendAsync("garantin på min nya enhet"));
        var answer = await harness.SendAsync("Vad täcker garantin?");

        Assert.Equal("Jag är inte helt säker på vad du menar. Gäller det något av det här?", question.Text);
        Assert.Equal(["Vad täcker garantin?", "Kolla min garanti", "Något annat"], question.SuggestedTitles());
        Assert.Contains("Garanti", answer[0].AdaptiveCard()!.CardStrings());
        Assert.Equal("Hjälpte det här?", answer[1].Text);
    }

    [Fact]
    public async Task Something_else_at_the_disambiguation_gives_the_menu()
    {
        var harness = Bot();
        await harness.SendAsync("garantin på min nya enhet");

        var reply = Assert.Single(await harness.SendAsync("Något annat"));

        Assert.StartsWith("Förlåt, det förstod jag inte riktigt.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(4, reply.SuggestedTitles().Count);
    }

    [Fact]
    public async Task Without_cards_the_answer_is_plain_text_with_a_numbered_feedback_list()
    {
        var harness = Bot(channelId: "sms");

        var replies = await harness.SendAsync("när har ni öppet");

        Assert.StartsWith("Kontakta kundtjänst", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("020-25 10 10", replies[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Hjälpte det här?\n1. Ja\n2. Nej", replies[1].Text, StringComparison.Ordinal);
    }

    private DialogTestHarness Bot(string channelId = Channels.Emulator)
    {
        return new DialogTestHarness(
            TestDialogs.Factory(TestDialogs.Services(new FakeTimeProvider(TestTime.DefaultNow), _recognizer)),
            language: null,
            channelId);
    }
}
