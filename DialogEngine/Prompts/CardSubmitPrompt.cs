using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace IqosBot.Dialogs.Prompts;

/// <summary>
/// Waits for an Adaptive Card's Action.Submit, whose data arrives in <c>Activity.Value</c>. Text typed
/// instead of pressing the card's button is not an answer; the retry prompt says so.
/// When <see cref="PromptOptions.Validations"/> is a list of field names, each must be present and non-blank.
/// Where the card's buttons are also offered as <see cref="PromptOptions.Choices"/>, typing one of them
/// (or its number) counts as pressing it: the result is <c>{ "action": value }</c>.
/// </summary>
public sealed class CardSubmitPrompt : Prompt<JObject>
{
    /// <summary>The field a typed choice is returned in.</summary>
    public const string ActionField = "action";

    public CardSubmitPrompt(string dialogId, PromptValidator<JObject>? validator = null)
        : base(dialogId, validator)
    {
    }

    protected override Task<PromptRecognizerResult<JObject>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var submitted = turnContext.Activity.Value switch
        {
            JObject jObject => jObject,
            string json when json.TrimStart().StartsWith('{') => TryParse(json),
            null => null,
            var other => JToken.FromObject(other) as JObject,
        };

        if (submitted is null && Choices.ChoiceRecognizer.Recognize(turnContext.Activity.Text, options.Choices) is { } typed)
        {
            submitted = new JObject { [ActionField] = typed.Value };
        }

        var ok = submitted is not null && HasRequiredFields(submitted, options.Validations);
        return Task.FromResult(ok ? PromptRecognizerResult<JObject>.Of(submitted!) : PromptRecognizerResult<JObject>.Failed);
    }

    private static bool HasRequiredFields(JObject submitted, object? validations)
    {
        if (validations is not IEnumerable<string> required)
        {
            return true;
        }

        return required.All(field => submitted.TryGetValue(field, StringComparison.Ordinal, out var token)
                                     && !string.IsNullOrWhiteSpace(token.ToString()));
    }

    private static JObject? TryParse(string json)
    {
        try
        {
            return JObject.Parse(json);
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return null;
        }
    }
}
