using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Handoff;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Tests.Harness;
using Microsoft.Bot.Connector;
using Newtonsoft.Json.Linq;
using static IqosBot.Dialogs.Tests.Handoff.HandoffBot;
using IqosBot.Dialogs.Common;

namespace IqosBot.Dialogs.Tests.Handoff;

/// <summary>
/// After an agent closed case <see cref="FakeHumanHandoff.CaseId"/>: a 1–5 rating, an optional comment, stored
/// with the case. Started as the bot starts it (the main dialog with the case to rate) and on its own.
/// </summary>
public sealed class RatingDialogTests
{
    private static readonly string[] Scores = ["1", "2", "3", "4", "5"];
    private static readonly string[] SwedishMenu = ["Registrera enhet", "Kolla min garanti", "Ställ en fråga", "Prata med en person"];

    [Fact]
    public async Task The_rating_question_offers_1_to_5()
    {
        var bot = AfterAgentClosed();

        var reply = Assert.Single(await bot.SayAsync("hej"));

        Assert.Equal("Hur nöjd är du med hjälpen du fick? Välj från 1 (inte alls nöjd) till 5 (mycket nöjd).", reply.Text);
        Assert.Equal(Scores, reply.SuggestedTitles());
    }

    [Fact]
    public async Task A_rating_then_asks_for_an_optional_comment_with_a_skip_button()
    {
        var bot = AfterAgentClosed();
        await bot.SayAsync("hej");

        var reply = Assert.Single(await bot.SayAsync("4"));

        Assert.Equal("Tack! Vill du lägga till en kommentar? Skriv den här, eller välj Hoppa över.", reply.Text);
        Assert.Equal(["Hoppa över"], reply.SuggestedTitles());
        Assert.Empty(bot.People.Ratings);
    }

    [Fact]
    public async Task A_rating_and_comment_are_stored_with_the_case_and_the_customer_is_thanked_once()
    {
        var bot = AfterAgentClosed();
        await bot.SayAsync("hej");
        await bot.SayAsync("4");

        var replies = await bot.SayAsync("Snabb och trevlig hjälp");

        Assert.Equal((FakeHumanHandoff.CaseId, 4, (string?)"Snabb och trevlig hjälp"), Assert.Single(bot.People.Ratings));
        Assert.Equal(["Tack för att du tog dig tid!", "Är det något mer jag kan hjälpa dig med?"], replies.Texts());
        Assert.Equal(SwedishMenu, replies[1].SuggestedTitles());
        Assert.Empty(await bot.Harness.SavedStackAsync());
    }

    [Fact]
    public async Task Skipping_the_comment_stores_the_rating_alone_and_thanks_the_customer_once()
    {
        var bot = AfterAgentClosed();
        await bot.SayAsync("hej");
        await bot.SayAsync("5");

        var replies = await bot.SayAsync("Hoppa över");

        Assert.Equal((FakeHumanHandoff.CaseId, 5, (string?)null), Assert.Single(bot.People.Ratings));
        Assert.Equal(["Tack för att du tog dig tid!", "Är det något mer jag kan hjälpa dig med?"], replies.Texts());
    }

    [Fact]
    public async Task The_rating_in_english()
    {
        var bot = AfterAgentClosed(CustomerLanguage.English);

        var rating = Assert.Single(await bot.SayAsync("hello"));
        var comment = Assert.Single(await bot.SayAsync("2"));
        var replies = await bot.SayAsync("Skip");

        Assert.Equal("How happy are you with the help you got? Choose from 1 (not at all) to 5 (very happy).", rating.Text);
        Assert.Equal(Scores, rating.SuggestedTitles());
        Assert.Equal("Thank you! Would you like to add a comment? Write it here, or choose Skip.", comment.Text);
        Assert.Equal(["Skip"], comment.SuggestedTitles());
        Assert.Equal(["Thanks for taking the time!", "Is there anything else I can help you with?"], replies.Texts());
        Assert.Equal((FakeHumanHandoff.CaseId, 2, (string?)null), Assert.Single(bot.People.Ratings));
    }

    [Theory]
    [InlineData("Bra hjälp, mitt personnummer är 19900101-1239")]
    [InlineData("kortet 4111 1111 1111 1111 är fel")]
    public async Task A_personnummer_or_card_number_in_the_comment_drops_the_comment_but_keeps_the_rating(string typed)
    {
        var bot = AfterAgentClosed();
        await bot.SayAsync("hej");
        await bot.SayAsync("3");

        var refused = await bot.SayAsync(typed);
        var replies = await bot.SayAsync("Hoppa över");

        Assert.Equal([Sv(TextKey.ListenSensitiveNumber), Sv(TextKey.RatingCommentPrompt)], refused.Texts());
        Assert.Equal((FakeHumanHandoff.CaseId, 3, (string?)null), Assert.Single(bot.People.Ratings));
        Assert.Equal("Tack för att du tog dig tid!", replies[0].Text);
        Assert.DoesNotContain("1239", bot.StoredJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("4111", bot.StoredJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typing_a_question_instead_of_a_rating_stores_nothing_and_answers_the_question()
    {
        var bot = AfterAgentClosed();
        await bot.SayAsync("hej");

        var replies = await bot.SayAsync(TroubleQuestion);

        Assert.Empty(bot.People.Ratings);
        Assert.Equal("Felsökning", replies[0].AdaptiveCard()!["body"]![0]!.Value<string>("text"));
        Assert.Equal("Hjälpte det här?", replies[1].Text);
    }

    [Fact]
    public async Task On_its_own_typing_something_else_ends_with_a_route_request_carrying_the_text()
    {
        var people = new FakeHumanHandoff();
        var harness = new DialogTestHarness(() => new Launcher(new RatingDialog(people), FakeHumanHandoff.CaseId), CustomerLanguage.Swedish);
        await harness.SendAsync("start");

        var replies = await harness.SendAsync("hur rengör jag min iqos");

        Assert.Empty(replies.Messages());
        Assert.Equal(new RouteRequest(null, "hur rengör jag min iqos"), harness.LastResult!.Result);
        Assert.Empty(people.Ratings);
    }

    [Fact]
    public async Task On_its_own_a_rating_and_comment_end_the_dialog_with_nothing_to_route()
    {
        var people = new FakeHumanHandoff();
        var harness = new DialogTestHarness(() => new Launcher(new RatingDialog(people), "case-7"), CustomerLanguage.Swedish, Channels.Emulator);
        await harness.SendAsync("start");
        await harness.SendAsync("1");

        var replies = (await harness.SendAsync("  Fick vänta länge  ")).Messages();

        Assert.Equal(("case-7", 1, (string?)"Fick vänta länge"), Assert.Single(people.Ratings));
        Assert.Equal(["Tack för att du tog dig tid!", "Är det något mer jag kan hjälpa dig med?"], replies.Texts());
        Assert.Null(harness.LastResult!.Result);
        Assert.Empty(await harness.SavedStackAsync());
    }
}
