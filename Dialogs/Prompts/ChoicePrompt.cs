using IqosBot.Cards;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Resources;
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
        var text = source?.Text ?? string.Empty;

        // Repeating the question word for word does not tell the customer the answer was not understood.
        if (isRetry && options.RetryPrompt is null)
        {
            text = Texts.Get(turnContext.GetLanguage(), TextKey.ChoiceRetry);
        }

        var activity = ChoiceMessage.Create(
            text,
            options.Choices.Select(Button).ToList(),
            ChannelInfo.From(turnContext.Activity));
        activity.InputHint = InputHints.ExpectingInput;
        return turnContext.SendActivityAsync(activity, cancellationToken);
    }

    /// <summary>
    /// A button sends back what it shows: imBack posts its value into the chat as the customer's message,
    /// and an internal value ("register") would read as English in a Swedish conversation. The title is
    /// recognised like the value.
    /// </summary>
    private static ChoiceButton Button(Choice choice)
    {
        var shown = choice.Title ?? choice.Value;
        return new ChoiceButton(shown, shown);
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
