using IqosBot.DialogEngine.Tests.Harness;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.DialogEngine.Tests.Prompts;

/// <summary>
/// The rendering hook: choice and yes/no prompts look and speak through the turn's <see cref="IPromptStyle"/>
/// (<see cref="PromptStyle.Use"/>), and through <see cref="PlainPromptStyle"/> when the turn has none.
/// </summary>
public sealed class PromptStyleTests
{
    private const string Question = "Which model do you have?";

    [Fact]
    public async Task Without_a_style_a_choice_prompt_shows_its_options_as_english_suggested_actions()
    {
        var harness = new DialogHarness(() => ModelJourney());

        var question = Assert.Single(await harness.SendAsync("hi"));

        Assert.Equal(Question, question.Text);
        Assert.Equal(InputHints.ExpectingInput, question.InputHint);
        Assert.Empty(question.Attachments ?? []);

        // A button shows the title (the value where there is none) and sends back what it shows.
        Assert.Equal(["ILUMA", "ILUMA ONE"], question.SuggestedTitles());
        Assert.Equal(["ILUMA", "ILUMA ONE"], question.SuggestedValues());
        Assert.All(question.SuggestedActions.Actions, action => Assert.Equal(ActionTypes.ImBack, action.Type));
        Assert.Equal(["picked iluma-one"], (await harness.SendAsync("ILUMA ONE")).Texts());
    }

    [Fact]
    public async Task Without_a_style_a_choice_prompt_asks_again_with_please_choose_one_of_the_options()
    {
        var harness = new DialogHarness(() => ModelJourney());
        await harness.SendAsync("hi");

        var retry = Assert.Single(await harness.SendAsync("no idea"));

        Assert.Equal("Please choose one of the options.", retry.Text);
        Assert.Equal(["ILUMA", "ILUMA ONE"], retry.SuggestedTitles());
        Assert.Equal(InputHints.ExpectingInput, retry.InputHint);
    }

    [Fact]
    public async Task Without_a_style_a_confirm_prompt_offers_yes_and_no_and_asks_again_with_please_answer_yes_or_no()
    {
        var harness = new DialogHarness(() => NewsJourney());

        var question = Assert.Single(await harness.SendAsync("hi"));
        Assert.Equal("News?", question.Text);
        Assert.Equal(["Yes", "No"], question.SuggestedTitles());
        Assert.Equal(["Yes", "No"], question.SuggestedValues());

        var retry = Assert.Single(await harness.SendAsync("maybe"));
        Assert.Equal("Please answer yes or no.", retry.Text);
        Assert.Equal(["Yes", "No"], retry.SuggestedTitles());

        // Pressing a button answers.
        Assert.Equal(["answer: True"], (await harness.SendAsync("Yes")).Texts());
    }

    [Fact]
    public async Task A_style_in_the_turn_renders_the_choice_question_with_the_options()
    {
        var style = new MarkedStyle();
        var harness = new DialogHarness(() => ModelJourney(), turn => PromptStyle.Use(turn, style));

        var question = Assert.Single(await harness.SendAsync("hi"));

        Assert.Equal($"[styled] {Question} (ILUMA|ILUMA ONE)", question.Text);
        Assert.Null(question.SuggestedActions);
        Assert.Equal(InputHints.ExpectingInput, question.InputHint);
        Assert.Equal(["Render"], style.Calls);
    }

    [Fact]
    public async Task A_style_in_the_turn_says_what_to_say_when_a_choice_was_not_understood()
    {
        var style = new MarkedStyle();
        var harness = new DialogHarness(() => ModelJourney(), turn => PromptStyle.Use(turn, style));
        await harness.SendAsync("hi");
        style.Calls.Clear();

        var retry = Assert.Single(await harness.SendAsync("no idea"));

        Assert.Equal("[styled] retry Choice (ILUMA|ILUMA ONE)", retry.Text);
        Assert.Equal(["RetryText", "Render"], style.Calls);
    }

    [Fact]
    public async Task A_retry_prompt_in_the_options_wins_over_the_styles_retry_text_and_is_still_rendered_by_the_style()
    {
        var style = new MarkedStyle();
        var harness = new DialogHarness(() => ModelJourney(retryPrompt: "Pick one from the list."), turn => PromptStyle.Use(turn, style));
        await harness.SendAsync("hi");
        style.Calls.Clear();

        var retry = Assert.Single(await harness.SendAsync("no idea"));

        Assert.Equal("[styled] Pick one from the list. (ILUMA|ILUMA ONE)", retry.Text);
        Assert.Equal(["Render"], style.Calls);
    }

    [Fact]
    public async Task A_style_in_the_turn_gives_the_confirm_prompts_buttons_and_its_retry_text()
    {
        var style = new MarkedStyle();
        var harness = new DialogHarness(() => NewsJourney(), turn => PromptStyle.Use(turn, style));

        Assert.Equal(["[styled] News? (Jawohl|Nein)"], (await harness.SendAsync("hi")).Texts());
        Assert.Equal(["[styled] retry Confirm (Jawohl|Nein)"], (await harness.SendAsync("maybe")).Texts());

        // The options are numbered whatever their titles: the first is yes.
        Assert.Equal(["answer: True"], (await harness.SendAsync("1")).Texts());
    }

    [Fact]
    public async Task The_style_is_read_every_turn_and_kept_nowhere()
    {
        var styled = false;
        var harness = new DialogHarness(() => ModelJourney(), turn =>
        {
            if (styled)
            {
                PromptStyle.Use(turn, new MarkedStyle());
            }
        });

        Assert.Equal([Question], (await harness.SendAsync("hi")).Texts());

        styled = true;
        Assert.Equal(["[styled] retry Choice (ILUMA|ILUMA ONE)"], (await harness.SendAsync("no idea")).Texts());

        styled = false;
        Assert.Equal(["Please choose one of the options."], (await harness.SendAsync("still no idea")).Texts());
    }

    [Fact]
    public async Task A_text_prompt_sends_its_question_as_written_without_asking_the_style()
    {
        var style = new MarkedStyle();
        var harness = new DialogHarness(
            () => new ComponentDialog("journey")
                .AddDialog(new WaterfallDialog("steps",
                [
                    (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Say.Text("Your name?") }, ct),
                    (step, ct) => step.EndDialogAsync(step.Result, ct),
                ]))
                .AddDialog(new TextPrompt("text")),
            turn => PromptStyle.Use(turn, style));

        Assert.Equal(["Your name?"], (await harness.SendAsync("hi")).Texts());
        Assert.Empty(style.Calls);
    }

    [Fact]
    public void PromptStyle_For_a_turn_without_a_style_is_the_plain_style()
    {
        var context = new TurnContext(new Microsoft.Bot.Builder.Adapters.TestAdapter(), new Activity(ActivityTypes.Message));

        Assert.Same(PlainPromptStyle.Instance, PromptStyle.For(context));

        var style = new MarkedStyle();
        PromptStyle.Use(context, style);
        Assert.Same(style, PromptStyle.For(context));
    }

    private static ComponentDialog ModelJourney(string? retryPrompt = null)
        => new ComponentDialog("journey")
            .AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("model", new PromptOptions
                {
                    Prompt = Say.Text(Question),
                    RetryPrompt = retryPrompt is null ? null : Say.Text(retryPrompt),
                    Choices = [new Choice("iluma", "ILUMA"), new Choice("iluma-one", "ILUMA ONE")],
                }, ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"picked {((FoundChoice)step.Result!).Value}", cancellationToken: ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]))
            .AddDialog(new ChoicePrompt("model"));

    private static ComponentDialog NewsJourney()
        => new ComponentDialog("journey")
            .AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("news", new PromptOptions { Prompt = Say.Text("News?") }, ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"answer: {step.Result}", cancellationToken: ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]))
            .AddDialog(new ConfirmPrompt("news"));

    /// <summary>Marks everything it renders, so a test can tell it was used; notes which member was asked.</summary>
    private sealed class MarkedStyle : IPromptStyle
    {
        public List<string> Calls { get; } = [];

        public Activity Render(ITurnContext turnContext, string text, IReadOnlyList<Choice> choices)
        {
            Calls.Add(nameof(Render));
            return (Activity)MessageFactory.Text($"[styled] {text} ({string.Join('|', choices.Select(choice => choice.Title ?? choice.Value))})");
        }

        public string RetryText(ITurnContext turnContext, PromptKind kind)
        {
            Calls.Add(nameof(RetryText));
            return $"retry {kind}";
        }

        public (string Yes, string No) ConfirmChoices(ITurnContext turnContext)
        {
            Calls.Add(nameof(ConfirmChoices));
            return ("Jawohl", "Nein");
        }
    }
}
