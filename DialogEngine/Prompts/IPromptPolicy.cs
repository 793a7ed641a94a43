using IqosBot.Dialogs.Engine;
using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Prompts;

/// <summary>
/// What every prompt consults before it takes a message as its answer, and again when the message turned
/// out not to be one. The product puts one policy in the turn state (<see cref="PromptPolicy.Use"/>);
/// prompts of every journey, present and future, listen through it without code of their own.
/// </summary>
public interface IPromptPolicy
{
    /// <summary>Before the prompt reads the message: things that win over any answer (safety, leaving).</summary>
    Task<PromptHearing> BeforeAnswerAsync(PromptPolicyContext context, CancellationToken cancellationToken);

    /// <summary>The message was not a usable answer: it may be a question, or another request.</summary>
    Task<PromptHearing> NotAnAnswerAsync(PromptPolicyContext context, CancellationToken cancellationToken);
}

/// <summary>What the prompt does after the policy heard the message.</summary>
public enum PromptHearingKind
{
    /// <summary>Nothing for the policy: the prompt reads the message as usual.</summary>
    NotMine,

    /// <summary>The policy replied; the prompt asks its question again. Not a failed attempt.</summary>
    AskAgain,

    /// <summary>The policy replied and asked a question of its own; the prompt waits for the next message.</summary>
    Wait,

    /// <summary>The message was for a dialog further up: the prompt ends with <see cref="PromptHearing.Interruption"/>.</summary>
    Interrupt,
}

public sealed record PromptHearing(PromptHearingKind Kind, DialogInterruption? Interruption = null)
{
    public static readonly PromptHearing NotMine = new(PromptHearingKind.NotMine);
    public static readonly PromptHearing AskAgain = new(PromptHearingKind.AskAgain);
    public static readonly PromptHearing Wait = new(PromptHearingKind.Wait);

    public static PromptHearing Interrupt(object request) => new(PromptHearingKind.Interrupt, new DialogInterruption(request));
}

/// <summary>The prompt as the policy sees it: where it sits on the stack, what it asks, and its own state.</summary>
/// <param name="Dc">The prompt's dialog context; <see cref="DialogContext.Parent"/> leads to the dialogs that started it.</param>
/// <param name="State">The prompt's state, kept across its turns: a policy may keep a pending question of its own here.</param>
/// <param name="FreeText">The prompt takes any text as its answer (a description, a comment).</param>
public sealed record PromptPolicyContext(DialogContext Dc, PromptOptions Options, IDictionary<string, object> State, bool FreeText)
{
    public ITurnContext Context => Dc.Context;
}

/// <summary>Where the turn's policy is kept.</summary>
public static class PromptPolicy
{
    private const string TurnStateKey = "IqosBot.PromptPolicy";

    public static void Use(ITurnContext turnContext, IPromptPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Set(TurnStateKey, policy);
    }

    public static IPromptPolicy? Find(ITurnContext turnContext) => turnContext.TurnState.Get<IPromptPolicy>(TurnStateKey);
}
