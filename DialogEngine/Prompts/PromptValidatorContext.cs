using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Prompts;

/// <summary>Decides whether a recognised answer is acceptable; may send its own explanation when it is not.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);

/// <summary>What a validator sees.</summary>
public sealed class PromptValidatorContext<T>
{
    internal PromptValidatorContext(ITurnContext context, PromptRecognizerResult<T> recognized, IDictionary<string, object> state, PromptOptions options, int attemptCount)
    {
        Context = context;
        Recognized = recognized;
        State = state;
        Options = options;
        AttemptCount = attemptCount;
    }

    public ITurnContext Context { get; }

    public PromptRecognizerResult<T> Recognized { get; }

    /// <summary>The prompt's own state, kept across its retries.</summary>
    public IDictionary<string, object> State { get; }

    public PromptOptions Options { get; }

    /// <summary>How many answers the customer has given to this prompt, this one included (1 on the first).</summary>
    public int AttemptCount { get; }
}
