namespace IqosBot.Dialogs.Engine;

/// <summary>What a waterfall step sees: the previous step's result, the dialog's options and its values.</summary>
public sealed class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _parent;
    private readonly DialogContext _dc;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog parent, DialogContext dc, IDictionary<string, object> state, int index, DialogReason reason, object? result)
        : base(dc)
    {
        _parent = parent;
        _dc = dc;
        Index = index;
        Reason = reason;
        Result = result;
        Options = state.TryGetValue(WaterfallDialog.OptionsKey, out var options) ? options : null;
        Values = state.GetOrDefault<IDictionary<string, object>>(WaterfallDialog.ValuesKey)
                 ?? throw new InvalidOperationException("The waterfall's values are missing from its state.");
    }

    /// <summary>Zero-based index of the running step.</summary>
    public int Index { get; }

    public DialogReason Reason { get; }

    /// <summary>The previous step's result (a prompt's answer), or the customer's text.</summary>
    public object? Result { get; }

    /// <summary>The options the waterfall was started with.</summary>
    public object? Options { get; }

    /// <summary>Answers collected so far; persisted with the dialog until it ends.</summary>
    public IDictionary<string, object> Values { get; }

    /// <summary>Skips to the next step at once, handing it <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of '{_parent.Id}'.");
        }

        _nextCalled = true;
        return _parent.RunStepAsync(_dc, Index + 1, DialogReason.NextCalled, result, cancellationToken);
    }
}
