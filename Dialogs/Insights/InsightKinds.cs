namespace IqosBot.Dialogs.Insights;

/// <summary>
/// The kinds of event the team's insights count (<c>/agent/insights</c>). Each is a name from a closed set with, at
/// most, another name, a closed-set value and a number: never what the customer wrote (the host keeps the messages
/// the bot did not understand apart, masked, with the retention of transcripts).
/// </summary>
public static class InsightKinds
{
    /// <summary>The bot welcomed a new conversation (the host adds channel and language to every event).</summary>
    public const string Started = "started";

    /// <summary>
    /// A customer message and what the bot acted on: name = intent or rule, value = who decided ("recognizer:embedded",
    /// "recognizer:clu", "rule:&lt;name&gt;", "prompt", "person"), number = the recognizer's best score.
    /// </summary>
    public const string Recognized = "recognized";

    /// <summary>The bot did not understand (value <see cref="NotUnderstood"/>) or asked which of two was meant (<see cref="DidYouMean"/>).</summary>
    public const string Fallback = "fallback";

    /// <summary>An FAQ answer was shown: name = the answer's intent.</summary>
    public const string FaqAnswer = "faq_answer";

    /// <summary>"Did this help?" answered: name = the answer's intent, value <see cref="Helped"/> or <see cref="NotHelped"/>.</summary>
    public const string FaqFeedback = "faq_feedback";

    /// <summary>A journey began: name = the journey (registration, warranty, broken, claim, handoff).</summary>
    public const string JourneyStarted = "journey_started";

    /// <summary>A journey asked a question: name = the journey, value = the question's id (regSerial, claimEmail, …).</summary>
    public const string JourneyStep = "journey_step";

    /// <summary>A journey ended: name = the journey, value = one of <see cref="JourneyOutcomes"/>.</summary>
    public const string JourneyEnded = "journey_ended";

    /// <summary>The customer asked for (or accepted the offer of) a person: name = the trigger, value = the journey left.</summary>
    public const string HandoffRequested = "handoff_requested";

    /// <summary>The conversation joined the agents' queue (or the contact centre's).</summary>
    public const string Queued = "queued";

    /// <summary>The customer left the queue before an agent took the chat.</summary>
    public const string QueueLeft = "queue_left";

    /// <summary>An agent took the chat: number = seconds waited in the queue.</summary>
    public const string Accepted = "accepted";

    /// <summary>The agent closed the chat: number = seconds from accept to close.</summary>
    public const string Closed = "closed";

    /// <summary>Out of hours, the customer asked to be called back (a ticket for the agents).</summary>
    public const string Callback = "callback";

    /// <summary>The customer rated the chat: number = 1–5, value = "comment" when they also wrote one.</summary>
    public const string Rating = "rating";

    public const string NotUnderstood = "not_understood";
    public const string DidYouMean = "did_you_mean";
    public const string Helped = "helped";
    public const string NotHelped = "not_helped";
}

/// <summary>How a journey ended, as <see cref="InsightKinds.JourneyEnded"/> values.</summary>
public static class JourneyOutcomes
{
    /// <summary>It did what it was for: a device registered, a warranty shown, a claim filed.</summary>
    public const string Completed = "completed";

    /// <summary>The benefits API failed; the customer got an apology and the way to a person.</summary>
    public const string Failed = "failed";

    /// <summary>The answer was no: a claim not covered, a serial that is someone else's, a minor.</summary>
    public const string Refused = "refused";

    /// <summary>Troubleshooting fixed the device.</summary>
    public const string Solved = "solved";

    /// <summary>The customer left: cancel, never mind, goodbye.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The journey went to a person (asked for, or after two unusable answers).</summary>
    public const string HandedOver = "handed_over";

    /// <summary>The customer switched to another request.</summary>
    public const string Switched = "switched";

    /// <summary>It ended without naming how (the customer said no to an offer, nothing was left to ask).</summary>
    public const string Ended = "ended";
}

/// <summary>The journeys as the team's insights name them.</summary>
public static class JourneyNames
{
    public const string Registration = "registration";
    public const string Warranty = "warranty";
    public const string Broken = "broken";

    /// <summary>The claim inside the broken-device journey, counted on its own for its funnel.</summary>
    public const string Claim = "claim";

    public const string Handoff = "handoff";
}
