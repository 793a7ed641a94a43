using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Understanding;

/// <summary>
/// The Bot Framework convention for showing a recognizer's result in the Emulator's inspector: a trace
/// activity. Only the Emulator gets it; other channels never see traces. Every message turn gets exactly
/// one, saying what the bot acted on (<c>actedOn</c>) and what decided it (<c>decidedBy</c>): the
/// recognizer, a rule that reads the message before it (a person, leaving, safety, a menu phrase), the
/// question the customer was answering, or the person they are chatting with. So whoever tests the bot
/// can see why it did what it did on every turn.
/// </summary>
public static class RecognizerTrace
{
    public const string Name = "IntentRecognizer";
    public const string Label = "Recognizer result";
    public const string ValueType = "https://www.botframework.com/schemas/recognizerResult";
    public const string DecidedByProperty = "decidedBy";
    public const string ActedOnProperty = "actedOn";

    /// <summary>The recognizer's scores decided (the intent acted on may still be a "did you mean" or a broken-device report).</summary>
    public const string ByRecognizer = "recognizer";

    /// <summary>Prefix of a rule that reads the message before any recognizer: <c>rule:Person</c>, <c>rule:Minor</c>, <c>rule:Menu</c>...</summary>
    public const string ByRulePrefix = "rule:";

    /// <summary>The message answered the question the bot was waiting on (a prompt, a button, a card).</summary>
    public const string ByPrompt = "prompt";

    /// <summary>The message went to the person the customer is chatting with.</summary>
    public const string ByPerson = "person";

    private const string SentKey = "IqosBot.RecognizerTraceSent";

    /// <summary>The recognizer's result, and what the bot made of it.</summary>
    public static Task SendAsync(ITurnContext turnContext, RecognizerResult result, string actedOn, CancellationToken cancellationToken)
        => SendOnceAsync(turnContext, result, ByRecognizer, actedOn, cancellationToken);

    /// <summary>A rule decided before any recognizer ran.</summary>
    public static Task RuleAsync(ITurnContext turnContext, string rule, string actedOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return SendOnceAsync(turnContext, Decision(turnContext.Activity.Text, actedOn), ByRulePrefix + rule, actedOn, cancellationToken);
    }

    /// <summary>
    /// At the end of a message turn: when nothing above explained it, the message was the answer to the
    /// question waiting (<see cref="ByPrompt"/>) or went to a person (<see cref="ByPerson"/>).
    /// </summary>
    public static Task EnsureSentAsync(ITurnContext turnContext, string decidedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Type == ActivityTypes.Message
            ? SendOnceAsync(turnContext, Decision(turnContext.Activity.Text, Intents.None), decidedBy, decidedBy, cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>What the bot acted on in this turn and what decided it; null before anything did (or in a turn that was not a message).</summary>
    public static TurnDecision? DecisionOf(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.Get<TurnDecision>(SentKey);
    }

    private static Task SendOnceAsync(ITurnContext turnContext, RecognizerResult result, string decidedBy, string actedOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(result);
        if (turnContext.TurnState.ContainsKey(SentKey))
        {
            return Task.CompletedTask;
        }

        // Kept on every channel (the host's telemetry reads it); the trace itself goes to the Emulator only.
        turnContext.TurnState[SentKey] = new TurnDecision(decidedBy, actedOn, RecognizerOf(result), TopScore(result));
        if (turnContext.Activity.ChannelId != Channels.Emulator)
        {
            return Task.CompletedTask;
        }

        result.Properties[DecidedByProperty] = decidedBy;
        result.Properties[ActedOnProperty] = actedOn;
        var trace = Activity.CreateTraceActivity(Name, ValueType, result, Label);
        return turnContext.SendActivityAsync(trace, cancellationToken);
    }

    private static string RecognizerOf(RecognizerResult result)
        => result.Properties.TryGetValue(RecognizerResults.RecognizerProperty, out var name) && name?.ToString() is { Length: > 0 } text ? text : "none";

    private static double TopScore(RecognizerResult result)
        => result.Intents is { Count: > 0 } intents ? intents.Values.Max(score => score.Score ?? 0) : 0;

    /// <summary>A result for a turn no recognizer scored: the decision alone, as certain.</summary>
    private static RecognizerResult Decision(string? text, string intent)
        => RecognizerResults.Create(text, [new KeyValuePair<string, double>(intent, 1.0)], intent, recognizer: "none");
}
