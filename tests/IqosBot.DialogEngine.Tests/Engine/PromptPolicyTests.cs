using IqosBot.DialogEngine.Tests.Harness;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;

namespace IqosBot.DialogEngine.Tests.Engine;

/// <summary>
/// The engine's side of listening, with a policy of the test's own (nothing of the product): every prompt
/// consults the turn's policy, what the policy handles is not a failed attempt, and an interruption travels
/// up through waterfalls and components to the first dialog that handles it.
/// </summary>
public sealed class PromptPolicyTests
{
    private const string Question = "Vilket nummer?";

    [Fact]
    public async Task What_the_policy_answers_before_the_prompt_is_asked_again_and_is_no_failed_attempt()
    {
        var harness = Root(new ScriptedPolicy { ["vad är klockan"] = PromptHearing.AskAgain }, maxAttempts: 2);
        await harness.SendAsync("start");

        // Three questions in a row would exhaust two attempts if they counted.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(["(policy answered)", Question], (await harness.SendAsync("vad är klockan")).Texts());
        }

        // Only real misses count: the first asks again, the second gives up.
        Assert.Equal([Question], (await harness.SendAsync("fel")).Texts());
        Assert.Equal(["(attempts exhausted)", "root heard: done"], (await harness.SendAsync("fel igen")).Texts());
    }

    [Fact]
    public async Task The_policy_is_asked_again_only_when_the_message_was_no_answer()
    {
        var policy = new ScriptedPolicy();
        var harness = Root(policy, maxAttempts: 3);
        await harness.SendAsync("start");

        await harness.SendAsync("hej");
        await harness.SendAsync("42");

        Assert.Equal(["before:hej", "after:hej", "before:42"], policy.Heard);
    }

    [Fact]
    public async Task An_interruption_skips_every_waterfall_step_below_the_dialog_that_handles_it()
    {
        var policy = new ScriptedPolicy { ["sluta"] = PromptHearing.Interrupt("leave") };
        var harness = Root(policy, maxAttempts: 2);
        await harness.SendAsync("start");

        var replies = await harness.SendAsync("sluta");

        // The inner waterfall's next step ("got …") never ran; the root's step saw the interruption.
        Assert.Equal(["root heard: leave"], replies.Texts());
        Assert.Empty(await harness.SavedStackAsync());
    }

    [Fact]
    public async Task Wait_leaves_the_prompt_waiting_and_the_next_answer_is_still_its_own()
    {
        var policy = new ScriptedPolicy { ["hmm"] = PromptHearing.Wait };
        var harness = Root(policy, maxAttempts: 2);
        await harness.SendAsync("start");

        Assert.Equal(["(policy answered)"], (await harness.SendAsync("hmm")).Texts());
        Assert.Equal(["got 7", "root heard: done"], (await harness.SendAsync("7")).Texts());
    }

    /// <summary>root (handles interruptions) → component → waterfall → a number prompt.</summary>
    private static DialogHarness Root(ScriptedPolicy policy, int maxAttempts)
        => new(() => new PolicyRoot(policy, maxAttempts));

    private sealed class PolicyRoot : ComponentDialog
    {
        private readonly IPromptPolicy _policy;

        public PolicyRoot(IPromptPolicy policy, int maxAttempts)
            : base("root")
        {
            _policy = policy;
            var inner = new ComponentDialog("inner")
                .AddDialog(new WaterfallDialog("innerSteps",
                [
                    (step, ct) => step.PromptAsync("number", new PromptOptions { Prompt = Say.Text(Question), MaxAttempts = maxAttempts }, ct),
                    async (step, ct) =>
                    {
                        await step.Context.SendActivityAsync(step.Result is PromptAttemptsExhausted ? "(attempts exhausted)" : $"got {step.Result}", cancellationToken: ct);
                        return await step.EndDialogAsync("done", ct);
                    },
                ]))
                .AddDialog(new TextPrompt("number", (prompt, _) => Task.FromResult(prompt.Recognized.Value!.All(char.IsDigit))));
            AddDialog(new WaterfallDialog("rootSteps",
            [
                (step, ct) => step.BeginDialogAsync("inner", null, ct),
                async (step, ct) =>
                {
                    var heard = step.Result is DialogInterruption interruption ? interruption.Request : step.Result;
                    if (heard is not null)
                    {
                        await step.Context.SendActivityAsync($"root heard: {heard}", cancellationToken: ct);
                    }

                    return await step.EndDialogAsync(null, ct);
                },
            ]) { HandlesInterruptions = true });
            AddDialog(inner);
        }

        public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
        {
            PromptPolicy.Use(outerDc.Context, _policy);
            return base.ContinueDialogAsync(outerDc, cancellationToken);
        }
    }

    /// <summary>Hears the listed messages before the prompt reads them; records what it was asked.</summary>
    private sealed class ScriptedPolicy : Dictionary<string, PromptHearing>, IPromptPolicy
    {
        public List<string> Heard { get; } = [];

        public async Task<PromptHearing> BeforeAnswerAsync(PromptPolicyContext context, CancellationToken cancellationToken)
        {
            var text = context.Context.Activity.Text;
            Heard.Add("before:" + text);
            if (!TryGetValue(text, out var hearing))
            {
                return PromptHearing.NotMine;
            }

            if (hearing.Kind is PromptHearingKind.AskAgain or PromptHearingKind.Wait)
            {
                await context.Context.SendActivityAsync("(policy answered)", cancellationToken: cancellationToken);
            }

            return hearing;
        }

        public Task<PromptHearing> NotAnAnswerAsync(PromptPolicyContext context, CancellationToken cancellationToken)
        {
            Heard.Add("after:" + context.Context.Activity.Text);
            return Task.FromResult(PromptHearing.NotMine);
        }
    }
}
