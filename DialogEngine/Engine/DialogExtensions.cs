using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Engine;

/// <summary>The SDK's <c>Dialog.RunAsync</c>: continue the active dialog, or start this one.</summary>
public static class DialogExtensions
{
    public static async Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);

        var dialogSet = new DialogSet(accessor).Add(dialog);
        var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);

        // A stack saved by an older version can name a dialog this one no longer has, at the top or
        // inside a component (a renamed prompt); starting over beats leaving the customer stuck behind
        // an exception on every message.
        if (!dc.KnowsEveryDialog())
        {
            dc.Stack.Clear();
        }

        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Empty && turnContext.Activity.Type == ActivityTypes.Message)
        {
            result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// Starts <paramref name="dialog"/> afresh with <paramref name="options"/>, dropping whatever was on the
    /// stack: for turns the customer did not start (an agent closed their chat) that must open a new step.
    /// </summary>
    public static async Task<DialogTurnResult> BeginAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, object? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);

        var dialogSet = new DialogSet(accessor).Add(dialog);
        var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (dc.KnowsEveryDialog())
        {
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }

        dc.Stack.Clear();
        return await dc.BeginDialogAsync(dialog.Id, options, cancellationToken).ConfigureAwait(false);
    }
}
