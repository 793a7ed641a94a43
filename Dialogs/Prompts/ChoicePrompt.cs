using IqosBot.Cards;
using IqosBot.Dialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Prompts;

/// <summary>
/// Offers a list of options, rendered the way the customer's channel can show them, and understands
/// the answer by title, synonym, number or ordinal in Swedish and English.
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
        var activity = ChoiceMessage.Create(
            source?.Text ?? string.Empty,
            options.Choices.Select(choice => new ChoiceButton(choice.Title ?? choice.Value, choice.Value)).ToList(),
            ChannelInfo.From(turnContext.Activity));
        activity.InputHint = InputHints.ExpectingInput;
        return turnContext.SendActivityAsync(activity, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var found = ChoiceRecognizer.Recognize(turnContext.Activity.Text, options.Choices);
        return Task.FromResult(found is null
            ? PromptRecognizerResult<FoundChoice>.Failed
            : PromptRecognizerResult<FoundChoice>.Of(found));
    }
}
