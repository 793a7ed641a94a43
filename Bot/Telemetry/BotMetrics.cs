using System.Diagnostics;
using System.Diagnostics.Metrics;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Telemetry;

/// <summary>
/// The bot's own instruments, on the meter <see cref="BotTelemetry.Name"/>: turns and their duration, what the
/// recognizer decided and how sure it was, fallbacks, handoffs, the agents' queue, and the benefits API's
/// failures. Tags are names from closed sets only, so a dashboard can group by them and no series holds
/// personal data. Recording costs next to nothing while no exporter listens (the instrument is not enabled).
/// </summary>
public sealed class BotMetrics
{
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _decisions;
    private readonly Histogram<double> _scores;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _handoffs;
    private readonly Histogram<double> _queueWait;
    private readonly Counter<long> _benefitsFailures;

    // The queue as this instance last saw it (a new case, an announcement round); read by the gauge's callback,
    // which must not query the database. -1 until the queue was first seen.
    private int _queueLength = -1;

    public BotMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(BotTelemetry.Name);
        _turns = meter.CreateCounter<long>("iqosbot.turns", "{turn}", "Turns the bot ran, by channel, activity type and outcome.");
        _turnDuration = meter.CreateHistogram(
            "iqosbot.turn.duration", "s", "How long a turn took, from the activity reaching the bot to its last reply sent.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _decisions = meter.CreateCounter<long>("iqosbot.intents", "{message}", "Messages by the intent or rule the bot acted on and what decided it.");
        _scores = meter.CreateHistogram(
            "iqosbot.intent.score", "1", "The recognizer's best score for a message it scored, by the intent acted on.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] });
        _fallbacks = meter.CreateCounter<long>("iqosbot.fallbacks", "{message}", "Messages the bot did not understand (not_understood) or had to ask about (did_you_mean).");
        _handoffs = meter.CreateCounter<long>("iqosbot.handoffs", "{case}", "Conversations handed to a person, by what the customer was doing and how.");
        _queueWait = meter.CreateHistogram(
            "iqosbot.queue.wait", "s", "How long a customer waited in the queue before an agent accepted the chat.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600] });
        _benefitsFailures = meter.CreateCounter<long>("iqosbot.benefits.failures", "{request}", "Benefits API calls that got no usable answer, by operation and reason.");
        meter.CreateObservableGauge("iqosbot.queue.length", ObserveQueue, "{customer}", "Customers waiting for an agent, as this instance last saw the queue.");
    }

    public void TurnEnded(string channel, string activityType, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { BotTelemetry.Channel, channel }, { BotTelemetry.ActivityType, activityType }, { BotTelemetry.Outcome, outcome } };
        _turns.Add(1, tags);
        _turnDuration.Record(duration.TotalSeconds, tags);
    }

    public void Decided(string channel, TurnDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var tags = new TagList { { BotTelemetry.Channel, channel }, { BotTelemetry.Intent, decision.ActedOn }, { BotTelemetry.DecidedBy, decision.DecidedBy }, { BotTelemetry.Recognizer, decision.Recognizer } };
        _decisions.Add(1, tags);
        if (decision.DecidedBy == RecognizerTrace.ByRecognizer)
        {
            _scores.Record(decision.Score, new TagList { { BotTelemetry.Intent, decision.ActedOn }, { BotTelemetry.Recognizer, decision.Recognizer } });
        }

        if (decision.NotUnderstood || decision.AskedWhichOne)
        {
            _fallbacks.Add(1, new TagList { { BotTelemetry.Channel, channel }, { BotTelemetry.Fallback, decision.NotUnderstood ? "not_understood" : "did_you_mean" } });
        }
    }

    /// <param name="trigger">The intent the customer was helped with (HumanAgent when they asked straight away).</param>
    /// <param name="from">The journey that could not go on, if any.</param>
    public void HandedOff(string? trigger, string? from, string mode)
        => _handoffs.Add(1, new TagList { { BotTelemetry.HandoffTrigger, trigger ?? "none" }, { BotTelemetry.HandoffFrom, from ?? "none" }, { BotTelemetry.HandoffMode, mode } });

    public void Accepted(TimeSpan waited) => _queueWait.Record(Math.Max(0, waited.TotalSeconds));

    public void QueueSeen(int waiting) => Volatile.Write(ref _queueLength, Math.Max(0, waiting));

    /// <param name="reason">circuit_open, timeout, unreachable, or http_&lt;status&gt; for an answer that was an error.</param>
    public void BenefitsFailed(string operation, string reason)
        => _benefitsFailures.Add(1, new TagList { { BotTelemetry.BenefitsOperation, operation }, { BotTelemetry.ErrorType, reason } });

    private IEnumerable<Measurement<int>> ObserveQueue()
    {
        var length = Volatile.Read(ref _queueLength);
        return length < 0 ? [] : [new Measurement<int>(length)];
    }
}
