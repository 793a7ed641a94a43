using System.Net;

namespace IqosBot.Bot.Tests.Hosting;

/// <summary>A customer in the Emulator says hello in Swedish or English and gets the menu in that language.</summary>
public sealed class WelcomeAndMenuTests : IDisposable
{
    private static readonly string[] SwedishMenu = ["Registrera enhet", "Kolla min garanti", "Ställ en fråga", "Prata med en person"];
    private static readonly string[] EnglishMenu = ["Register a device", "Check my warranty", "Ask a question", "Talk to a person"];

    private readonly TempDatabase _database = new();
    private readonly BotHost _host;

    public WelcomeAndMenuTests()
    {
        _host = new BotHost(_database.Path);
    }

    [Fact]
    public async Task Joining_with_a_Swedish_locale_gets_the_welcome_and_menu_in_Swedish()
    {
        var client = new EmulatorClient(_host.CreateClient(), locale: "sv-SE");

        var reply = await client.JoinAsync();

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(2, reply.Activities.Count);
        Assert.StartsWith("Hej och välkommen till IQOS kundtjänst!", reply.Texts[0]);
        Assert.Equal("Vad kan jag hjälpa dig med?", reply.Texts[1]);
        Assert.Equal(SwedishMenu, reply.SuggestedActions);
    }

    [Fact]
    public async Task Joining_with_an_English_locale_gets_the_welcome_and_menu_in_English()
    {
        var client = new EmulatorClient(_host.CreateClient(), locale: "en-US");

        var reply = await client.JoinAsync();

        Assert.StartsWith("Hi and welcome to IQOS customer care!", reply.Texts[0]);
        Assert.Equal(EnglishMenu, reply.SuggestedActions);
    }

    [Fact]
    public async Task The_welcome_is_sent_once_even_when_Web_Chat_also_sends_its_join_event()
    {
        var client = new EmulatorClient(_host.CreateClient());

        var first = await client.JoinAsync();
        var second = await client.SendEventAsync("webchat/join", new Newtonsoft.Json.Linq.JObject { ["language"] = "sv-SE" });

        Assert.Equal(2, first.Activities.Count);
        Assert.Empty(second.Activities);
    }

    [Fact]
    public async Task Web_Chat_join_event_alone_welcomes_in_the_browser_language()
    {
        var client = new EmulatorClient(_host.CreateClient(), locale: "sv-SE");

        var reply = await client.SendEventAsync("webchat/join", new Newtonsoft.Json.Linq.JObject { ["language"] = "en-GB" });

        Assert.StartsWith("Hi and welcome", reply.Texts[0]);
        Assert.Equal(EnglishMenu, reply.SuggestedActions);
    }

    [Theory]
    [InlineData("hej", "Hej! Vad kan jag hjälpa dig med?")]
    [InlineData("Hejsan", "Hej! Vad kan jag hjälpa dig med?")]
    [InlineData("hello", "Hi! What can I help you with?")]
    [InlineData("hi", "Hi! What can I help you with?")]
    public async Task A_greeting_is_answered_in_the_language_it_was_written_in(string greeting, string expected)
    {
        // The Emulator's locale says English; what the customer writes decides.
        var client = new EmulatorClient(_host.CreateClient(), locale: "en-US");

        var reply = await client.SendTextAsync(greeting);

        Assert.Equal(expected, Assert.Single(reply.Texts));
        Assert.Equal(expected.StartsWith("Hej", StringComparison.Ordinal) ? SwedishMenu : EnglishMenu, reply.SuggestedActions);
    }

    [Theory]
    [InlineData("hjälp", "Jag kan hjälpa dig att registrera din enhet")]
    [InlineData("help", "I can help you register your device")]
    public async Task Help_explains_what_the_bot_can_do_and_shows_the_menu(string text, string expectedStart)
    {
        var client = new EmulatorClient(_host.CreateClient());

        var reply = await client.SendTextAsync(text);

        Assert.StartsWith(expectedStart, Assert.Single(reply.Texts));
        Assert.Equal(4, reply.SuggestedActions.Count);
    }

    [Fact]
    public async Task The_customer_switches_language_by_writing_in_the_other_one()
    {
        var client = new EmulatorClient(_host.CreateClient(), locale: "sv-SE");

        var swedish = await client.SendTextAsync("hej");
        var english = await client.SendTextAsync("hello, do you speak English?");
        var neutral = await client.SendTextAsync("1");

        Assert.Equal(SwedishMenu, swedish.SuggestedActions);
        Assert.Equal(EnglishMenu, english.SuggestedActions);
        Assert.Equal("Let's register your device. It only takes a minute or two.", neutral.Texts[0]);
    }

    [Fact]
    public async Task Asking_for_a_person_while_customer_care_is_open_starts_the_handoff_with_a_description_prompt()
    {
        // Wednesday 10.00 in Stockholm: open, so the bot offers to queue the customer for a person.
        using var host = new BotHost(_database.Path, services: Handoff.ShiftedClock.At(Handoff.ShiftedClock.Open));
        var client = new EmulatorClient(host.CreateClient());

        var reply = await client.SendTextAsync("jag vill prata med en människa");

        var prompt = Assert.Single(reply.Texts);
        Assert.Equal("Jag kopplar dig till en kollega på kundtjänst. Vill du skriva en rad om vad det gäller? Då kan kollegan förbereda sig. Du kan också hoppa över det.", prompt);
        Assert.Equal(["Hoppa över"], reply.SuggestedActions);
        Assert.Empty(reply.AdaptiveCards);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
