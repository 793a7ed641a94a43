namespace IqosBot.Insights;

/// <summary>
/// One stored event of the team's insights: names from the bot's closed sets, a number, the conversation it belongs to
/// (as cases and transcripts name it, so a data-subject erasure finds it) and when. Never customer text.
/// </summary>
/// <param name="Kind">One of <see cref="Dialogs.Insights.InsightKinds"/>.</param>
public sealed record InsightEvent(
    DateTimeOffset At, string ConversationKey, string Channel, string Language, string Kind, string? Name = null, string? Value = null, double? Number = null);

/// <summary>
/// A message the bot did not understand, for the team to write new answers: masked by <see cref="InsightText"/>, kept
/// as long as transcripts.
/// </summary>
public sealed record UnansweredMessage(DateTimeOffset At, string ConversationKey, string Language, string Text);

/// <summary>What a range of the store holds: the events and the unanswered messages, each oldest first.</summary>
public sealed record InsightRows(IReadOnlyList<InsightEvent> Events, IReadOnlyList<UnansweredMessage> Unanswered);
