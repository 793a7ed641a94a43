using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Engine;

/// <summary>
/// Base of every dialog, shaped like Microsoft.Bot.Builder.Dialogs.Dialog (that package is not served here).
/// A dialog keeps no per-conversation fields: all its state lives in its <see cref="DialogInstance"/>.
/// </summary>
public abstract class Dialog
{
    /// <summary>The result that means "wait for the customer's next message".</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    protected Dialog(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
    }

    public string Id { get; }

    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default);

    /// <summary>The customer answered while this dialog was active. By default a dialog that waits for nothing ends.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
        => dc.EndDialogAsync(null, cancellationToken);

    /// <summary>A child dialog ended and this one is on top again.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
        => dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Ask the current question again (after an interruption was answered).</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
        => Task.CompletedTask;

    /// <summary>Clean-up when the dialog leaves the stack, for whatever reason.</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        => Task.CompletedTask;
}
