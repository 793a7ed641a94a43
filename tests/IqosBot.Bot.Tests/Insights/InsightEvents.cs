using IqosBot.Dialogs.Insights;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Understanding;
using IqosBot.Insights;

namespace IqosBot.Bot.Tests.Insights;

/// <summary>
/// One conversation's fixed events for the report's unit tests: channel "webchat", a language, each event ten seconds
/// after the one before unless <see cref="At"/> places the next one at an instant.
/// </summary>
public sealed class Chat(string key, DateTimeOffset startsAt, string language = CustomerLanguage.Swedish)
{
    private readonly List<InsightEvent> _events = [];
    private DateTimeOffset _next = startsAt;

    public string Key { get; } = key;

    public IReadOnlyList<InsightEvent> Events => _events;

    /// <summary>The next event happens at <paramref name="at"/>.</summary>
    public Chat At(DateTimeOffset at)
    {
        _next = at;
        return this;
    }

    public Chat Event(string kind, string? name = null, string? value = null, double? number = null, string? inLanguage = null)
    {
        _events.Add(new InsightEvent(_next, Key, "webchat", inLanguage ?? language, kind, name, value, number));
        _next = _next.AddSeconds(10);
        return this;
    }

    /// <summary>The bot welcomed the conversation.</summary>
    public Chat Started() => Event(InsightKinds.Started);

    /// <summary>A customer message the bot acted on as <paramref name="intent"/>, decided by <paramref name="decidedBy"/>.</summary>
    public Chat Says(string intent, string decidedBy = RecognizerTrace.ByRecognizer, string? inLanguage = null)
        => Event(InsightKinds.Recognized, intent, decidedBy, 0.9, inLanguage);

    /// <summary>A customer message answering the question the bot asked (no intent of its own).</summary>
    public Chat Answers() => Says("Answer", RecognizerTrace.ByPrompt);

    /// <summary>A message the bot did not understand, as the host records it.</summary>
    public Chat NotUnderstood() => Says(Intents.None).Event(InsightKinds.Fallback, value: InsightKinds.NotUnderstood);

    public Chat DidYouMean() => Says(TurnDecision.DidYouMean).Event(InsightKinds.Fallback, value: InsightKinds.DidYouMean);

    public Chat Journey(string journey) => Event(InsightKinds.JourneyStarted, journey);

    public Chat Step(string journey, string step) => Event(InsightKinds.JourneyStep, journey, step);

    public Chat Ended(string journey, string outcome) => Event(InsightKinds.JourneyEnded, journey, outcome);

    public Chat FaqAnswer(string answer) => Event(InsightKinds.FaqAnswer, answer);

    public Chat FaqFeedback(string answer, string helpedOrNot) => Event(InsightKinds.FaqFeedback, answer, helpedOrNot);

    public Chat HandoffRequested(string trigger = Intents.HumanAgent) => Event(InsightKinds.HandoffRequested, trigger);

    public Chat Queued() => Event(InsightKinds.Queued, Intents.HumanAgent, "agents");

    public Chat LeftQueue() => Event(InsightKinds.QueueLeft, Intents.HumanAgent);

    public Chat Accepted(double? waitedSeconds) => Event(InsightKinds.Accepted, number: waitedSeconds);

    public Chat Closed(double? handledSeconds) => Event(InsightKinds.Closed, number: handledSeconds);

    public Chat Callback() => Event(InsightKinds.Callback, Intents.HumanAgent);

    public Chat Rating(double? rating) => Event(InsightKinds.Rating, number: rating);

    /// <summary>A message of this conversation the bot did not understand, as stored (already masked), at the next instant.</summary>
    public UnansweredMessage Unanswered(string text, string? inLanguage = null)
    {
        var message = new UnansweredMessage(_next, Key, inLanguage ?? language, text);
        _next = _next.AddSeconds(10);
        return message;
    }
}

/// <summary>The support's time zone and instants given as wall-clock time there.</summary>
public static class Stockholm
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>The instant the clocks in Stockholm show <paramref name="hour"/>:<paramref name="minute"/> on that day.</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}

/// <summary><see cref="InsightsReport.Compute"/> over fixed conversations, by default for Thursday 15 January 2026, all languages.</summary>
public static class Report
{
    public static readonly DateOnly Day = new(2026, 1, 15);

    public static InsightFigures Of(params Chat[] chats) => For(new InsightQuery(Day, Day, null), chats);

    public static InsightFigures For(
        InsightQuery query, IEnumerable<Chat> chats, IEnumerable<UnansweredMessage>? unanswered = null, Func<DateTimeOffset, bool>? isOpen = null)
    {
        // As the store gives them: every conversation's events interleaved, oldest first.
        var rows = new InsightRows([.. chats.SelectMany(chat => chat.Events).OrderBy(e => e.At)], [.. (unanswered ?? []).OrderBy(message => message.At)]);
        return InsightsReport.Compute(rows, query, Stockholm.Zone, isOpen ?? (_ => true));
    }
}
