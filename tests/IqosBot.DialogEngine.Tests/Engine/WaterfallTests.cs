using IqosBot.DialogEngine.Tests.Harness;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Prompts;

namespace IqosBot.DialogEngine.Tests.Engine;

public sealed class WaterfallTests
{
    [Fact]
    public async Task Steps_run_in_order_and_each_step_gets_the_previous_answer()
    {
        var harness = new DialogHarness(() => Journey(
            step => step.PromptAsync("text", new PromptOptions { Prompt = Say.Text("Vad heter du?") }),
            step => step.PromptAsync("text", new PromptOptions { Prompt = Say.Text($"Hej {step.Result}! Var bor du?") }),
            async step =>
            {
                await step.Context.SendActivityAsync($"Du bor i {step.Result}.");
                return await step.EndDialogAsync();
            }));

        await harness.Flow()
            .Send("hej")
            .AssertReply("Vad heter du?")
            .Send("Anna")
            .AssertReply("Hej Anna! Var bor du?")
            .StartTestAsync();
        Assert.Equal(["journey"], (await harness.SavedStackAsync()).Select(instance => instance.Id));

        await harness.Flow()
            .Send("Lund")
            .AssertReply("Du bor i Lund.")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, harness.LastResult!.Status);
        Assert.Empty(await harness.SavedStackAsync());
    }

    [Fact]
    public async Task Values_collected_in_earlier_turns_are_read_in_later_steps()
    {
        var harness = new DialogHarness(() => Journey(
            step =>
            {
                step.Values["visits"] = 3;
                return step.PromptAsync("text", new PromptOptions { Prompt = Say.Text("Vad heter du?") });
            },
            step =>
            {
                step.Values["name"] = step.Result!;
                return step.PromptAsync("text", new PromptOptions { Prompt = Say.Text("Vilken modell har du?") });
            },
            async step =>
            {
                // Each turn reloaded the values from storage; the int comes back as a long, hence GetInt.
                await step.Context.SendActivityAsync($"{step.Values["name"]}, {step.Result}, besök {step.Values.GetInt("visits") + 1}");
                return await step.EndDialogAsync();
            }));

        await harness.SendAsync("hej");
        await harness.SendAsync("Anna");
        var replies = await harness.SendAsync("ILUMA ONE");

        Assert.Equal(["Anna, ILUMA ONE, besök 4"], replies.Texts());
    }

    [Fact]
    public async Task NextAsync_skips_a_question_whose_answer_is_already_known()
    {
        var harness = new DialogHarness(() => new ComponentDialog("root")
            .AddDialog(new WaterfallDialog("start", [(step, ct) => step.BeginDialogAsync("journey", "Anna", ct)]))
            .AddDialog(Journey(
                step => step.Options is string knownName
                    ? step.NextAsync(knownName)
                    : step.PromptAsync("text", new PromptOptions { Prompt = Say.Text("Vad heter du?") }),
                step => step.PromptAsync("text", new PromptOptions { Prompt = Say.Text($"Tack {step.Result}. Var bor du?") }),
                async step =>
                {
                    await step.Context.SendActivityAsync($"Klart: {step.Result}");
                    return await step.EndDialogAsync();
                })));

        var first = await harness.SendAsync("hej");
        Assert.Equal(["Tack Anna. Var bor du?"], first.Texts());

        var second = await harness.SendAsync("Lund");
        Assert.Equal(["Klart: Lund"], second.Texts());
    }

    [Fact]
    public async Task NextAsync_called_twice_in_one_step_is_refused()
    {
        var harness = new DialogHarness(() => Journey(
            async step =>
            {
                await step.NextAsync("första");
                return await step.NextAsync("andra");
            },
            step => Task.FromResult(Dialog.EndOfTurn)));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.SendAsync("hej"));
        Assert.Contains("NextAsync was already called", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_result_of_a_child_waterfall_reaches_the_parent_step_and_the_root()
    {
        var harness = new DialogHarness(() => new ComponentDialog("root")
            .AddDialog(new WaterfallDialog("parent",
            [
                (step, ct) => step.BeginDialogAsync("askSerial", null, ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"Serienummer sparat: {step.Result}", cancellationToken: ct);
                    return await step.EndDialogAsync($"registered:{step.Result}", ct);
                },
            ]))
            .AddDialog(new WaterfallDialog("askSerial",
            [
                (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Say.Text("Vilket serienummer?") }, ct),
                (step, ct) => step.EndDialogAsync(((string)step.Result!).ToUpperInvariant(), ct),
            ]))
            .AddDialog(new TextPrompt("text")));

        Assert.Equal(["Vilket serienummer?"], (await harness.SendAsync("hej")).Texts());
        Assert.Equal(DialogTurnStatus.Waiting, harness.LastResult!.Status);

        var replies = await harness.SendAsync("abc123");

        Assert.Equal(["Serienummer sparat: ABC123"], replies.Texts());
        Assert.Equal(DialogTurnStatus.Complete, harness.LastResult!.Status);
        Assert.Equal("registered:ABC123", harness.LastResult.Result);
    }

    [Fact]
    public async Task A_waterfall_without_a_prompt_waits_for_the_next_message_and_gets_its_text()
    {
        var harness = new DialogHarness(() => Journey(
            async step =>
            {
                await step.Context.SendActivityAsync("Skriv något.");
                return Dialog.EndOfTurn;
            },
            async step =>
            {
                await step.Context.SendActivityAsync($"Du skrev: {step.Result}");
                return await step.EndDialogAsync();
            }));

        await harness.SendAsync("hej");
        Assert.Equal(["Du skrev: något"], (await harness.SendAsync("något")).Texts());
    }

    /// <summary>A component with one waterfall of the given steps and a text prompt named "text".</summary>
    internal static ComponentDialog Journey(params Func<WaterfallStepContext, Task<DialogTurnResult>>[] steps)
        => new ComponentDialog("journey")
            .AddDialog(new WaterfallDialog("steps", steps.Select(step => (WaterfallStep)((context, _) => step(context)))))
            .AddDialog(new TextPrompt("text"));
}
