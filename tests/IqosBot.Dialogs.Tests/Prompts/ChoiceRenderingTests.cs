using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Tests.Harness;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Tests.Prompts;

/// <summary>How a choice or yes/no question looks on each channel, sent through the prompts themselves.</summary>
public sealed class ChoiceRenderingTests
{
    private const string Question = "Vilken modell har du?";

    private static readonly string[] Models = ["ILUMA", "ILUMA ONE", "ILUMA PRIME", "IQOS 3 DUO"];

    [Theory]
    [InlineData(Channels.Emulator)]
    [InlineData(Channels.Directline)]
    [InlineData(Channels.Webchat)]
    public async Task Web_channels_show_suggested_actions(string channelId)
    {
        var question = await AskModel(channelId, conversationType: null, choices: 4);

        Assert.Equal(Question, question.Text);
        Assert.Equal(Models, question.SuggestedTitles());
        Assert.Empty(question.Attachments ?? []);
    }

    [Fact]
    public async Task Teams_personal_chat_shows_up_to_three_suggested_actions()
    {
        var question = await AskModel(Channels.Msteams, "personal", choices: 3);

        Assert.Equal(Question, question.Text);
        Assert.Equal(Models[..3], question.SuggestedTitles());
        Assert.Empty(question.Attachments ?? []);
    }

    [Fact]
    public async Task Teams_personal_chat_with_four_options_shows_a_hero_card()
    {
        var question = await AskModel(Channels.Msteams, "personal", choices: 4);

        Assert.Null(question.SuggestedActions);
        var card = question.HeroCard()!;
        Assert.Equal(Question, card.Text);
        Assert.Equal(Models, card.Buttons.Select(button => button.Title));
        Assert.All(card.Buttons, button => Assert.Equal(ActionTypes.ImBack, button.Type));
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public async Task Teams_channels_and_group_chats_show_a_hero_card_even_for_two_options(string conversationType)
    {
        var question = await AskModel(Channels.Msteams, conversationType, choices: 2);

        Assert.Null(question.SuggestedActions);
        Assert.Equal(Models[..2], question.HeroCard()!.Buttons.Select(button => button.Title));
    }

    [Fact]
    public async Task A_channel_without_buttons_gets_a_numbered_list_and_the_number_picks_the_option()
    {
        var harness = ModelJourney("sms", conversationType: null, choices: 3);

        var question = Assert.Single(await harness.SendAsync("hej"));
        Assert.Equal("Vilken modell har du?\n1. ILUMA\n2. ILUMA ONE\n3. ILUMA PRIME", question.Text);
        Assert.Null(question.SuggestedActions);
        Assert.Empty(question.Attachments ?? []);

        Assert.Equal(["Du har ILUMA ONE."], (await harness.SendAsync("2")).Texts());
    }

    [Fact]
    public async Task Pressing_a_button_sends_back_the_title_the_customer_saw_and_picks_that_option()
    {
        var harness = ModelJourney(Channels.Emulator, conversationType: null, choices: 3, valuesDifferFromTitles: true);
        var question = Assert.Single(await harness.SendAsync("hej"));

        // imBack posts the button's value into the chat as the customer's own message.
        Assert.Equal(question.SuggestedTitles(), question.SuggestedValues());
        Assert.Equal(["Du har iluma-one."], (await harness.SendAsync(question.SuggestedValues()[1])).Texts());
    }

    [Theory]
    [InlineData(CustomerLanguage.Swedish, "Ja", "Nej")]
    [InlineData(CustomerLanguage.English, "Yes", "No")]
    public async Task A_confirm_prompt_offers_yes_and_no_in_the_customers_language(string language, string yes, string no)
    {
        var harness = NewsJourney(Channels.Emulator, language);

        var question = Assert.Single(await harness.SendAsync("hej"));

        Assert.Equal("Nyheter? / News?", question.Text);
        Assert.Equal([yes, no], question.SuggestedTitles());
        Assert.Equal([yes, no], question.SuggestedValues());
        Assert.Equal(["Svar: True"], (await harness.SendAsync(yes)).Texts());
    }

    [Fact]
    public async Task A_confirm_prompt_in_teams_channel_is_a_hero_card_with_ja_and_nej()
    {
        var harness = NewsJourney(Channels.Msteams, CustomerLanguage.Swedish, "channel");

        var question = Assert.Single(await harness.SendAsync("hej"));

        Assert.Equal(["Ja", "Nej"], question.HeroCard()!.Buttons.Select(button => button.Title));
    }

    [Fact]
    public async Task A_confirm_prompt_without_buttons_is_a_numbered_list_answered_by_number()
    {
        var harness = NewsJourney("sms", CustomerLanguage.Swedish);

        Assert.Equal(["Nyheter? / News?\n1. Ja\n2. Nej"], (await harness.SendAsync("hej")).Texts());
        Assert.Equal(["Svar: False"], (await harness.SendAsync("2")).Texts());
    }

    private static async Task<Activity> AskModel(string channelId, string? conversationType, int choices)
        => Assert.Single(await ModelJourney(channelId, conversationType, choices).SendAsync("hej"));

    private static DialogTestHarness ModelJourney(string channelId, string? conversationType, int choices, bool valuesDifferFromTitles = false)
        => new(
            () => new ComponentDialog("journey")
                .AddDialog(new WaterfallDialog("steps",
                [
                    (step, ct) => step.PromptAsync("model", new PromptOptions
                    {
                        Prompt = Say.Text(Question),
                        Choices = Models.Take(choices)
                            .Select(model => valuesDifferFromTitles ? new Choice(model.ToLowerInvariant().Replace(' ', '-'), model) : new Choice(model))
                            .ToList(),
                    }, ct),
                    async (step, ct) =>
                    {
                        await step.Context.SendActivityAsync($"Du har {((FoundChoice)step.Result!).Value}.", cancellationToken: ct);
                        return await step.EndDialogAsync(null, ct);
                    },
                ]))
                .AddDialog(new ChoicePrompt("model")),
            CustomerLanguage.Swedish,
            channelId,
            conversationType);

    private static DialogTestHarness NewsJourney(string channelId, string language, string? conversationType = null)
        => new(
            () => new ComponentDialog("journey")
                .AddDialog(new WaterfallDialog("steps",
                [
                    (step, ct) => step.PromptAsync("news", new PromptOptions { Prompt = Say.Text("Nyheter? / News?") }, ct),
                    async (step, ct) =>
                    {
                        await step.Context.SendActivityAsync($"Svar: {step.Result}", cancellationToken: ct);
                        return await step.EndDialogAsync(null, ct);
                    },
                ]))
                .AddDialog(new ConfirmPrompt("news")),
            language,
            channelId,
            conversationType);
}
