using IqosBot.Cards;
using IqosBot.Dialogs.Faq;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Listening;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IqosBot.Dialogs.Common;

namespace IqosBot.Dialogs.Main;

/// <summary>
/// What the bot says when a customer leaves what it was asking: cancel ends with the menu, thanks with
/// "anything else?" (the conversation stays open), goodbye with a goodbye (no menu), and the journey's note
/// ("No device has been registered.") in front. Never the offer of a person.
/// </summary>
internal static class LeaveReplies
{
    public static IActivity[] For(ITurnContext context, Leaving leaving, FaqKnowledge knowledge)
    {
        var language = context.GetLanguage();
        var note = leaving.Note;
        return leaving.Kind switch
        {
            LeaveKind.Cancel =>
            [
                MessageFactory.Text(Join(Texts.Get(language, TextKey.InterruptionCancelled), note)),
                MainMenu.Message(context, TextKey.AnythingElse),
            ],
            LeaveKind.Thanks => [.. Note(note), Menu(context, knowledge.Text(language, Intents.Thanks))],
            LeaveKind.Goodbye => [MessageFactory.Text(Join(note, knowledge.Text(language, Intents.Goodbye)))],
            LeaveKind.Solved => [.. Note(note), MainMenu.Message(context, TextKey.AnythingElse)],

            // Under 18: the policy has said why; nothing is offered.
            _ => [],
        };
    }

    private static IActivity[] Note(string? note) => note is null ? [] : [MessageFactory.Text(note)];

    private static string Join(string? first, string? second)
        => string.Join(' ', new[] { first, second }.Where(part => !string.IsNullOrEmpty(part)));

    /// <summary>A text that ends with a question ("anything else?") and the menu's buttons under it.</summary>
    private static Activity Menu(ITurnContext context, string text)
    {
        var buttons = MainMenu.Choices(context.GetLanguage()).Select(choice => new ChoiceButton(choice.Title!, choice.Title!)).ToList();
        return ChoiceMessage.Create(text, buttons, ChannelInfo.From(context.Activity));
    }
}
