using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Engine;

/// <summary>
/// A dialog made of other dialogs with a stack of its own, kept inside its instance state, so that a
/// journey (registration, warranty lookup) is one entry on the parent's stack.
/// </summary>
public class ComponentDialog : Dialog
{
    /// <summary>Where a component keeps its inner stack in its instance state.</summary>
    /// <summary>Where a component keeps its inner dialog stack in its instance state (the SDK's name and value).</summary>
    public const string PersistedDialogState = "dialogs";

    public ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The dialog started when the component begins; by default the first one added.</summary>
    public string? InitialDialogId { get; protected set; }

    protected DialogSet Dialogs { get; } = new();

    public ComponentDialog AddDialog(Dialog dialog)
    {
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options = null, CancellationToken cancellationToken = default)
    {
        var innerDc = CreateInnerContext(outerDc, outerDc.ActiveDialog!);
        var turnResult = await OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false);
        return await AfterInnerTurnAsync(outerDc, innerDc, turnResult, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
    {
        var innerDc = CreateInnerContext(outerDc, outerDc.ActiveDialog!);
        var turnResult = await OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        return await AfterInnerTurnAsync(outerDc, innerDc, turnResult, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Something pushed on the outer stack above this component ended: ask our question again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext outerDc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        if (result is DialogInterruption)
        {
            return await outerDc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        await RepromptDialogAsync(outerDc.Context, outerDc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var innerDc = CreateInnerContext(turnContext, instance, parent: null);
        return innerDc.RepromptDialogAsync(cancellationToken);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        // A cancelled component cancels its children, so each of them can clean up too.
        if (reason == DialogReason.CancelCalled)
        {
            var innerDc = CreateInnerContext(turnContext, instance, parent: null);
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether every dialog on this instance's saved inner stack is still in this component.</summary>
    internal bool KnowsInnerStack(DialogContext outerDc, DialogInstance instance)
        => CreateInnerContext(outerDc, instance).KnowsEveryDialog();

    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
        => innerDc.BeginDialogAsync(InitialDialogId ?? throw new InvalidOperationException($"'{Id}' has no dialogs."), options, cancellationToken);

    /// <summary>Override to look at the customer's message before the inner dialog does (interruptions).</summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
        => innerDc.ContinueDialogAsync(cancellationToken);

    /// <summary>
    /// A dialog inside this component ended with an interruption meant for a dialog further up. By default
    /// the component ends with it too; a component that can act on it (the root, a journey with something
    /// to say about leaving) overrides this, and may start a dialog on <paramref name="innerDc"/> instead.
    /// </summary>
    protected virtual Task<DialogTurnResult> OnInterruptionAsync(DialogContext innerDc, DialogInterruption interruption, CancellationToken cancellationToken)
        => Task.FromResult(new DialogTurnResult(DialogTurnStatus.Complete, interruption));

    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
        => outerDc.EndDialogAsync(result, cancellationToken);

    private async Task<DialogTurnResult> AfterInnerTurnAsync(DialogContext outerDc, DialogContext innerDc, DialogTurnResult turnResult, CancellationToken cancellationToken)
    {
        if (turnResult.Status != DialogTurnStatus.Waiting && turnResult.Result is DialogInterruption interruption)
        {
            turnResult = await OnInterruptionAsync(innerDc, interruption, cancellationToken).ConfigureAwait(false);
        }

        return turnResult.Status == DialogTurnStatus.Waiting
            ? EndOfTurn
            : await EndComponentAsync(outerDc, turnResult.Result, cancellationToken).ConfigureAwait(false);
    }

    private DialogContext CreateInnerContext(DialogContext outerDc, DialogInstance instance)
        => CreateInnerContext(outerDc.Context, instance, outerDc);

    private DialogContext CreateInnerContext(ITurnContext turnContext, DialogInstance instance, DialogContext? parent)
    {
        if (instance.State.GetOrDefault<DialogState>(PersistedDialogState) is not { } innerState)
        {
            innerState = new DialogState();
            instance.State[PersistedDialogState] = innerState;
        }

        return new DialogContext(Dialogs, turnContext, innerState) { Parent = parent };
    }
}
