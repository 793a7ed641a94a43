using IqosBot.Dialogs.Insights;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Insights;

/// <summary>
/// One conversation's events in order, and what the figures ask of it: when and in which language it started,
/// whether the customer wrote, asked for a person, reached one, or gave up half-way.
/// </summary>
public sealed class ConversationTrail
{
    public ConversationTrail(IReadOnlyList<InsightEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("A conversation has at least one event.", nameof(events));
        }

        Events = events;
    }

    public IReadOnlyList<InsightEvent> Events { get; }

    /// <summary>Its first event: a conversation starts when the bot first hears of it.</summary>
    public DateTimeOffset StartedAt => Events[0].At;

    /// <summary>The language of the customer's first message (what they wrote decides), else of its first event.</summary>
    public string Language => (Events.FirstOrDefault(Is(InsightKinds.Recognized)) ?? Events[0]).Language;

    /// <summary>The customer wrote at least once.</summary>
    public bool Engaged => Events.Any(Is(InsightKinds.Recognized));

    public bool Escalated => Events.Any(Is(InsightKinds.HandoffRequested));

    /// <summary>An agent took the chat, or the customer left a number to be called back: a person has it.</summary>
    public bool ReachedPerson => Events.Any(e => e.Kind is InsightKinds.Accepted or InsightKinds.Callback);

    /// <summary>
    /// Gave up without a person: left the queue, cancelled a journey, or went quiet with a journey unfinished (a
    /// journey started and never ended). A request for a person that reached one is no abandonment.
    /// </summary>
    public bool Abandoned
        => Engaged && !ReachedPerson
           && (Events.Any(Is(InsightKinds.QueueLeft))
               || Events.Any(e => e.Kind == InsightKinds.JourneyEnded && e.Value == JourneyOutcomes.Cancelled)
               || UnfinishedJourney());

    /// <summary>Whether the conversation got to a step of a funnel (the step ids are unique across journeys).</summary>
    public bool Reached(string journey, string step) => step switch
    {
        Funnels.Started => Events.Any(e => e.Kind == InsightKinds.JourneyStarted && e.Name == journey),
        Funnels.Completed => Events.Any(e => e.Kind == InsightKinds.JourneyEnded && e.Name == journey && e.Value == JourneyOutcomes.Completed),
        _ => Events.Any(e => e.Kind == InsightKinds.JourneyStep && e.Value == step),
    };

    /// <summary>What led to each request for a person in this conversation (<see cref="EscalationTriggers"/>).</summary>
    public IEnumerable<string> EscalationTriggers()
    {
        for (var i = 0; i < Events.Count; i++)
        {
            if (Events[i].Kind == InsightKinds.HandoffRequested)
            {
                yield return Insights.EscalationTriggers.Before(Events, i);
            }
        }
    }

    private bool UnfinishedJourney()
    {
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in Events)
        {
            // The handoff has its own counts (queue left, accepted); a claim runs inside the broken-device journey,
            // whose end is always recorded (a claim that sent the customer to register first has no end of its own).
            if (e.Name is not { } journey || journey is JourneyNames.Handoff or JourneyNames.Claim)
            {
                continue;
            }

            if (e.Kind == InsightKinds.JourneyStarted)
            {
                open[journey] = open.GetValueOrDefault(journey) + 1;
            }
            else if (e.Kind == InsightKinds.JourneyEnded && open.GetValueOrDefault(journey) > 0)
            {
                open[journey]--;
            }
        }

        return open.Values.Any(count => count > 0);
    }

    private static Func<InsightEvent, bool> Is(string kind) => e => e.Kind == kind;
}

/// <summary>
/// Why a customer went to a person, read from what came just before the request: they asked ("prata med en person"),
/// an answer did not help, the benefits API failed, the bot did not understand, or the bot offered it (after two
/// unusable answers). Never guessed further back than a few events.
/// </summary>
public static class EscalationTriggers
{
    public const string Asked = "asked";
    public const string AnswerNotHelped = "answer_not_helped";
    public const string ApiFailure = "api_failure";
    public const string NotUnderstood = "not_understood";
    public const string Offered = "offered";

    private const int LookBack = 12;

    public static string Before(IReadOnlyList<InsightEvent> events, int handoffIndex)
    {
        ArgumentNullException.ThrowIfNull(events);
        for (var i = handoffIndex - 1; i >= Math.Max(0, handoffIndex - LookBack); i--)
        {
            var e = events[i];
            switch (e.Kind)
            {
                case InsightKinds.Recognized when e.Name == Intents.HumanAgent:
                    return Asked;
                case InsightKinds.FaqFeedback when e.Value == InsightKinds.NotHelped:
                    return AnswerNotHelped;
                case InsightKinds.JourneyEnded when e.Value == JourneyOutcomes.Failed:
                    return ApiFailure;
                case InsightKinds.Fallback when e.Value == InsightKinds.NotUnderstood:
                    return NotUnderstood;
                case InsightKinds.HandoffRequested:
                    return Offered;
            }
        }

        return Offered;
    }
}
