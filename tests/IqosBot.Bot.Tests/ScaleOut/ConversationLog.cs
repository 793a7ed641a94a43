using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.ScaleOut;

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
    /// turns' answers interleave (as they would if two turns of the conversation ran at once). Every answer must also
    /// come after the message it answers.
    /// </summary>
    public static List<string> AnswerRuns(List<JObject> log, IReadOnlyCollection<string> sent)
    {
        var runs = new List<string>();
        var positions = log.Select((activity, index) => (Id(activity), index)).ToDictionary(pair => pair.Item1, pair => pair.index);
        for (var index = 0; index < log.Count; index++)
        {
            var activity = log[index];
            if (!FromBot(activity) || activity.Value<string>("replyToId") is not { } answered || !sent.Contains(answered))
            {
                continue;
            }

            Assert.True(positions.TryGetValue(answered, out var asked) && asked < index, $"The answer {Id(activity)} is not after the message {answered} it answers.");
            if (runs.Count == 0 || runs[^1] != answered)
            {
                runs.Add(answered);
            }
        }

        return runs;
    }
}
