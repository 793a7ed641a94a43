using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace IqosBot.DialogEngine.Tests.Harness;

/// <summary>Reads a reply the way the user sees it: its text, its buttons, its cards.</summary>
public static class Replies
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public static IReadOnlyList<string> Texts(this IEnumerable<Activity> replies) => replies.Select(reply => reply.Text).ToList();

    /// <summary>Titles of the suggested actions; empty when there are none.</summary>
    public static IReadOnlyList<string> SuggestedTitles(this Activity reply)
        => reply.SuggestedActions?.Actions?.Select(action => action.Title).ToList() ?? [];

    public static IReadOnlyList<string> SuggestedValues(this Activity reply)
        => reply.SuggestedActions?.Actions?.Select(action => action.Value?.ToString() ?? string.Empty).ToList() ?? [];

    public static JObject? AdaptiveCard(this Activity reply)
        => reply.Attachments?.SingleOrDefault(attachment => attachment.ContentType == AdaptiveCardContentType)?.Content as JObject;
}

/// <summary>Short ways to write the activities test dialogs send.</summary>
public static class Say
{
    public static Activity Text(string text) => (Activity)MessageFactory.Text(text);
}
