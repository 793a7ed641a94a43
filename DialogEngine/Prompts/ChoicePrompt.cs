using IqosBot.Dialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Prompts;

/// <summary>
/// Offers a list of options, rendered by the turn's <see cref="IPromptStyle"/> (the way the customer's
/// channel can show them), and understands the answer by title, synonym, number or ordinal in Swedish and English.
/// </summary>
public sealed class ChoicePrompt : Prompt<FoundChoice>
{
    public ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null)
        : base(dialogId, validator)
    {
    }

    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var source = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        var text = source?.Text ?? string.Empty;

        var style = PromptStyle.For(turnContext);
        if (isRetry && options.RetryPrompt is null)
        {
            text = style.RetryText(turnContext, PromptKind.Choice);
        }

        var activity = style.Render(turnContext, text, options.Choices);
        activity.InputHint = InputHints.ExpectingInput;
        return turnContext.SendActivityAsync(activity, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var found = ChoiceRecognizer.Recognize(turnContext.Activity.Text, options.Choices);
        if (found is not null && !options.AllowPartialMatches && found.Score < ChoiceRecognizer.FullMatch)
        {
            found = null;
        }

        return Task.FromResult(found is null
            ? PromptRecognizerResult<FoundChoice>.Failed
            : PromptRecognizerResult<FoundChoice>.Of(found));
    }
}
