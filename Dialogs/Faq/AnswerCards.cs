using IqosBot.Cards;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using Microsoft.Bot.Builder;
using IqosBot.Dialogs.Common;

namespace IqosBot.Dialogs.Faq;

/// <summary>
/// Sends FAQ answer cards, never the same one twice in a row: a customer who gets the card they just read
/// again has not been helped, so the second time the bot says so and gives customer care's details; the
/// caller then offers what fits its place (the menu with a person, or the question that was waiting).
/// </summary>
public static class AnswerCards
{
    /// <returns>True when the card went out; false when it would have repeated the last one and the bot offered other ways instead.</returns>
    public static async Task<bool> SendAsync(ITurnContext turnContext, string topic, FaqAnswer answer, SupportOptions support, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(answer);
        var facts = turnContext.GetFacts();
        var channel = ChannelInfo.From(turnContext.Activity);
        if (facts.LastCard == topic && facts.LastCardTurn >= facts.Turn - 1)
        {
            facts.LastCard = null;
            var language = turnContext.GetLanguage();
            var contact = ContactCard.Create(support, language, channel, Texts.Get(language, TextKey.ListenNotHelping));
            await turnContext.SendActivityAsync(contact, cancellationToken).ConfigureAwait(false);
            return false;
        }

        facts.LastCard = topic;
        facts.LastCardTurn = facts.Turn;
        await turnContext.SendActivityAsync(FaqCard.Create(answer, channel), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
