using System.Text;
using System.Text.Json.Nodes;

namespace IqosBot.Tools.Demo;

/// <summary>
/// One message from the bot (or from an agent, which the bot relays) as a customer sees it: its text, the text of its
/// cards, and its suggested actions. The customer reads <see cref="Seen"/> to recognise what the bot asks.
/// </summary>
internal sealed class BotMessage
{
    private BotMessage(string? replyToId, string seen, IReadOnlyList<string> suggestions)
    {
        ReplyToId = replyToId;
        Seen = seen;
        Suggestions = suggestions;
    }

    /// <summary>The customer's message this answers; null for what the bot says on its own (queue news, an agent).</summary>
    public string? ReplyToId { get; }

    /// <summary>The text and every text of the cards, one a line.</summary>
    public string Seen { get; }

    /// <summary>The titles of the suggested actions (what a click sends as text).</summary>
    public IReadOnlyList<string> Suggestions { get; }

    /// <summary>A bot message from the Direct Line log, or null for anything else (the customer's echo, typing, events).</summary>
    public static BotMessage? From(JsonNode? activity)
    {
        if (activity is not JsonObject json
            || json["type"]?.GetValue<string>() != "message"
            || json["from"]?["role"]?.GetValue<string>() != "bot")
        {
            return null;
        }

        var seen = new StringBuilder();
        if (json["text"]?.GetValue<string>() is { Length: > 0 } text)
        {
            seen.AppendLine(text);
        }

        if (json["attachments"] is JsonArray attachments)
        {
            foreach (var attachment in attachments)
            {
                CollectTexts(attachment?["content"], seen);
            }
        }

        var suggestions = new List<string>();
        if (json["suggestedActions"]?["actions"] is JsonArray actions)
        {
            foreach (var action in actions)
            {
                if ((action?["title"] ?? action?["value"])?.GetValue<string>() is { Length: > 0 } title)
                {
                    suggestions.Add(title);
                }
            }
        }

        return new BotMessage(json["replyToId"]?.GetValue<string>(), seen.ToString(), suggestions);
    }

    /// <summary>Every "text", "title" and "value" string of a card, however deep: Adaptive Cards nest their text blocks in containers and fact sets.</summary>
    private static void CollectTexts(JsonNode? node, StringBuilder seen)
    {
        switch (node)
        {
            case JsonObject json:
                foreach (var (name, value) in json)
                {
                    if (name is "text" or "title" or "value" or "speak" && value is JsonValue leaf && leaf.TryGetValue<string>(out var text))
                    {
                        seen.AppendLine(text);
                    }
                    else
                    {
                        CollectTexts(value, seen);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    CollectTexts(item, seen);
                }

                break;
        }
    }
}
