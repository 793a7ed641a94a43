using IqosBot.Dialogs.Engine;

namespace IqosBot.Dialogs.Prompts;

/// <summary>
/// <c>PromptAsync</c> as the SDK's <c>DialogContext</c> has it, written as an extension so that the
/// engine's core (Engine) does not depend on the prompts: calls read the same.
/// </summary>
public static class DialogContextPromptExtensions
{
    public static Task<DialogTurnResult> PromptAsync(this DialogContext dc, string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.BeginDialogAsync(dialogId, options ?? throw new ArgumentNullException(nameof(options)), cancellationToken);
    }
}
