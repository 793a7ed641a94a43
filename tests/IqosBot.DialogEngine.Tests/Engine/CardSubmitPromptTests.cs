using IqosBot.DialogEngine.Tests.Harness;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace IqosBot.DialogEngine.Tests.Engine;

public sealed class CardSubmitPromptTests
{
    private const string Retry = "Fyll i både namn och e-post i kortet och tryck på Skicka.";

    [Fact]
    public async Task The_question_carries_the_card()
    {
        var harness = FormJourney();

        var question = Assert.Single(await harness.SendAsync("hej"));

        Assert.Equal("Fyll i kortet:", question.Text);
        Assert.Equal("Namn", question.AdaptiveCard()!["body"]![0]!.Value<string>("label"));
    }

    [Fact]
    public async Task A_submit_with_every_required_field_is_the_answer()
    {
        var harness = FormJourney();
        await harness.SendAsync("hej");

        var replies = await harness.SubmitAsync(new JObject { ["name"] = "Anna", ["email"] = "anna@example.com", ["newsletter"] = "false" });

        Assert.Equal(["Tack Anna, vi skriver till anna@example.com."], replies.Texts());
        var answer = Assert.IsType<JObject>(harness.LastResult!.Result);
        Assert.Equal("false", answer.Value<string>("newsletter"));
    }

    [Fact]
    public async Task A_submit_with_a_blank_required_field_is_asked_again()
    {
        var harness = FormJourney();
        await harness.SendAsync("hej");

        Assert.Equal([Retry], (await harness.SubmitAsync(new JObject { ["name"] = "Anna", ["email"] = "  " })).Texts());
        Assert.Equal([Retry], (await harness.SubmitAsync(new JObject { ["name"] = "Anna" })).Texts());
        Assert.Equal(["Tack Anna, vi skriver till anna@example.com."],
            (await harness.SubmitAsync(new JObject { ["name"] = "Anna", ["email"] = "anna@example.com" })).Texts());
    }

    [Fact]
    public async Task Text_typed_instead_of_submitting_the_card_is_asked_again()
    {
        var harness = FormJourney();
        await harness.SendAsync("hej");

        var replies = await harness.SendAsync("Anna, anna@example.com");

        var retry = Assert.Single(replies);
        Assert.Equal(Retry, retry.Text);
        Assert.NotNull(retry.AdaptiveCard());
        Assert.Equal(DialogTurnStatus.Waiting, harness.LastResult!.Status);
    }

    [Fact]
    public async Task A_submit_that_arrives_as_a_json_string_is_understood()
    {
        var harness = FormJourney();
        await harness.SendAsync("hej");

        var replies = await harness.SubmitAsync("""{ "name": "Anna", "email": "anna@example.com" }""");

        Assert.Equal(["Tack Anna, vi skriver till anna@example.com."], replies.Texts());
    }

    [Theory]
    [InlineData("Bekräfta", "confirm")]
    [InlineData("2", "change")]
    public async Task Typing_one_of_the_cards_buttons_offered_as_choices_counts_as_pressing_it(string typed, string action)
    {
        var harness = new DialogHarness(() => new ComponentDialog("journey")
            .AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("card", new PromptOptions
                {
                    Prompt = WithCard("Stämmer uppgifterna?"),
                    Choices = [new Choice("confirm", "Bekräfta"), new Choice("change", "Ändra")],
                    Validations = new List<string> { CardSubmitPrompt.ActionField },
                }, ct),
                (step, ct) => step.EndDialogAsync(step.Result, ct),
            ]))
            .AddDialog(new CardSubmitPrompt("card")));
        await harness.SendAsync("hej");

        await harness.SendAsync(typed);

        var answer = Assert.IsType<JObject>(harness.LastResult!.Result);
        Assert.Equal(action, answer.Value<string>(CardSubmitPrompt.ActionField));
    }

    private static DialogHarness FormJourney()
        => new(() => new ComponentDialog("journey")
            .AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("form", new PromptOptions
                {
                    Prompt = WithCard("Fyll i kortet:"),
                    RetryPrompt = WithCard(Retry),
                    Validations = new List<string> { "name", "email" },
                }, ct),
                async (step, ct) =>
                {
                    var form = (JObject)step.Result!;
                    await step.Context.SendActivityAsync($"Tack {form["name"]}, vi skriver till {form["email"]}.", cancellationToken: ct);
                    return await step.EndDialogAsync(form, ct);
                },
            ]))
            .AddDialog(new CardSubmitPrompt("form")));

    private static Activity WithCard(string text)
    {
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JArray(
                new JObject { ["type"] = "Input.Text", ["id"] = "name", ["label"] = "Namn" },
                new JObject { ["type"] = "Input.Text", ["id"] = "email", ["label"] = "E-post" }),
            ["actions"] = new JArray(new JObject { ["type"] = "Action.Submit", ["title"] = "Skicka" }),
        };
        var activity = (Activity)MessageFactory.Attachment(new Attachment { ContentType = Replies.AdaptiveCardContentType, Content = card });
        activity.Text = text;
        return activity;
    }
}
