using IqosBot.Cards;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace IqosBot.Dialogs.Tests.Harness;

/// <summary>Reads a reply the way the customer sees it: its text, its buttons, its cards.</summary>
public static class Replies
{
    public static IReadOnlyList<string> Texts(this IEnumerable<Activity> replies) => replies.Select(reply => reply.Text).ToList();

    /// <summary>Titles of the suggested actions; empty when there are none.</summary>
    public static IReadOnlyList<string> SuggestedTitles(this Activity reply)
        => reply.SuggestedActions?.Actions?.Select(action => action.Title).ToList() ?? [];

    public static IReadOnlyList<string> SuggestedValues(this Activity reply)
        => reply.SuggestedActions?.Actions?.Select(action => action.Value?.ToString() ?? string.Empty).ToList() ?? [];

    public static HeroCard? HeroCard(this Activity reply)
        => reply.Attachments?.SingleOrDefault(attachment => attachment.ContentType == Microsoft.Bot.Schema.HeroCard.ContentType)?.Content as HeroCard;

    public static JObject? AdaptiveCard(this Activity reply)
        => reply.Attachments?.SingleOrDefault(attachment => attachment.ContentType == CardTemplates.AdaptiveCardContentType)?.Content as JObject;

    /// <summary>Every string in an Adaptive Card (texts, fact titles and values, action urls).</summary>
    public static IReadOnlyList<string> CardStrings(this JObject card)
        => card.Descendants().OfType<JValue>().Where(value => value.Type == JTokenType.String).Select(value => (string)value!).ToList();

    /// <summary>The value of a FactSet fact, by its title.</summary>
    public static string? Fact(this JObject card, string title)
        => card.Descendants().OfType<JObject>()
            .FirstOrDefault(fact => fact.Value<string>("title") == title && fact["value"] is not null)?.Value<string>("value");
}
