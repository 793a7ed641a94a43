using System.Net;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Hosting;

/// <summary>The HTTP answer to one activity, with the bot's replies when it sent any.</summary>
public sealed class BotReply
{
    public BotReply(HttpStatusCode status, string body)
    {
        Status = status;
        Body = body;
        Activities = status == HttpStatusCode.OK && body.TrimStart().StartsWith('{')
            ? (JObject.Parse(body)["activities"] as JArray ?? []).Cast<JObject>().ToList()
            : [];
    }

    public HttpStatusCode Status { get; }

    public string Body { get; }

    public IReadOnlyList<JObject> Activities { get; }

    public IReadOnlyList<string> Texts => Activities.Select(a => (string?)a["text"]).OfType<string>().ToList();

    /// <summary>The titles of the suggested actions on the last reply, where Web Chat and the Emulator show them.</summary>
    public IReadOnlyList<string> SuggestedActions => Activities.LastOrDefault()?["suggestedActions"]?["actions"] is JArray actions
        ? actions.Select(action => (string)action["title"]!).ToList()
        : [];

    public IEnumerable<JObject> AdaptiveCards => Activities
        .SelectMany(a => a["attachments"] as JArray ?? [])
        .Where(attachment => (string?)attachment["contentType"] == "application/vnd.microsoft.card.adaptive")
        .Select(attachment => (JObject)attachment["content"]!);
}
