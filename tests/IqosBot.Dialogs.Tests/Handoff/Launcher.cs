using IqosBot.Dialogs.Engine;

namespace IqosBot.Dialogs.Tests.Handoff;

/// <summary>
/// Starts one dialog with the options its caller would give it (a case id, <see cref="Main.MainDialogOptions"/>),
/// since the harness starts its dialog without any, and ends with that dialog's result so a test can read it
/// from <see cref="Harness.DialogTestHarness.LastResult"/>.
/// </summary>
internal sealed class Launcher : ComponentDialog
{
    private readonly string _innerId;
    private readonly object? _options;

    public Launcher(Dialog inner, object? options)
        : base("Launcher")
    {
        ArgumentNullException.ThrowIfNull(inner);
        _innerId = inner.Id;
        _options = options;
        AddDialog(inner);
    }

    protected override Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
        => innerDc.BeginDialogAsync(_innerId, _options, cancellationToken);
}
