using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace IqosBot.Handoff;

/// <summary>
/// What a message said, as one line of text for a transcript: its text, else the text of its cards
/// (Adaptive Card text blocks and facts, hero card title and text), with any buttons in brackets.
/// </summary>
public static class ActivityText
{
    public static string Of(IMessageActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var builder = new StringBuilder(activity.Text?.Trim() ?? string.Empty);
        if (builder.Length == 0 && activity.Attachments is { Count: > 0 } attachments)
        {
            foreach (var attachment in attachments)
            {
                AppendCard(builder, attachment.Content);
            }
        }

        if (activity.SuggestedActions?.Actions is { Count: > 0 } actions)
        {
            Separate(builder).Append('[').AppendJoin(" | ", actions.Select(action => action.Title ?? action.Value?.ToString())).Append(']');
        }

        return builder.ToString();
    }

    private static void AppendCard(StringBuilder builder, object? content)
    {
        switch (content)
        {
            case HeroCard hero:
                Append(builder, hero.Title);
                Append(builder, hero.Text);
                if (hero.Buttons is { Count: > 0 } buttons)
                {
                    Separate(builder).Append('[').AppendJoin(" | ", buttons.Select(button => button.Title)).Append(']');
                }

                break;
            case JToken token:
                AppendAdaptive(builder, token);
                break;
        }
    }

    /// <summary>Text blocks and facts in document order; the rest of a card is layout.</summary>
    private static void AppendAdaptive(StringBuilder builder, JToken token)
    {
        switch (token)
        {
            case JObject element:
                switch (element.Value<string>("type"))
                {
                    case "TextBlock":
                        Append(builder, element.Value<string>("text"));
                        return;
                    case "Fact" or null when element["title"] is not null && element["value"] is not null:
                        Append(builder, $"{element.Value<string>("title")}: {element.Value<string>("value")}");
                        return;
                }

                foreach (var property in element.Properties())
                {
                    if (property.Value is JObject or JArray)
                    {
                        AppendAdaptive(builder, property.Value);
                    }
                }

                break;
            case JArray array:
                foreach (var item in array)
                {
                    AppendAdaptive(builder, item);
                }

                break;
        }
    }

    private static void Append(StringBuilder builder, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            Separate(builder).Append(text.Trim());
        }
    }

    private static StringBuilder Separate(StringBuilder builder) => builder.Length > 0 ? builder.Append(' ') : builder;
}
