using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace IqosBot.Dialogs.Tests.Harness;

/// <summary>The replies a customer reads, without typing indicators and recognizer traces.</summary>
public static class MessageReplies
{
    public static IReadOnlyList<Activity> Messages(this IEnumerable<Activity> replies)
        => replies.Where(reply => reply.Type == ActivityTypes.Message).ToList();

    /// <summary>Every reply as JSON (texts, cards, buttons, speak), to show that something appears in none of them.</summary>
    public static string AllJson(this IEnumerable<Activity> replies)
        => string.Join("\n", replies.Select(reply => JsonConvert.SerializeObject(reply)));
}
