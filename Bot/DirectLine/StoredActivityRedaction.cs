using System.Globalization;
using IqosBot.Dialogs.Understanding;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IqosBot.DirectLine;

/// <summary>
/// Removes personal identity and card numbers from a customer's activity as the Direct Line log keeps it and
/// clients get it back (GDPR, issue #15). A client can put a number anywhere it likes, not only in <c>text</c>:
/// in <c>value</c>, <c>channelData</c>, an attachment's name or content, <c>speak</c>, fields the schema does
/// not know. So every string and long number the customer sent is checked, property names included, and only
/// the fields the server sets itself (ids, times, accounts) are left unread.
/// </summary>
internal static class StoredActivityRedaction
{
    /// <summary>Set by the server (DirectLineEndpoints.AcceptAsync, DirectLineHub.AppendAsync), not typed by the customer: kept exactly.</summary>
    private static readonly HashSet<string> ServerFields = new(StringComparer.Ordinal)
    {
        "type", "id", "timestamp", "channelId", "serviceUrl", "from", "recipient", "conversation", "replyToId",
    };

    /// <summary>
    /// <paramref name="activityJson"/> with every personal identity or card number the customer sent replaced;
    /// the same string when there is none, so an ordinary activity is stored byte for byte as serialized.
    /// </summary>
    public static string Apply(string activityJson)
    {
        ArgumentNullException.ThrowIfNull(activityJson);

        // Dates stay the strings they were: reading them as dates would rewrite them in another format or zone.
        // The depth was bounded when the client's body was read (JsonLimits.MaxDepth); this is the server's own output.
        using var reader = new JsonTextReader(new StringReader(activityJson)) { DateParseHandling = DateParseHandling.None, MaxDepth = null, ArrayPool = Storage.JsonCharPool.Instance };
        var activity = JObject.Load(reader);
        var changed = false;
        foreach (var property in activity.Properties().ToList())
        {
            if (!ServerFields.Contains(property.Name))
            {
                changed |= Clean(activity, property);
            }
        }

        return changed ? activity.ToString(Formatting.None) : activityJson;
    }

    /// <summary>Cleans a property's value and then its name. Returns whether anything changed.</summary>
    private static bool Clean(JObject owner, JProperty property)
    {
        var changed = Clean(property.Value);
        if (SensitiveNumbers.Contains(property.Name))
        {
            // A name is a key too (an input's id, a form field): it goes like any other text.
            property.Replace(new JProperty(FreeName(owner, SensitiveNumbers.Redact(property.Name)), property.Value));
            changed = true;
        }

        return changed;
    }

    private static bool Clean(JToken token)
    {
        switch (token)
        {
            case JObject value:
                var changed = false;
                foreach (var property in value.Properties().ToList())
                {
                    changed |= Clean(value, property);
                }

                return changed;
            case JArray array:
                var any = false;
                foreach (var item in array)
                {
                    any |= Clean(item);
                }

                return any;
            case JValue value when Cleaned(value) is { } cleaned:
                value.Value = cleaned;
                return true;
            default:
                return false;
        }
    }

    /// <summary>What replaces <paramref name="value"/>, or null when it holds no personal identity or card number.</summary>
    private static string? Cleaned(JValue value)
    {
        if (value.Type == JTokenType.String && value.Value is string text)
        {
            var cleaned = text.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? DataUrlRedaction.Apply(text) : Redacted(text);
            return ReferenceEquals(cleaned, text) ? null : cleaned;
        }

        // 198112189876 or 4111111111111111 sent as a JSON number is the same number as in quotes: it becomes the marker text.
        return WholeNumber(value) is { } digits && SensitiveNumbers.Contains(digits) ? SensitiveNumbers.Redact(digits) : null;
    }

    /// <summary>The digits of a whole JSON number; a double (4.111111111111111E+15, 198112189876.0) in full.</summary>
    private static string? WholeNumber(JValue value) => value.Type switch
    {
        JTokenType.Integer => Convert.ToString(value.Value, CultureInfo.InvariantCulture),
        JTokenType.Float when value.Value is double number && Math.Abs(number) < 1e20 && number == Math.Floor(number)
            => number.ToString("F0", CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>The text with its numbers removed, or the very same instance when there is nothing to remove.</summary>
    internal static string Redacted(string text) => SensitiveNumbers.Contains(text) ? SensitiveNumbers.Redact(text) : text;

    /// <summary><paramref name="name"/>, or with " 2", " 3"… when another property of the object is already called that.</summary>
    private static string FreeName(JObject owner, string name)
    {
        var candidate = name;
        for (var number = 2; owner.ContainsKey(candidate); number++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{name} {number}");
        }

        return candidate;
    }
}
