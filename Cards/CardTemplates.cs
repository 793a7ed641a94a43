using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace IqosBot.Cards;

/// <summary>
/// Adaptive Card templates kept as JSON resources in this assembly. <c>${name}</c> placeholders in
/// string values are replaced with data; the values are inserted as JSON strings, so customer or API
/// text can never change the card's structure.
/// </summary>
public static class CardTemplates
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    private static readonly ConcurrentDictionary<string, JObject> Cache = new(StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names { get; } = typeof(CardTemplates).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(name => name[ResourcePrefix.Length..^".json".Length])
        .ToArray();

    private static string ResourcePrefix => "IqosBot.Cards.Templates.";

    /// <summary>Binds a template to data and returns the card JSON.</summary>
    public static JObject Bind(string templateName, IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var card = (JObject)Load(templateName).DeepClone();
        foreach (var token in card.Descendants().OfType<JValue>().Where(value => value.Type == JTokenType.String).ToList())
        {
            token.Value = Substitute((string)token.Value!, data, templateName);
        }

        return card;
    }

    public static Attachment ToAttachment(JObject card) => new() { ContentType = AdaptiveCardContentType, Content = card };

    private static JObject Load(string templateName) => Cache.GetOrAdd(templateName, static name =>
    {
        using var stream = typeof(CardTemplates).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".json")
            ?? throw new ArgumentException($"There is no card template '{name}'.", nameof(templateName));
        using var reader = new StreamReader(stream);
        return JObject.Parse(reader.ReadToEnd());
    });

    private static string Substitute(string text, IReadOnlyDictionary<string, string> data, string templateName)
    {
        var start = text.IndexOf("${", StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = text.IndexOf('}', start);
            if (end < 0)
            {
                break;
            }

            var key = text[(start + 2)..end];
            var value = data.TryGetValue(key, out var found)
                ? found
                : throw new ArgumentException($"Card template '{templateName}' needs a value for '{key}'.", nameof(data));
            text = string.Concat(text.AsSpan(0, start), value, text.AsSpan(end + 1));
            start = text.IndexOf("${", start + value.Length, StringComparison.Ordinal);
        }

        return text;
    }
}
