using IqosBot.Dialogs.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Prompts;

/// <summary>
/// Asks one question and waits until it gets a valid answer, as the SDK's Prompt&lt;T&gt;; additionally
/// consults the turn's <see cref="IPromptPolicy"/> before and after reading a message, counts failed
/// attempts (what the policy handled is not one) and gives up after <see cref="PromptOptions.MaxAttempts"/>.
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

    protected bool HasValidator => _validator is not null;

    /// <summary>How many failed answers the prompt has had before this message.</summary>
    protected static int AttemptsSoFar(IDictionary<string, object> state) => state.GetInt(AttemptCountKey);

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

        // Listen first: what the customer wrote decides, then the question that is waiting.
        var policy = PromptPolicy.Find(dc.Context);
        var hearing = new PromptPolicyContext(dc, promptOptions, promptState, TakesAnyText);
        if (policy is not null
            && await HeardAsync(dc, await policy.BeforeAnswerAsync(hearing, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false) is { } before)
        {
            return before;
        }

        var recognized = await OnRecognizeAsync(dc.Context, promptState, promptOptions, cancellationToken).ConfigureAwait(false);
        var attempt = promptState.GetInt(AttemptCountKey) + 1;
        var validator = new PromptValidatorContext<T>(dc.Context, recognized, promptState, promptOptions, attempt);
        var isValid = _validator is null ? recognized.Succeeded : await _validator(validator, cancellationToken).ConfigureAwait(false);
        if (isValid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        // A validator that explained the problem itself (an unknown serial) has judged the message an answer: a miss.
        if (policy is not null && !dc.Context.Responded
            && await HeardAsync(dc, await policy.NotAnAnswerAsync(hearing, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false) is { } after)
        {
            return after;
        }

        promptState[AttemptCountKey] = attempt;
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

    /// <summary>Whether this prompt takes any text as its answer, so a question or another request cannot fail it.</summary>
    protected virtual bool TakesAnyText => false;

    /// <summary>Acts on what the policy heard; null when the message is still the prompt's to read.</summary>
    private async Task<DialogTurnResult?> HeardAsync(DialogContext dc, PromptHearing heard, CancellationToken cancellationToken)
    {
        switch (heard.Kind)
        {
            case PromptHearingKind.AskAgain:
                await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
                return EndOfTurn;
            case PromptHearingKind.Wait:
                return EndOfTurn;
            case PromptHearingKind.Interrupt:
                return await dc.EndDialogAsync(heard.Interruption, cancellationToken).ConfigureAwait(false);
            default:
                return null;
        }
    }

    /// <summary>Something interrupted the prompt and was dealt with: ask again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        if (result is DialogInterruption)
        {
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

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
