namespace IqosBot.Dialogs.Engine;

/// <summary>
/// Runs its steps in order; each step's result (usually a prompt's answer) is handed to the next.
/// The step index and the collected values live in the dialog instance, so a restarted process
/// continues at the same step.
/// </summary>
public class WaterfallDialog : Dialog
{
    internal const string StepIndexKey = "stepIndex";
    internal const string OptionsKey = "options";
    internal const string ValuesKey = "values";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep> steps)
        : base(dialogId)
    {
        _steps = steps?.ToList() ?? throw new ArgumentNullException(nameof(steps));
    }

    /// <summary>
    /// Whether a <see cref="DialogInterruption"/> that a child ends with is handed to the next step (which can act
    /// on it with the waterfall's values at hand) instead of ending the waterfall with it.
    /// </summary>
    public bool HandlesInterruptions { get; init; }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var state = dc.ActiveDialog!.State;
        if (options is not null)
        {
            state[OptionsKey] = options;
        }

        state[ValuesKey] = new Dictionary<string, object>();
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        // Typing indicators, reactions and the like do not answer a step.
        if (dc.Context.Activity.Type != Microsoft.Bot.Schema.ActivityTypes.Message)
        {
            return Task.FromResult(EndOfTurn);
        }

        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        // The customer's message was for a dialog further up: no step of ours runs on it, unless the
        // waterfall handles interruptions itself (its next step gets the interruption as its result).
        if (result is DialogInterruption && !HandlesInterruptions)
        {
            return dc.EndDialogAsync(result, cancellationToken);
        }

        var index = dc.ActiveDialog!.State.GetInt(StepIndexKey);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            // Past the last step: the waterfall's result is the last step's result.
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var state = dc.ActiveDialog!.State;
        state[StepIndexKey] = index;
        var stepContext = new WaterfallStepContext(this, dc, state, index, reason, result);
        return await _steps[index](stepContext, cancellationToken).ConfigureAwait(false);
    }
}
