using IqosBot.Dialogs.Common;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Listening;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Insights;

/// <summary>
/// What a journey tells the team's insights without code of its own: that it started, each question it asked (the
/// funnel's steps: the innermost prompt on its stack, once per change), and how it ended. A journey that names its
/// outcome (<see cref="Ended"/>) is counted with it; one that ends without naming one is counted as
/// <see cref="JourneyOutcomes.Ended"/>, never as nothing, so a funnel never loses a customer.
/// </summary>
public static class JourneyInsights
{
    /// <summary>The question last counted as a step, in the journey's own dialog state.</summary>
    private const string StepKey = "insights.step";

    /// <summary>Set once the journey's outcome is counted, so it is counted once.</summary>
    private const string EndedKey = "insights.ended";

    public static void Started(ITurnContext turnContext, string journey)
        => TurnInsights.Record(turnContext, new TurnInsight(InsightKinds.JourneyStarted, journey));

    /// <summary>How the journey ended, named by the journey where it knows (completed, refused, failed, solved).</summary>
    public static void Ended(ITurnContext turnContext, string journey, string outcome)
        => TurnInsights.Record(turnContext, new TurnInsight(InsightKinds.JourneyEnded, journey, outcome));

    /// <summary>How leaving or being sent elsewhere ends the journey that was running.</summary>
    public static string OutcomeOf(DialogInterruption interruption)
    {
        ArgumentNullException.ThrowIfNull(interruption);
        return interruption.Request switch
        {
            Leaving { Kind: LeaveKind.Solved } => JourneyOutcomes.Solved,
            Leaving { Kind: LeaveKind.AdultsOnly } => JourneyOutcomes.Refused,
            Leaving => JourneyOutcomes.Cancelled,
            RouteRequest { Intent: Intents.HumanAgent } => JourneyOutcomes.HandedOver,
            RouteRequest => JourneyOutcomes.Switched,
            _ => JourneyOutcomes.Ended,
        };
    }

    /// <summary>
    /// After one of the journey's turns: a new question on top of its stack is a step reached; an end not yet
    /// counted is counted. <paramref name="recordedBefore"/> is how many events the turn had before the journey ran.
    /// </summary>
    public static void AfterTurn(ITurnContext turnContext, DialogInstance journeyInstance, string journey, DialogTurnResult result, int recordedBefore)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(journeyInstance);
        ArgumentNullException.ThrowIfNull(result);
        var state = journeyInstance.State;
        if (TurnInsights.Of(turnContext).Skip(recordedBefore).Any(insight => insight.Kind == InsightKinds.JourneyEnded && insight.Name == journey))
        {
            state[EndedKey] = true;
        }

        if (result.Status == DialogTurnStatus.Waiting)
        {
            var step = InnermostDialogId(journeyInstance);
            if (step is not null && !string.Equals(step, state.GetOrDefault<string>(StepKey), StringComparison.Ordinal))
            {
                state[StepKey] = step;
                TurnInsights.Record(turnContext, new TurnInsight(InsightKinds.JourneyStep, journey, step));
            }

            return;
        }

        if (!state.ContainsKey(EndedKey))
        {
            state[EndedKey] = true;
            Ended(turnContext, journey, JourneyOutcomes.Ended);
        }
    }

    /// <summary>The id of the dialog on top of the journey's stack, inside components too: the question it is waiting on.</summary>
    private static string? InnermostDialogId(DialogInstance instance)
    {
        string? innermost = null;
        var current = instance;
        for (var depth = 0; depth < 16 && current.State.GetOrDefault<DialogState>(ComponentDialog.PersistedDialogState) is { DialogStack.Count: > 0 } inner; depth++)
        {
            current = inner.DialogStack[0];
            innermost = current.Id;
        }

        return innermost;
    }
}
