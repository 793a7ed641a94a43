using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Prompts;

/// <summary>Asks for free text; anything non-blank is an answer (a validator can be stricter).</summary>
public sealed class TextPrompt : Prompt<string>
{
    public TextPrompt(string dialogId, PromptValidator<string>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <summary>Without a validator anything is an answer (a description, a comment).</summary>
    protected override bool TakesAnyText => !HasValidator;

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim();
        return Task.FromResult(string.IsNullOrEmpty(text)
            ? PromptRecognizerResult<string>.Failed
            : PromptRecognizerResult<string>.Of(text));
    }
}
