using IqosBot.Dialogs.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Prompts;

/// <summary>
/// Asks one question and waits until it gets a valid answer, as the SDK's Prompt&lt;T&gt;; additionally
/// counts failed attempts and gives up after <see cref="PromptOptions.MaxAttempts"/>.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    private const string OptionsKey = "options";
    private const string StateKey = "state";
    private const string AttemptCountKey = "attemptCount";

    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId)
    {
        _validator = validator;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var promptOptions = options as PromptOptions
            ?? throw new ArgumentException($"A prompt is started with {nameof(PromptOptions)}.", nameof(options));

        var state = dc.ActiveDialog!.State;
        var promptState = new Dictionary<string, object> { [AttemptCountKey] = 0 };
        state[OptionsKey] = promptOptions;
        state[StateKey] = promptState;

        await OnPromptAsync(dc.Context, promptState, promptOptions, isRetry: false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var (promptState, promptOptions) = ReadState(dc.ActiveDialog!);
        var recognized = await OnRecognizeAsync(dc.Context, promptState, promptOptions, cancellationToken).ConfigureAwait(false);

        var attempt = promptState.GetInt(AttemptCountKey) + 1;
        promptState[AttemptCountKey] = attempt;

        var isValid = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(dc.Context, recognized, promptState, promptOptions, attempt), cancellationToken).ConfigureAwait(false);

        if (isValid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        if (promptOptions.MaxAttempts is { } maxAttempts && attempt >= maxAttempts)
        {
            return await dc.EndDialogAsync(new PromptAttemptsExhausted(attempt), cancellationToken).ConfigureAwait(false);
        }

        // A validator that explained the problem itself has replied already; don't talk over it.
        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, promptState, promptOptions, isRetry: true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    /// <summary>Something interrupted the prompt and was dealt with: ask again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var (promptState, promptOptions) = ReadState(instance);
        return OnPromptAsync(turnContext, promptState, promptOptions, isRetry: false, cancellationToken);
    }

    /// <summary>Sends the question (or the retry question).</summary>
    protected virtual Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        return activity is null
            ? Task.CompletedTask
            : turnContext.SendActivityAsync(PromptActivities.CopyForSending(activity), cancellationToken);
    }

    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken);

    private static (IDictionary<string, object> State, PromptOptions Options) ReadState(DialogInstance instance)
    {
        var options = instance.State.GetOrDefault<PromptOptions>(OptionsKey)
                      ?? throw new InvalidOperationException("The prompt's options are missing from its state.");
        var state = instance.State.GetOrDefault<IDictionary<string, object>>(StateKey) ?? new Dictionary<string, object>();
        return (state, options);
    }
}
