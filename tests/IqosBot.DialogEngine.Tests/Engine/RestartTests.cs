using IqosBot.DialogEngine.Tests.Harness;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Prompts;
using Newtonsoft.Json.Linq;

namespace IqosBot.DialogEngine.Tests.Engine;

/// <summary>
/// A process stops between two messages and a new one starts: new dialog objects, a new ConversationState
/// and DialogSet, only the storage is the same. MemoryStorage keeps JSON, so every read is a fresh copy,
/// as after a real restart.
/// </summary>
public sealed class RestartTests
{
    private static readonly string[] Models = ["ILUMA", "ILUMA ONE", "ILUMA PRIME"];

    [Fact]
    public async Task A_new_process_continues_a_nested_journey_at_the_same_question_with_the_answers_so_far()
    {
        var harness = new DialogHarness(() => Registration());

        await harness.SendAsync("hej");
        await harness.SendAsync("2");
        Assert.Equal(["Fyll i kortet."], (await harness.SendAsync("Anna")).Texts());

        harness.Restart();

        var replies = await harness.SubmitAsync(new JObject { ["serial"] = "ABC123" });
        Assert.Equal(["Anna, ILUMA ONE, ABC123"], replies.Texts());
        Assert.Equal(DialogTurnStatus.Complete, harness.LastResult!.Status);
    }

    [Fact]
    public async Task The_attempt_counter_survives_a_restart()
    {
        var harness = new DialogHarness(() => Registration(maxModelAttempts: 2));

        await harness.SendAsync("hej");
        var retry = Assert.Single(await harness.SendAsync("vet inte"));
        Assert.Equal("Välj en modell i listan.", retry.Text);
        Assert.Equal(Models, retry.SuggestedTitles());

        harness.Restart();

        // The first failed answer was before the restart, so this second one uses up the attempts.
        Assert.Equal(["Du kan alltid prata med en person."], (await harness.SendAsync("ingen aning")).Texts());
    }

    [Fact]
    public async Task A_stack_whose_top_dialog_no_longer_exists_starts_over_instead_of_failing()
    {
        var version = 1;
        var harness = new DialogHarness(() => version == 1 ? Registration("registrationV1") : Registration("registrationV2"));
        await harness.SendAsync("hej");
        Assert.Equal(["registrationV1"], (await harness.SavedStackAsync()).Select(instance => instance.Id));

        version = 2;
        harness.Restart();
        var replies = await harness.SendAsync("hej igen");

        var question = Assert.Single(replies);
        Assert.Equal("Vilken modell har du?", question.Text);
        Assert.Equal(Models, question.SuggestedTitles());
        Assert.Equal(["registrationV2"], (await harness.SavedStackAsync()).Select(instance => instance.Id));
    }

    [Fact]
    public async Task A_stack_naming_a_dialog_a_new_version_renamed_inside_a_component_starts_over_instead_of_failing()
    {
        var version = 1;
        var harness = new DialogHarness(() => Registration(modelPromptId: version == 1 ? "model" : "deviceModel"));
        await harness.SendAsync("hej");

        version = 2;
        harness.Restart();
        var replies = await harness.SendAsync("hej igen");

        var question = Assert.Single(replies);
        Assert.Equal("Vilken modell har du?", question.Text);
        Assert.Equal(Models, question.SuggestedTitles());
        Assert.Equal(DialogTurnStatus.Waiting, harness.LastResult!.Status);
    }

    /// <summary>Three prompts of different kinds in a component: each one's options must survive storage.</summary>
    private static ComponentDialog Registration(string id = "registration", int? maxModelAttempts = null, string modelPromptId = "model")
        => new ComponentDialog(id)
            .AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync(modelPromptId, new PromptOptions
                {
                    Prompt = Say.Text("Vilken modell har du?"),
                    RetryPrompt = Say.Text("Välj en modell i listan."),
                    Choices = Models.Select(model => new Choice(model)).ToList(),
                    MaxAttempts = maxModelAttempts,
                }, ct),
                async (step, ct) =>
                {
                    if (step.Result is PromptAttemptsExhausted)
                    {
                        await step.Context.SendActivityAsync("Du kan alltid prata med en person.", cancellationToken: ct);
                        return await step.EndDialogAsync(null, ct);
                    }

                    step.Values["model"] = ((FoundChoice)step.Result!).Value;
                    return await step.PromptAsync("name", new PromptOptions { Prompt = Say.Text("Vad heter du?") }, ct);
                },
                (step, ct) =>
                {
                    step.Values["name"] = step.Result!;
                    return step.PromptAsync("card", new PromptOptions
                    {
                        Prompt = Say.Text("Fyll i kortet."),
                        Validations = new List<string> { "serial" },
                    }, ct);
                },
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"{step.Values["name"]}, {step.Values["model"]}, {((JObject)step.Result!)["serial"]}", cancellationToken: ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]))
            .AddDialog(new ChoicePrompt(modelPromptId))
            .AddDialog(new TextPrompt("name"))
            .AddDialog(new CardSubmitPrompt("card"));
}
