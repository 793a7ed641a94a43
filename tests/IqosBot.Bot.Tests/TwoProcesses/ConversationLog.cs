using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.TwoProcesses;

/// <summary>Reading a Direct Line conversation's log: who said what, and which message each answer replies to.</summary>
public static class ConversationLog
{
    public static string Id(JObject activity) => activity.Value<string>("id")!;

    public static bool FromBot(JObject activity) => activity["from"]?.Value<string>("role") == "bot";

    public static IEnumerable<JObject> CustomerMessages(IEnumerable<JObject> log)
        => log.Where(activity => activity.Value<string>("type") == "message" && activity["from"]?.Value<string>("role") == "user");

    /// <summary>
    /// The messages of <paramref name="sent"/> in the order their answers appear in the log, each once per unbroken
    /// run of its answers: equal to <paramref name="sent"/> when every message was answered, in order, and no two
    /// turns' answers interleave (as they would if two turns of the conversation ran at once).
    /// </summary>
    public static List<string> AnswerRuns(List<JObject> log, IReadOnlyCollection<string> sent)
    {
        var runs = new List<string>();
        foreach (var answered in log.Where(FromBot).Select(activity => activity.Value<string>("replyToId")))
        {
            if (answered is not null && sent.Contains(answered) && (runs.Count == 0 || runs[^1] != answered))
            {
                runs.Add(answered);
            }
        }

        return runs;
    }

    /// <summary>The ids of answers that stand in the log before the message they answer (none, when all is well).</summary>
    public static List<string> AnswersBeforeTheirMessage(List<JObject> log)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < log.Count; index++)
        {
            positions.TryAdd(Id(log[index]), index);
        }

        return log.Where((activity, index) => FromBot(activity)
                && activity.Value<string>("replyToId") is { } answered
                && positions.TryGetValue(answered, out var asked)
                && asked > index)
            .Select(Id)
            .ToList();
    }

    /// <summary>What a customer sees of a bot activity: its kind, text, cards and buttons (not its id or time).</summary>
    public static string Shown(JObject activity) => new JObject
    {
        ["type"] = activity["type"],
        ["text"] = activity["text"],
        ["attachments"] = activity["attachments"],
        ["suggestedActions"] = activity["suggestedActions"],
    }.ToString(Newtonsoft.Json.Formatting.None);
}
