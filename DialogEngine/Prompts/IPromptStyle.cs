using IqosBot.Dialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Prompts;

/// <summary>
/// How the choice and yes/no prompts look and speak. The SDK's prompts render through ChoiceFactory with
/// per-culture defaults; here the bot decides (cards or suggested actions per channel, the customer's
/// language), so the engine knows no texts and no cards. Put in the turn with <see cref="PromptStyle.Use"/>;
/// without one, <see cref="PlainPromptStyle"/> is used.
/// </summary>
public interface IPromptStyle
{
    /// <summary>The question with its options as buttons the channel can show; a button sends back what it shows.</summary>
    Activity Render(ITurnContext turnContext, string text, IReadOnlyList<Choice> choices);

    /// <summary>What to say when an answer was not understood and the dialog gave no retry prompt (repeating the question word for word does not tell the customer that).</summary>
    string RetryText(ITurnContext turnContext, PromptKind kind);

    /// <summary>The yes and no buttons' titles, in the customer's language.</summary>
    (string Yes, string No) ConfirmChoices(ITurnContext turnContext);
}

public enum PromptKind
{
    Choice,
    Confirm,
}

public static class PromptStyle
{
    private const string TurnStateKey = "IqosBot.PromptStyle";

    public static void Use(ITurnContext turnContext, IPromptStyle style)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Set(TurnStateKey, style);
    }

    /// <summary>The turn's style, else the plain one.</summary>
    public static IPromptStyle For(ITurnContext turnContext)
        => turnContext.TurnState.Get<IPromptStyle>(TurnStateKey) ?? PlainPromptStyle.Instance;
}

/// <summary>English text with suggested actions: what a prompt looks like in a bot that chose no style.</summary>
public sealed class PlainPromptStyle : IPromptStyle
{
    public static PlainPromptStyle Instance { get; } = new();

    public Activity Render(ITurnContext turnContext, string text, IReadOnlyList<Choice> choices)
    {
        var activity = (Activity)MessageFactory.Text(text);
        activity.SuggestedActions = new SuggestedActions
        {
            Actions = choices.Select(choice => choice.Title ?? choice.Value)
                .Select(shown => new CardAction(ActionTypes.ImBack, shown, value: shown))
                .ToList(),
        };
        return activity;
    }

    public string RetryText(ITurnContext turnContext, PromptKind kind)
        => kind == PromptKind.Confirm ? "Please answer yes or no." : "Please choose one of the options.";

    public (string Yes, string No) ConfirmChoices(ITurnContext turnContext) => ("Yes", "No");
}
