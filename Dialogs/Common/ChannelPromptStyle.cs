using IqosBot.Cards;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Common;

/// <summary>
/// The bot's prompts: options as the customer's channel shows them (card buttons, suggested actions or a
/// numbered list), retry and yes/no texts in the customer's language.
/// </summary>
public sealed class ChannelPromptStyle : IPromptStyle
{
    public static ChannelPromptStyle Instance { get; } = new();

    /// <summary>
    /// A button sends back what it shows: imBack posts its value into the chat as the customer's message,
    /// and an internal value ("register") would read as English in a Swedish conversation. The title is
    /// recognised like the value.
    /// </summary>
    public Activity Render(ITurnContext turnContext, string text, IReadOnlyList<Choice> choices)
        => ChoiceMessage.Create(
            text,
            choices.Select(choice => choice.Title ?? choice.Value).Select(shown => new ChoiceButton(shown, shown)).ToList(),
            ChannelInfo.From(turnContext.Activity));

    public string RetryText(ITurnContext turnContext, PromptKind kind)
        => Texts.Get(turnContext.GetLanguage(), kind == PromptKind.Confirm ? TextKey.ConfirmRetry : TextKey.ChoiceRetry);

    public (string Yes, string No) ConfirmChoices(ITurnContext turnContext)
    {
        var language = turnContext.GetLanguage();
        return (Texts.Get(language, TextKey.ConfirmYes), Texts.Get(language, TextKey.ConfirmNo));
    }
}
