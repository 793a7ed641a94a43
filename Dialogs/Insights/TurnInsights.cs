using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Insights;

/// <summary>One event of a turn, before the host stamps it with the time, conversation, channel and language.</summary>
/// <param name="Kind">One of <see cref="InsightKinds"/>.</param>
/// <param name="Name">An intent, answer, journey or trigger: a name from the bot's own sets.</param>
/// <param name="Value">A closed-set value (an outcome, a step id, who decided).</param>
/// <param name="Number">A score, a rating, seconds.</param>
public sealed record TurnInsight(string Kind, string? Name = null, string? Value = null, double? Number = null);

/// <summary>
/// Where the dialogs note what happened in a turn for the team's insights: a list in the turn's state, which the host
/// takes after the turn and stores (as <see cref="Understanding.TurnDecision"/> is taken for telemetry). The dialogs
/// so know nothing of the store, and a turn pays for a list append, not a write.
/// </summary>
public static class TurnInsights
{
    private const string TurnStateKey = "IqosBot.Insights";

    public static void Record(ITurnContext turnContext, TurnInsight insight)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(insight);
        var list = turnContext.TurnState.Get<List<TurnInsight>>(TurnStateKey);
        if (list is null)
        {
            list = [];
            turnContext.TurnState.Set(TurnStateKey, list);
        }

        list.Add(insight);
    }

    /// <summary>What the turn recorded so far, in order; empty when nothing.</summary>
    public static IReadOnlyList<TurnInsight> Of(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.Get<List<TurnInsight>>(TurnStateKey) ?? (IReadOnlyList<TurnInsight>)[];
    }
}
