using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace IqosBot.DirectLine;

/// <summary>
/// The replies a turn had already sent when it was cut off (its instance was killed mid-turn), in order. The turn
/// runs again from the saved state, so it says the same again: while it does, each reply is matched to the one
/// already in the log instead of being sent twice, and the customer sees the answer once, completed. From the first
/// reply that differs on, everything is new.
/// </summary>
internal sealed class SentReplies
{
    public const string TurnStateKey = "IqosBot.DirectLine.SentReplies";

    /// <summary>What a customer sees of a reply; ids, times and accounts differ between the two runs and are not compared.</summary>
    private static readonly string[] ShownFields =
        ["type", "text", "speak", "textFormat", "inputHint", "attachmentLayout", "attachments", "suggestedActions", "name", "value"];

    private readonly Queue<JObject> _sent;

    private SentReplies(Queue<JObject> sent)
    {
        _sent = sent;
    }

    /// <summary>The replies to <paramref name="activityId"/> among <paramref name="logged"/> (activities after the turn cursor); null when there are none.</summary>
    public static SentReplies? For(string activityId, IEnumerable<string> logged)
    {
        ArgumentNullException.ThrowIfNull(logged);
        var marker = "\"replyToId\":\"" + activityId + "\"";
        var replies = new Queue<JObject>(logged
            .Where(json => json.Contains(marker, StringComparison.Ordinal))
            .Select(JObject.Parse)
            .Where(reply => reply.Value<string>("replyToId") == activityId));
        return replies.Count == 0 ? null : new SentReplies(replies);
    }

    /// <summary>
    /// The id of the logged reply <paramref name="outgoing"/> repeats, taken off the list; null when it is new (and
    /// then nothing after it counts as sent either). Typing is never kept, so it is neither matched nor a difference.
    /// </summary>
    public string? TakeIfSame(Activity outgoing)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        if (_sent.Count == 0 || outgoing.Type == ActivityTypes.Typing)
        {
            return null;
        }

        var shown = JObject.Parse(DirectLineHub.Serialize(outgoing));
        var logged = _sent.Dequeue();
        if (ShownFields.All(field => JToken.DeepEquals(shown[field], logged[field])))
        {
            return logged.Value<string>("id");
        }

        _sent.Clear();
        return null;
    }
}
