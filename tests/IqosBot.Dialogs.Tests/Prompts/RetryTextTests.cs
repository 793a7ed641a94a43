using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Tests.Harness;
using Microsoft.Bot.Connector;

namespace IqosBot.Dialogs.Tests.Prompts;

/// <summary>
/// What the bot's prompt style (ChannelPromptStyle) says when a choice or yes/no answer was not understood and
/// the dialog gave no retry prompt: in the customer's language, with the options again as the channel shows them.
/// (That the engine asks the turn's style at all is tested in IqosBot.DialogEngine.Tests.)
/// </summary>
public sealed class RetryTextTests
{
    [Fact]
    public async Task A_choice_prompt_without_a_retry_prompt_asks_the_customer_to_pick_an_option()
    {
        var harness = new DialogTestHarness(() => new ComponentDialog("journey")
            .AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("choice", new PromptOptions
                {
                    Prompt = Say.Text("Vilken modell har du?"),
                    Choices = [new Choice("ILUMA"), new Choice("ILUMA ONE")],
                }, ct),
                (step, ct) => step.EndDialogAsync(((FoundChoice)step.Result!).Value, ct),
            ]))
            .AddDialog(new ChoicePrompt("choice")), channelId: "sms");

        await harness.SendAsync("hej");
        var retry = Assert.Single(await harness.SendAsync("vet inte"));

        Assert.Equal("Välj ett av alternativen, eller skriv siffran för det du vill.\n1. ILUMA\n2. ILUMA ONE", retry.Text);
    }

    [Fact]
    public async Task A_confirm_prompt_that_gets_neither_yes_nor_no_asks_for_yes_or_no_in_the_customers_language()
    {
        var swedish = ConfirmJourney(CustomerLanguage.Swedish);
        await swedish.SendAsync("hej");
        var svRetry = Assert.Single(await swedish.SendAsync("kanske"));

        var english = ConfirmJourney(CustomerLanguage.English);
        await english.SendAsync("hello");
        var enRetry = Assert.Single(await english.SendAsync("maybe"));

        Assert.Equal("Svara gärna ja eller nej.", svRetry.Text);
        Assert.Equal(["Ja", "Nej"], svRetry.SuggestedTitles());
        Assert.Equal("Please answer yes or no.", enRetry.Text);
        Assert.Equal(["Yes", "No"], enRetry.SuggestedTitles());
    }

    private static DialogTestHarness ConfirmJourney(string language)
        => new(
            () => new ComponentDialog("journey")
                .AddDialog(new WaterfallDialog("steps",
                [
                    (step, ct) => step.PromptAsync("confirm", new PromptOptions { Prompt = Say.Text("Vill du ha nyheter? / Do you want news?") }, ct),
                    (step, ct) => step.EndDialogAsync(step.Result, ct),
                ]))
                .AddDialog(new ConfirmPrompt("confirm")),
            language,
            channelId: Channels.Emulator);
}
