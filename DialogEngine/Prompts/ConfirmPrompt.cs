using IqosBot.Dialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Prompts;

/// <summary>Asks a yes/no question in the customer's language and understands ja/nej, yes/no and their variants.</summary>
public sealed class ConfirmPrompt : Prompt<bool>
{
    private const string Yes = "yes";
    private const string No = "no";

    private readonly Func<string?, bool?>? _readAnswer;

    /// <param name="readAnswer">A reading of this question's own answers tried first (for "are you 18?", an age); null when it has none.</param>
    public ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null, Func<string?, bool?>? readAnswer = null)
        : base(dialogId, validator)
    {
        _readAnswer = readAnswer;
    }

    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var style = PromptStyle.For(turnContext);
        var source = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        var text = source?.Text ?? string.Empty;
        if (isRetry && options.RetryPrompt is null)
        {
            text = style.RetryText(turnContext, PromptKind.Confirm);
        }

        var (yes, no) = style.ConfirmChoices(turnContext);
        var activity = style.Render(turnContext, text, [new Choice(yes), new Choice(no)]);
        activity.InputHint = InputHints.ExpectingInput;
        return turnContext.SendActivityAsync(activity, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;

        // "1" / "2" answer the numbered list some channels show instead of buttons.
        var byNumber = ChoiceRecognizer.Recognize(text, [new Choice(Yes), new Choice(No)], matchTitles: false);
        var answer = _readAnswer?.Invoke(text) ?? (byNumber is not null ? byNumber.Value == Yes : ConfirmRecognizer.Recognize(text));

        return Task.FromResult(answer is { } value
            ? PromptRecognizerResult<bool>.Of(value)
            : PromptRecognizerResult<bool>.Failed);
    }
}
