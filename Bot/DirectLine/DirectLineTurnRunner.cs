using System.Globalization;
using IqosBot.Conversations;
using IqosBot.Handoff;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.DirectLine;

/// <summary>
/// Runs the turns a Direct Line conversation owes its customer in the order of its log, whichever instance took
/// each message. Holding the conversation's turn lock (shared by every instance), it reads what is due from the
/// store: the welcome if it never ran, then every customer activity after the last one answered, up to the one it
/// was started for. So when two lines sent quickly reach two instances, whichever gets the lock first answers both,
/// in order, and the other finds nothing left; a line taken by an instance that died is answered with the next one,
/// or by <see cref="StalledTurnSweeper"/>. A turn counts as answered once it ran; one cut off by a crash runs again:
/// the bot acknowledges it without answering twice when its state was already saved (IqosBot's recent ids), and
/// otherwise does not repeat the replies that already went out (<see cref="SentReplies"/>).
/// </summary>
public sealed class DirectLineTurnRunner(
    IDirectLineStore store,
    ConversationLocks locks,
    DirectLineAdapter adapter,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<DirectLineTurnRunner> logger)
{
    /// <summary>Everything the conversation owes, however far its log goes (the sweeper's call).</summary>
    public const long Everything = long.MaxValue;

    /// <summary>Only the welcome, if it is still owed (the call made when the conversation starts).</summary>
    public const long WelcomeOnly = -1;

    /// <summary>
    /// Runs what the conversation owes up to <paramref name="through"/> (a sequence number, <see cref="WelcomeOnly"/>
    /// or <see cref="Everything"/>). <paramref name="own"/> is the activity the call was made for, as the customer
    /// sent it: it runs instead of its copy in the log, which has personal numbers removed and long text cut.
    /// </summary>
    public Task RunDueAsync(string conversationId, long through, Activity? own, string? serviceUrl, CancellationToken cancellationToken)
        => locks.RunExclusiveAsync(
            ConversationKeys.Of(DirectLineEndpoints.ChannelId, conversationId),
            async () =>
            {
                var due = await store.ReadDueTurnsAsync(conversationId, through, cancellationToken).ConfigureAwait(false);
                if (due is null)
                {
                    return;
                }

                if (due.WelcomeDue && await WelcomeAsync(conversationId, serviceUrl, cancellationToken).ConfigureAwait(false) is { } welcome)
                {
                    await RunAsync(welcome, SentReplies.For(welcome.Id, due.Sent), cancellationToken).ConfigureAwait(false);
                    await store.MarkWelcomedAsync(conversationId, cancellationToken).ConfigureAwait(false);
                }

                foreach (var (sequence, json) in due.Activities)
                {
                    var activity = own is not null && own.Id == DirectLineHub.ActivityId(conversationId, sequence) ? own : FromLog(json, serviceUrl);
                    if (activity is not null)
                    {
                        await RunAsync(activity, SentReplies.For(activity.Id, due.Sent), cancellationToken).ConfigureAwait(false);
                    }

                    await store.MarkTurnRanAsync(conversationId, sequence, cancellationToken).ConfigureAwait(false);
                }

                // Owed lines the log no longer holds (pruned by its cap, erased) cannot be answered: settled, so the
                // sweeper does not come back for them every few seconds.
                if (due.OwedThrough > (due.Activities.Count > 0 ? due.Activities[^1].Sequence : -1))
                {
                    await store.MarkTurnRanAsync(conversationId, due.OwedThrough, cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken);

    /// <summary>Runs a turn that is not kept in the log (the customer typing): no order to keep, nothing owed.</summary>
    public Task RunUnloggedAsync(Activity activity, CancellationToken cancellationToken) => RunAsync(activity, null, cancellationToken);

    /// <summary>The sequence number in an activity id the hub gave (<see cref="DirectLineHub.ActivityId"/>), or null.</summary>
    public static long? SequenceOf(string? activityId)
    {
        var bar = activityId?.LastIndexOf('|') ?? -1;
        return bar >= 0 && long.TryParse(activityId.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : null;
    }

    /// <summary>The conversationUpdate that has the bot greet: the bot and the user join.</summary>
    private async Task<Activity?> WelcomeAsync(string conversationId, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(conversationId, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return null;
        }

        var member = new ChannelAccount(record.UserId, record.UserName, RoleTypes.User);
        return new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = "cu-" + conversationId,
            Timestamp = time.GetUtcNow(),
            ChannelId = DirectLineEndpoints.ChannelId,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount(id: conversationId),
            From = member,
            Recipient = adapter.BotAccount,
            MembersAdded = [adapter.BotAccount, member],
            Locale = record.Locale,
        };
    }

    /// <summary>
    /// The log's copy of a customer's activity, for one another instance took (and may still be about to run: the
    /// lock decides, the store says it is done).
    /// </summary>
    private Activity? FromLog(string json, string? serviceUrl)
    {
        try
        {
            var activity = DirectLineHub.Deserialize(json);
            if (activity is not null)
            {
                activity.ServiceUrl = serviceUrl;
            }

            return activity;
        }
        catch (Newtonsoft.Json.JsonException exception)
        {
            // Never expected (the hub wrote it); skipped rather than blocking every turn after it.
            logger.LogError(exception, "A logged Direct Line activity could not be read back; its turn is skipped");
            return null;
        }
    }

    private async Task RunAsync(Activity activity, SentReplies? sent, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var bot = scope.ServiceProvider.GetRequiredService<IBot>();
            await adapter.RunTurnAsync(activity, bot, sent, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-turn: it stays owed, and another instance (or this one, restarted) runs it again.
            throw;
        }
#pragma warning disable CA1031 // A turn must never take the process down; the error handler already apologised. It counts as run, so one bad message cannot block those after it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "A Direct Line {ActivityType} turn failed", activity.Type);
        }
    }
}
