using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.TwoProcesses;

/// <summary>
/// What a soak conversation must show: the same answers, turn by turn, as one undisturbed instance gives the same
/// script (the reference); every message in the log once and in order; answers in order and never interleaved;
/// and the socket delivering exactly the log, each activity once.
/// </summary>
public sealed class SoakVerdict
{
    private readonly List<string> _welcome;
    private readonly List<List<string>> _answers;

    /// <param name="reference">The script run once on one instance, alone: its answers are the expected ones.</param>
    public SoakVerdict(SoakConversation reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _welcome = Welcome(reference);
        _answers = reference.SentIds.Select(id => Answers(reference.Log, id)).ToList();
        if (reference.Problems.Count > 0 || _answers.Any(answers => answers.Count == 0) || _welcome.Count == 0)
        {
            throw new InvalidOperationException("The reference run itself went wrong: " + string.Join("; ", reference.Problems) + " " + new JArray(reference.Log));
        }
    }

    /// <summary>Everything wrong with one conversation, each problem one line naming the conversation and turn.</summary>
    public IEnumerable<string> Problems(SoakConversation run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var name = $"conversation {run.Number} ({run.ConversationId})";
        foreach (var problem in run.Problems)
        {
            yield return $"{name}: {problem}";
        }

        var clientIds = ConversationLog.CustomerMessages(run.Log).Select(message => message["channelData"]?.Value<string>("clientActivityID")).ToList();
        var expectedClientIds = Enumerable.Range(0, run.SentIds.Count).Select(turn => SoakConversation.ClientId(run.Number, turn)).ToList();
        if (!clientIds.SequenceEqual(expectedClientIds))
        {
            yield return $"{name}: the log's messages are [{string.Join(", ", clientIds)}], not the {expectedClientIds.Count} sent once each in order";
        }

        var runs = ConversationLog.AnswerRuns(run.Log, run.SentIds);
        if (!runs.SequenceEqual(run.SentIds))
        {
            yield return $"{name}: answers in the log to [{string.Join(", ", runs.Select(id => run.SentIds.IndexOf(id)))}], not to each message in turn without interleaving";
        }

        foreach (var early in ConversationLog.AnswersBeforeTheirMessage(run.Log))
        {
            yield return $"{name}: the answer {early} stands before its message";
        }

        if (!Welcome(run).SequenceEqual(_welcome))
        {
            yield return $"{name}: the welcome differs from the reference's: {string.Join(" | ", Welcome(run))}";
        }

        for (var turn = 0; turn < run.SentIds.Count; turn++)
        {
            var answers = Answers(run.Log, run.SentIds[turn]);
            if (!answers.SequenceEqual(_answers[turn]))
            {
                yield return $"{name}, turn {turn}: {answers.Count} answers where the reference has {_answers[turn].Count}: {string.Join(" | ", answers.Select(Short))}";
            }
        }

        if (run.RepeatedOnSocket > 0)
        {
            yield return $"{name}: the socket delivered {run.RepeatedOnSocket} activities twice";
        }

        var delivered = run.Delivered.Select(ConversationLog.Id).ToList();
        var logged = run.Log.Select(ConversationLog.Id).ToList();
        if (run.Log.Count > 0 && !delivered.SequenceEqual(logged))
        {
            var missed = logged.Except(delivered).Select(id => Describe(run.Log, id));
            var unlogged = delivered.Except(logged).Select(id => Describe(run.Delivered, id));
            yield return $"{name}: the socket delivered {delivered.Count} activities, the log holds {logged.Count}; "
                + $"not delivered: [{string.Join(", ", missed)}]; not in the log: [{string.Join(", ", unlogged)}]"
                + (logged.Intersect(delivered).SequenceEqual(delivered.Intersect(logged)) ? string.Empty : "; and in another order");
        }
    }

    /// <summary>What the bot said in answer to one message, in order, as the customer sees it.</summary>
    private static List<string> Answers(List<JObject> log, string messageId) => log
        .Where(activity => ConversationLog.FromBot(activity) && activity.Value<string>("replyToId") == messageId)
        .Select(ConversationLog.Shown)
        .ToList();

    /// <summary>
    /// What the bot said in its welcome (the replies to the conversation's start, "cu-…"), in order. Not "everything
    /// before the customer's first line": a customer may write as soon as the greeting shows, and when the welcome was
    /// cut off by the kill its rest comes after that line (before the line's own answer), complete and once.
    /// </summary>
    private static List<string> Welcome(SoakConversation run) => run.Log
        .Where(activity => ConversationLog.FromBot(activity) && (activity.Value<string>("replyToId") ?? string.Empty).StartsWith("cu-", StringComparison.Ordinal))
        .Select(ConversationLog.Shown)
        .ToList();

    /// <summary>An activity by its id, who sent it and what it answers, for a problem's line.</summary>
    private static string Describe(List<JObject> activities, string id)
    {
        var activity = activities.First(candidate => ConversationLog.Id(candidate) == id);
        return $"{id} ({activity["from"]?.Value<string>("role")}, reply to {activity.Value<string>("replyToId") ?? "-"})";
    }

    private static string Short(string shown) => shown.Length <= 80 ? shown : shown[..80] + "…";
}
