using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace IqosBot.Bots;

/// <summary>
/// Early in every adapter's pipeline (only the turn's telemetry, which reads no text, runs before it): a customer
/// message longer than <see cref="MessageOptions.MaxLength"/> is cut to that length before anything reads or keeps
/// it (the transcript, the recognizer, the dialogs), and the turn
/// is marked so the bot asks for a shorter message instead of answering the cut one.
/// </summary>
public sealed class LongMessageGuard(IOptions<MessageOptions> options) : Microsoft.Bot.Builder.IMiddleware
{
    private const string CutKey = "IqosBot.MessageCut";

    private readonly int _maxLength = options.Value.MaxLength;

    /// <summary>Whether this turn's message was longer than the bot reads.</summary>
    public static bool WasCut(ITurnContext turnContext) => turnContext.TurnState.ContainsKey(CutKey);

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.Message && activity.Text is { } text && text.Length > _maxLength)
        {
            activity.Text = Cut(text, _maxLength);
            turnContext.TurnState.Add(CutKey, (object)true);
        }

        return next(cancellationToken);
    }

    /// <summary>The first <paramref name="maxLength"/> characters and an ellipsis, never splitting a surrogate pair.</summary>
    public static string Cut(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return string.Concat(text.AsSpan(0, length), "…");
    }
}
