using IqosBot.Dialogs.Tests.Harness;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;

namespace IqosBot.Dialogs.Tests.Main;

/// <summary>The top-level menu, with the language chosen per message as the bot does.</summary>
public sealed class MainDialogTests
{
    private static readonly string[] SwedishMenu = ["Registrera enhet", "Kolla min garanti", "Ställ en fråga", "Prata med en person"];
    private static readonly string[] EnglishMenu = ["Register a device", "Check my warranty", "Ask a question", "Talk to a person"];

    private const string SwedishHours = "Måndag–fredag 08.00–19.00, lördag–söndag 10.00–18.00";
    private const string EnglishHours = "Monday–Friday 08.00–19.00, Saturday–Sunday 10.00–18.00";

    private readonly ScriptedRecognizer _recognizer = new(new Dictionary<string, string>
    {
        ["hej"] = Intents.Greeting,
        ["hello"] = Intents.Greeting,
        ["min iqos laddar inte"] = Intents.Troubleshooting,
    });

    [Fact]
    public async Task Hej_is_greeted_in_swedish_with_the_menu_as_four_suggested_actions()
    {
        var harness = Bot();

        var reply = Assert.Single(await harness.SendAsync("hej"));

        Assert.Equal("Hej! Vad kan jag hjälpa dig med?", reply.Text);
        Assert.Equal(SwedishMenu, reply.SuggestedTitles());
    }

    [Fact]
    public async Task Hello_is_greeted_in_english_with_the_english_menu()
    {
        var harness = Bot();

        var reply = Assert.Single(await harness.SendAsync("hello"));

        Assert.Equal("Hi! What can I help you with?", reply.Text);
        Assert.Equal(EnglishMenu, reply.SuggestedTitles());
    }

    [Fact]
    public async Task Registrera_min_enhet_gets_the_registration_answer_at_once()
    {
        var harness = Bot();

        var replies = await harness.SendAsync("registrera min enhet");

        Assert.Equal(2, replies.Count);
        Assert.StartsWith("Du registrerar din IQOS i ditt konto på iqos.com", replies[0].Text, StringComparison.Ordinal);
        Assert.Equal("Är det något mer jag kan hjälpa dig med?", replies[1].Text);
        Assert.Equal(SwedishMenu, replies[1].SuggestedTitles());
    }

    [Fact]
    public async Task I_want_to_register_my_device_gets_the_english_registration_answer_at_once()
    {
        var harness = Bot();

        var replies = await harness.SendAsync("I want to register my device");

        Assert.Equal(2, replies.Count);
        Assert.StartsWith("You register your IQOS in your account on iqos.com", replies[0].Text, StringComparison.Ordinal);
        Assert.Equal("Is there anything else I can help you with?", replies[1].Text);
        Assert.Equal(EnglishMenu, replies[1].SuggestedTitles());
    }

    [Fact]
    public async Task Nonsense_gets_the_fallback_with_the_menu()
    {
        var harness = Bot();

        var reply = Assert.Single(await harness.SendAsync("blorf zzz"));

        Assert.Equal("Förlåt, det förstod jag inte riktigt. Välj något av alternativen, eller skriv det på ett annat sätt.", reply.Text);
        Assert.Equal(SwedishMenu, reply.SuggestedTitles());
    }

    [Fact]
    public async Task Without_a_sign_in_the_message_the_channel_locale_picks_the_language()
    {
        var harness = Bot();

        var reply = Assert.Single(await harness.SendAsync("ok", locale: "en-US"));

        Assert.Equal("Sorry, I didn't quite get that. Pick one of the options, or try putting it another way.", reply.Text);
        Assert.Equal(EnglishMenu, reply.SuggestedTitles());
    }

    [Fact]
    public async Task Picking_2_from_the_menu_gives_the_warranty_answer()
    {
        var harness = Bot();
        await harness.SendAsync("hej");

        var replies = await harness.SendAsync("2");

        Assert.Equal(2, replies.Count);
        Assert.Equal("Jag kan inte se uppgifter om just din enhet här i chatten. Kundtjänst kan kolla garantin åt dig:", replies[0].Text);
        Assert.Equal(TestSupport.Phone, replies[0].AdaptiveCard()!.Fact("Telefon"));
        Assert.Equal(SwedishMenu, replies[1].SuggestedTitles());
    }

    [Fact]
    public async Task Pressing_a_menu_button_in_swedish_answers_in_swedish()
    {
        var harness = Bot();
        var menu = Assert.Single(await harness.SendAsync("hej"));

        // The button posts its value as the customer's message: it must be what the customer saw.
        Assert.Equal(SwedishMenu, menu.SuggestedValues());
        var replies = await harness.SendAsync(menu.SuggestedValues()[0]);

        Assert.StartsWith("Du registrerar din IQOS", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prata_med_en_person_gives_the_contact_card_with_phone_and_swedish_opening_hours()
    {
        var harness = Bot();

        var replies = await harness.SendAsync("prata med en person");

        Assert.Equal(2, replies.Count);
        Assert.Equal("Här i chatten kan jag inte koppla dig vidare till en person, men kundtjänst hjälper dig gärna:", replies[0].Text);
        var card = replies[0].AdaptiveCard()!;
        Assert.Equal("020-25 10 10", card.Fact("Telefon"));
        Assert.Equal(SwedishHours, card.Fact("Telefontider"));
        Assert.Equal("Är det något mer jag kan hjälpa dig med?", replies[1].Text);
    }

    [Fact]
    public async Task Talk_to_a_person_gives_the_contact_card_with_english_opening_hours()
    {
        var harness = Bot();

        var replies = await harness.SendAsync("can I talk to a person");

        Assert.Equal("I can't pass you on to a person in this chat, but customer care is happy to help:", replies[0].Text);
        var card = replies[0].AdaptiveCard()!;
        Assert.Equal("020-25 10 10", card.Fact("Phone"));
        Assert.Equal(EnglishHours, card.Fact("Phone hours"));
    }

    [Fact]
    public async Task On_a_channel_without_cards_the_contact_details_are_written_out()
    {
        var harness = Bot(channelId: "sms");

        var replies = await harness.SendAsync("prata med en person");

        Assert.Equal(
            $"Här i chatten kan jag inte koppla dig vidare till en person, men kundtjänst hjälper dig gärna: Ring 020-25 10 10 ({SwedishHours}) eller mejla contact.se@iqos.com.",
            replies[0].Text);
        Assert.Equal("Är det något mer jag kan hjälpa dig med?\n1. Registrera enhet\n2. Kolla min garanti\n3. Ställ en fråga\n4. Prata med en person", replies[1].Text);
    }

    [Fact]
    public async Task Hjalp_explains_what_the_bot_can_do_and_shows_the_menu()
    {
        var harness = Bot();

        var reply = Assert.Single(await harness.SendAsync("hjälp"));

        Assert.StartsWith("Jag kan hjälpa dig att registrera din enhet", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("Vad kan jag hjälpa dig med?", reply.Text, StringComparison.Ordinal);
        Assert.Equal(SwedishMenu, reply.SuggestedTitles());
    }

    [Fact]
    public async Task Typing_a_request_instead_of_picking_from_the_menu_routes_that_request()
    {
        var harness = Bot();
        await harness.SendAsync("hej");

        var replies = await harness.SendAsync("prata med en person");

        Assert.Equal(TestSupport.Phone, replies[0].AdaptiveCard()!.Fact("Telefon"));
        Assert.Empty(await harness.SavedStackAsync());
    }

    [Fact]
    public async Task Text_typed_at_the_greeting_menu_that_is_no_option_is_understood_from_the_top()
    {
        var harness = Bot();
        await harness.SendAsync("hej");

        var nonsense = Assert.Single(await harness.SendAsync("blorf zzz"));
        Assert.StartsWith("Förlåt, det förstod jag inte riktigt.", nonsense.Text, StringComparison.Ordinal);

        var replies = await harness.SendAsync("min iqos laddar inte");
        Assert.Equal("Felsökning", replies[0].AdaptiveCard()!["body"]![0]!.Value<string>("text"));
        Assert.Equal("Hjälpte det här?", replies[1].Text);
    }

    [Fact]
    public async Task When_an_faq_answer_helped_the_conversation_ends_without_answering_the_same_message_again()
    {
        var harness = Bot();
        await harness.SendAsync("hej");
        await harness.SendAsync("min iqos laddar inte");

        var replies = await harness.SendAsync("ja");

        Assert.Equal(["Vad bra! Fråga gärna om det är något mer."], replies.Texts());
        Assert.Empty(await harness.SavedStackAsync());
    }

    [Fact]
    public async Task A_conversation_in_teams_channel_shows_the_menu_as_a_hero_card()
    {
        var harness = Bot(Channels.Msteams, "channel");

        var reply = Assert.Single(await harness.SendAsync("hej"));

        Assert.Equal(SwedishMenu, reply.HeroCard()!.Buttons.Select(button => button.Title));
    }

    private DialogTestHarness Bot(string channelId = Channels.Emulator, string? conversationType = null)
    {
        return new DialogTestHarness(
            TestDialogs.Factory(TestDialogs.Services(new FakeTimeProvider(TestTime.DefaultNow), _recognizer)),
            language: null,
            channelId,
            conversationType);
    }
}
