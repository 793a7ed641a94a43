using IqosBot.DialogEngine.Tests.Harness;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Prompts;
using Microsoft.Bot.Schema;

namespace IqosBot.DialogEngine.Tests.Engine;

public sealed class PromptTests
{
    private const string Question = "Vilket serienummer har din enhet?";
    private const string Retry = "Serienumret har bara siffror. Försök igen.";
    private const string Offer = "Kundtjänst hjälper dig gärna: 020-25 10 10.";

    [Fact]
    public async Task An_answer_the_validator_rejects_gets_the_retry_prompt_and_a_valid_one_moves_on()
    {
        var harness = SerialJourney(OnlyDigits);

        Assert.Equal([Question], (await harness.SendAsync("hej")).Texts());
        Assert.Equal([Retry], (await harness.SendAsync("abc")).Texts());
        Assert.Equal(["Tack, 123456 är sparat."], (await harness.SendAsync("123456")).Texts());
    }

    [Fact]
    public async Task A_validator_that_explains_the_problem_itself_is_not_followed_by_the_retry_prompt()
    {
        var harness = SerialJourney(async (prompt, ct) =>
        {
            if (prompt.Recognized.Value!.Length == 6)
            {
                return true;
            }

            await prompt.Context.SendActivityAsync($"Serienumret har 6 tecken, du skrev {prompt.Recognized.Value.Length}.", cancellationToken: ct);
            return false;
        });

        await harness.SendAsync("hej");
        var replies = await harness.SendAsync("12");

        Assert.Equal(["Serienumret har 6 tecken, du skrev 2."], replies.Texts());
    }

    [Fact]
    public async Task Without_a_retry_prompt_the_question_is_asked_again()
    {
        var harness = new DialogHarness(() => WaterfallTests.Journey(
            step => step.PromptAsync("text", new PromptOptions { Prompt = Say.Text(Question) }),
            async step =>
            {
                await step.Context.SendActivityAsync($"Tack, {step.Result} är sparat.");
                return await step.EndDialogAsync();
            }));

        await harness.SendAsync("hej");

        // Blank text is no answer to a text prompt.
        Assert.Equal([Question], (await harness.SendAsync("   ")).Texts());
        Assert.Equal(["Tack, 42 är sparat."], (await harness.SendAsync(" 42 ")).Texts());
    }

    [Fact]
    public async Task The_validator_sees_the_attempt_count_go_up_across_turns()
    {
        var seen = new List<int>();
        var harness = SerialJourney((prompt, ct) =>
        {
            seen.Add(prompt.AttemptCount);
            return OnlyDigits(prompt, ct);
        });

        await harness.SendAsync("hej");
        await harness.SendAsync("a");
        await harness.SendAsync("b");
        await harness.SendAsync("3");

        Assert.Equal([1, 2, 3], seen);
    }

    [Fact]
    public async Task Activities_that_are_not_messages_do_not_use_up_an_attempt()
    {
        var seen = new List<int>();
        var harness = SerialJourney((prompt, ct) =>
        {
            seen.Add(prompt.AttemptCount);
            return OnlyDigits(prompt, ct);
        });

        await harness.SendAsync("hej");
        var typing = await harness.SendAsync(new Activity { Type = ActivityTypes.Typing });
        await harness.SendAsync("7");

        Assert.Empty(typing);
        Assert.Equal([1], seen);
    }

    [Fact]
    public async Task After_max_attempts_the_prompt_gives_up_and_the_step_offers_a_person()
    {
        var harness = SerialJourney(OnlyDigits, maxAttempts: 3);
        await harness.SendAsync("hej");

        Assert.Equal([Retry], (await harness.SendAsync("a")).Texts());
        Assert.Equal([Retry], (await harness.SendAsync("b")).Texts());
        var third = await harness.SendAsync("c");

        Assert.Equal([Offer], third.Texts());
        Assert.Equal(DialogTurnStatus.Complete, harness.LastResult!.Status);
        Assert.Equal(new PromptAttemptsExhausted(3), harness.LastResult.Result);
    }

    [Fact]
    public async Task A_choice_prompt_without_a_retry_prompt_asks_the_customer_to_pick_an_option()
    {
        var harness = new DialogHarness(() => new ComponentDialog("journey")
            .AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("choice", new PromptOptions
                {
                    Prompt = Say.Text("Vilken modell har du?"),
                    Choices = [new Choice("ILUMA"), new Choice("ILUMA ONE")],
                }, ct),
                (step, ct) => step.EndDialogAsync(((FoundChoice)step.Result!).Value, ct),
            ]))
            .AddDialog(new ChoicePrompt("choice")));

        await harness.SendAsync("hej");
        var retry = Assert.Single(await harness.SendAsync("vet inte"));

        // Not the question word for word: the turn's style (here the plain default) says what is wanted, with the options again.
        Assert.Equal("Please choose one of the options.", retry.Text);
        Assert.Equal(["ILUMA", "ILUMA ONE"], retry.SuggestedTitles());
        Assert.Equal(DialogTurnStatus.Waiting, harness.LastResult!.Status);
    }

    [Theory]
    [InlineData("ja gärna", true)]
    [InlineData("Nej tack", false)]
    [InlineData("1", true)]
    [InlineData("2", false)]
    public async Task A_confirm_prompt_returns_the_customers_yes_or_no(string answer, bool expected)
    {
        var harness = ConfirmJourney();
        await harness.SendAsync("hej");
        await harness.SendAsync(answer);

        Assert.Equal(expected, harness.LastResult!.Result);
    }

    [Fact]
    public async Task A_confirm_prompt_that_gets_neither_yes_nor_no_asks_for_yes_or_no()
    {
        var harness = ConfirmJourney();
        await harness.SendAsync("hej");

        var retry = Assert.Single(await harness.SendAsync("kanske"));

        Assert.Equal("Please answer yes or no.", retry.Text);
        Assert.Equal(["Yes", "No"], retry.SuggestedTitles());
        Assert.Equal(DialogTurnStatus.Waiting, harness.LastResult!.Status);
    }

    [Theory]
    [InlineData(true, "garanti", "warranty")]
    [InlineData(false, "garanti", null)]
    [InlineData(false, "Kolla min garanti", "warranty")]
    [InlineData(false, "2", "warranty")]
    public async Task Without_partial_matches_only_a_whole_title_synonym_or_number_picks_an_option(bool allowPartialMatches, string answer, string? expected)
    {
        var harness = new DialogHarness(() => new ComponentDialog("journey")
            .AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("choice", new PromptOptions
                {
                    Prompt = Say.Text("Vad vill du göra?"),
                    Choices = [new Choice("register", "Registrera enhet"), new Choice("warranty", "Kolla min garanti")],
                    AllowPartialMatches = allowPartialMatches,
                }, ct),
                (step, ct) => step.EndDialogAsync(((FoundChoice)step.Result!).Value, ct),
            ]))
            .AddDialog(new ChoicePrompt("choice")));
        await harness.SendAsync("hej");

        await harness.SendAsync(answer);

        Assert.Equal(expected, harness.LastResult!.Result);
        Assert.Equal(expected is null ? DialogTurnStatus.Waiting : DialogTurnStatus.Complete, harness.LastResult.Status);
    }

    [Theory]
    [InlineData("jag är 42", true)]
    [InlineData("16", false)]
    [InlineData("ja", true)]
    [InlineData("2", false)]
    public async Task A_confirm_prompts_own_reading_of_its_answers_comes_first_then_yes_no_and_numbers(string answer, bool expected)
    {
        // "Are you 18 or older?" answered with an age.
        static bool? ReadAge(string? text)
            => text?.Split(' ').LastOrDefault(word => word.All(char.IsDigit) && word.Length == 2) is { } age ? int.Parse(age, System.Globalization.CultureInfo.InvariantCulture) >= 18 : null;

        var harness = new DialogHarness(() => new ComponentDialog("journey")
            .AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("adult", new PromptOptions { Prompt = Say.Text("Är du 18 år eller äldre?") }, ct),
                (step, ct) => step.EndDialogAsync(step.Result, ct),
            ]))
            .AddDialog(new ConfirmPrompt("adult", readAnswer: ReadAge)));
        await harness.SendAsync("hej");

        await harness.SendAsync(answer);

        Assert.Equal(expected, harness.LastResult!.Result);
    }

    private static Task<bool> OnlyDigits(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
        => Task.FromResult(prompt.Recognized.Succeeded && prompt.Recognized.Value!.All(char.IsDigit));

    /// <summary>Asks for a serial number; gives up after <paramref name="maxAttempts"/> by offering customer care.</summary>
    private static DialogHarness SerialJourney(PromptValidator<string> validator, int? maxAttempts = null)
        => new(() => new ComponentDialog("journey")
            .AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("serial", new PromptOptions
                {
                    Prompt = Say.Text(Question),
                    RetryPrompt = Say.Text(Retry),
                    MaxAttempts = maxAttempts,
                }, ct),
                async (step, ct) =>
                {
                    if (step.Result is PromptAttemptsExhausted)
                    {
                        await step.Context.SendActivityAsync(Offer, cancellationToken: ct);
                        return await step.EndDialogAsync(step.Result, ct);
                    }

                    await step.Context.SendActivityAsync($"Tack, {step.Result} är sparat.", cancellationToken: ct);
                    return await step.EndDialogAsync(step.Result, ct);
                },
            ]))
            .AddDialog(new TextPrompt("serial", validator)));

    private static DialogHarness ConfirmJourney()
        => new(() => new ComponentDialog("journey")
            .AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("confirm", new PromptOptions { Prompt = Say.Text("Vill du ha nyheter? / Do you want news?") }, ct),
                (step, ct) => step.EndDialogAsync(step.Result, ct),
            ]))
            .AddDialog(new ConfirmPrompt("confirm")));
}
