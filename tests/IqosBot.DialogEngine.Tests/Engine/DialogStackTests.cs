using System.Globalization;
using IqosBot.DialogEngine.Tests.Harness;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.DialogEngine.Tests.Engine;

/// <summary>Components inside components, and the stack operations that replace or cancel dialogs.</summary>
public sealed class DialogStackTests
{
    [Fact]
    public async Task The_result_of_a_component_nested_in_a_component_reaches_the_outer_waterfall()
    {
        var harness = new DialogHarness(() => new ComponentDialog("registration")
            .AddDialog(new WaterfallDialog("registrationSteps",
            [
                (step, ct) => step.BeginDialogAsync("address", null, ct),
                async (step, ct) =>
                {
                    var address = (Dictionary<string, object>)step.Result!;
                    await step.Context.SendActivityAsync($"Vi skickar till {address["street"]}, {address["city"]}.", cancellationToken: ct);
                    return await step.EndDialogAsync("done", ct);
                },
            ]))
            .AddDialog(new ComponentDialog("address")
                .AddDialog(new WaterfallDialog("addressSteps",
                [
                    (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Say.Text("Gatuadress?") }, ct),
                    (step, ct) =>
                    {
                        step.Values["street"] = step.Result!;
                        return step.PromptAsync("text", new PromptOptions { Prompt = Say.Text("Ort?") }, ct);
                    },
                    (step, ct) => step.EndDialogAsync(new Dictionary<string, object> { ["street"] = step.Values["street"], ["city"] = step.Result! }, ct),
                ]))
                .AddDialog(new TextPrompt("text"))));

        Assert.Equal(["Gatuadress?"], (await harness.SendAsync("hej")).Texts());
        Assert.Equal(["Ort?"], (await harness.SendAsync("Storgatan 1")).Texts());
        Assert.Equal(["Vi skickar till Storgatan 1, Lund."], (await harness.SendAsync("Lund")).Texts());
        Assert.Equal(DialogTurnStatus.Complete, harness.LastResult!.Status);
        Assert.Equal("done", harness.LastResult.Result);
    }

    [Fact]
    public async Task ReplaceDialogAsync_starts_over_in_place_and_the_parent_gets_the_final_result_once()
    {
        var resumedWith = new List<object?>();
        var harness = new DialogHarness(() => new ComponentDialog("root")
            .AddDialog(new WaterfallDialog("parent",
            [
                (step, ct) => step.BeginDialogAsync("ask", 1, ct),
                (step, ct) =>
                {
                    resumedWith.Add(step.Result);
                    return step.EndDialogAsync(step.Result, ct);
                },
            ]))
            .AddDialog(new WaterfallDialog("ask",
            [
                (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Say.Text($"Försök {step.Options}: ange koden.") }, ct),
                (step, ct) => (string)step.Result! == "1234"
                    ? step.EndDialogAsync("kod ok", ct)
                    : step.ReplaceDialogAsync("ask", Convert.ToInt32(step.Options, CultureInfo.InvariantCulture) + 1, ct),
            ]))
            .AddDialog(new TextPrompt("text")));

        Assert.Equal(["Försök 1: ange koden."], (await harness.SendAsync("hej")).Texts());
        Assert.Equal(["Försök 2: ange koden."], (await harness.SendAsync("0000")).Texts());
        Assert.Equal(["Försök 3: ange koden."], (await harness.SendAsync("1111")).Texts());
        await harness.SendAsync("1234");

        Assert.Equal(["kod ok"], resumedWith);
        Assert.Equal("kod ok", harness.LastResult!.Result);
    }

    [Fact]
    public async Task CancelAllDialogsAsync_empties_the_stack_ends_every_dialog_and_the_next_message_starts_over()
    {
        var ended = new List<(string Id, DialogReason Reason)>();
        var harness = new DialogHarness(() => new ComponentDialog("root")
            .AddDialog(new WaterfallDialog("parent", [(step, ct) => step.BeginDialogAsync("child", null, ct)]))
            .AddDialog(new RecordingComponent("child", ended)
                .AddDialog(new WaterfallDialog("childSteps",
                [
                    (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Say.Text("Vad vill du?") }, ct),
                    async (step, ct) =>
                    {
                        if ((string)step.Result! != "stopp")
                        {
                            return await step.EndDialogAsync(step.Result, ct);
                        }

                        await step.Context.SendActivityAsync("Stoppat.", cancellationToken: ct);
                        return await step.CancelAllDialogsAsync(ct);
                    },
                ]))
                .AddDialog(new TextPrompt("text"))));

        await harness.SendAsync("hej");
        Assert.Equal(["Stoppat."], (await harness.SendAsync("stopp")).Texts());

        // The step cancelled the child's own stack; the child component then ends like any finished dialog.
        Assert.Equal(DialogTurnStatus.Complete, harness.LastResult!.Status);
        Assert.Equal([("child", DialogReason.EndCalled)], ended);
        Assert.Empty(await harness.SavedStackAsync());
        Assert.Equal(["Vad vill du?"], (await harness.SendAsync("hej igen")).Texts());
    }

    [Fact]
    public async Task Cancelling_from_the_top_cancels_a_component_and_the_dialogs_inside_it()
    {
        var ended = new List<(string Id, DialogReason Reason)>();
        var component = new RecordingComponent("outer", ended)
            .AddDialog(new RecordingComponent("inner", ended)
                .AddDialog(new WaterfallDialog("innerSteps", [(step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Say.Text("Fråga?") }, ct)]))
                .AddDialog(new TextPrompt("text")));

        var adapter = new Microsoft.Bot.Builder.Adapters.TestAdapter();
        var state = new ConversationState(new MemoryStorage());
        var accessor = state.CreateProperty<DialogState>(nameof(DialogState));
        DialogTurnResult? cancelled = null;

        await adapter.SendTextToBotAsync("hej", async (context, ct) =>
        {
            await component.RunAsync(context, accessor, ct);
            await state.SaveChangesAsync(context, false, ct);
        }, CancellationToken.None);
        await adapter.SendTextToBotAsync("avbryt allt", async (context, ct) =>
        {
            var dc = await new DialogSet(accessor).Add(component).CreateContextAsync(context, ct);
            Assert.Equal(["outer"], dc.Stack.Select(instance => instance.Id));
            cancelled = await dc.CancelAllDialogsAsync(ct);
            Assert.Empty(dc.Stack);
        }, CancellationToken.None);

        Assert.Equal(DialogTurnStatus.Cancelled, cancelled!.Status);
        Assert.Equal([("outer", DialogReason.CancelCalled), ("inner", DialogReason.CancelCalled)], ended);
    }

    [Fact]
    public async Task CancelAllDialogsAsync_on_an_empty_stack_reports_empty()
    {
        var adapter = new Microsoft.Bot.Builder.Adapters.TestAdapter();
        var accessor = new ConversationState(new MemoryStorage()).CreateProperty<DialogState>(nameof(DialogState));
        DialogTurnResult? result = null;

        await adapter.SendTextToBotAsync("hej", async (context, ct) =>
        {
            var dc = await new DialogSet(accessor).CreateContextAsync(context, ct);
            result = await dc.CancelAllDialogsAsync(ct);
        }, CancellationToken.None);

        Assert.Equal(DialogTurnStatus.Empty, result!.Status);
    }

    [Fact]
    public async Task RunAsync_starts_the_dialog_on_a_message_but_not_on_other_activities()
    {
        var harness = new DialogHarness(() => WaterfallTests.Journey(
            step => step.PromptAsync("text", new PromptOptions { Prompt = Say.Text("Vad heter du?") }),
            step => step.EndDialogAsync(step.Result)));

        var joined = await harness.SendAsync(new Activity(ActivityTypes.ConversationUpdate));

        Assert.Empty(joined);
        Assert.Equal(DialogTurnStatus.Empty, harness.LastResult!.Status);
        Assert.Empty(await harness.SavedStackAsync());
        Assert.Equal(["Vad heter du?"], (await harness.SendAsync("hej")).Texts());
    }

    [Fact]
    public async Task BeginAsync_ends_what_was_on_the_stack_and_starts_the_dialog_afresh_with_options()
    {
        var ended = new List<(string Id, DialogReason Reason)>();
        var root = new RecordingComponent("root", ended)
            .AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Say.Text(step.Options is string asked ? asked : "Vad vill du?") }, ct),
                (step, ct) => step.EndDialogAsync(step.Result, ct),
            ]))
            .AddDialog(new TextPrompt("text"));

        var adapter = new Microsoft.Bot.Builder.Adapters.TestAdapter();
        var state = new ConversationState(new MemoryStorage());
        var accessor = state.CreateProperty<DialogState>(nameof(DialogState));
        async Task Turn(Activity activity, Func<ITurnContext, CancellationToken, Task> run)
        {
            await adapter.ProcessActivityAsync(activity, async (context, ct) =>
            {
                await run(context, ct);
                await state.SaveChangesAsync(context, false, ct);
            }, CancellationToken.None);
        }

        await Turn(adapter.MakeActivity("hej"), (context, ct) => root.RunAsync(context, accessor, ct));
        Assert.Equal("Vad vill du?", adapter.GetNextReply()?.AsMessageActivity().Text);

        // A turn the user did not start (an event) opens a new step.
        DialogTurnResult? result = null;
        await Turn(new Activity(ActivityTypes.Event) { Name = "rate" }, async (context, ct) => result = await root.BeginAsync(context, accessor, "Hur nöjd var du?", ct));

        Assert.Equal("Hur nöjd var du?", adapter.GetNextReply()?.AsMessageActivity().Text);
        Assert.Equal(DialogTurnStatus.Waiting, result!.Status);
        Assert.Equal([("root", DialogReason.CancelCalled)], ended);
    }

    /// <summary>Notes when and why it leaves the stack.</summary>
    private sealed class RecordingComponent(string id, List<(string Id, DialogReason Reason)> ended) : ComponentDialog(id)
    {
        public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        {
            ended.Add((Id, reason));
            await base.EndDialogAsync(turnContext, instance, reason, cancellationToken);
        }
    }
}
