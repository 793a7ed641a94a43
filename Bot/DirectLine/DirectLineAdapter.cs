using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace IqosBot.DirectLine;

/// <summary>
/// The in-process adapter between the Direct Line endpoint and the bot: turns run through the SDK's
/// middleware pipeline with the same error handler as <c>/api/messages</c> (an apology in the
/// customer's language), and whatever the bot sends is appended to the conversation log and pushed
/// to its sockets. No HTTP, no Bot Framework authentication.
/// </summary>
public sealed class DirectLineAdapter : BotAdapter
{
    private readonly DirectLineHub _hub;
    private readonly ChannelAccount _bot;

    public DirectLineAdapter(DirectLineHub hub, IOptions<DirectLineOptions> options, IServiceProvider services, ILogger<DirectLineAdapter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(logger);
        _hub = hub ?? throw new ArgumentNullException(nameof(hub));
        _bot = new ChannelAccount(options.Value.BotId, options.Value.BotName, RoleTypes.Bot);

        // Middleware registered for every adapter (the transcript for agents).
        foreach (var middleware in services.GetServices<Microsoft.Bot.Builder.IMiddleware>())
        {
            Use(middleware);
        }

        // The same behaviour as the Bot Framework endpoint when a turn throws: log, apologise, go on.
        OnTurnError = services.GetService<AdapterWithErrorHandler>()?.OnTurnError ?? (async (turnContext, exception) =>
        {
            logger.LogError(exception, "Unhandled error in a {ActivityType} turn on {ChannelId}", turnContext.Activity.Type, turnContext.Activity.ChannelId);
            await Task.CompletedTask.ConfigureAwait(false);
        });
    }

    /// <summary>The bot's account as clients see it: <c>role</c> "bot".</summary>
    public ChannelAccount BotAccount => new(_bot.Id, _bot.Name, RoleTypes.Bot);

    /// <summary>
    /// Runs one turn of <paramref name="bot"/> for an activity already in the log. <paramref name="sent"/>: what an
    /// earlier run of the same turn, cut off, had already sent (not sent again while the turn repeats it).
    /// </summary>
    internal async Task RunTurnAsync(Activity activity, IBot bot, SentReplies? sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        using var turnContext = new TurnContext(this, activity);
        if (sent is not null)
        {
            turnContext.TurnState.Add(SentReplies.TurnStateKey, sent);
        }

        await RunPipelineAsync(turnContext, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A proactive turn (an agent's message, the hand-back): the same pipeline, started by the server instead of the customer.</summary>
    public override async Task ContinueConversationAsync(string botId, Activity continuationActivity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(continuationActivity);
        ArgumentNullException.ThrowIfNull(callback);
        using var turnContext = new TurnContext(this, continuationActivity);
        await RunPipelineAsync(turnContext, callback, cancellationToken).ConfigureAwait(false);
    }

    public override Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return ContinueConversationAsync(botId, reference.GetContinuationActivity(), callback, cancellationToken);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Length];
        for (var index = 0; index < activities.Length; index++)
        {
            var activity = activities[index];
            switch (activity.Type)
            {
                case ActivityTypesEx.Delay:
                    var milliseconds = activity.Value is IConvertible value ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : 1000;
                    await Task.Delay(milliseconds, cancellationToken).ConfigureAwait(false);
                    responses[index] = new ResourceResponse();
                    continue;
                case ActivityTypesEx.InvokeResponse:
                    turnContext.TurnState.Add(BotAdapter.InvokeResponseKey, activity);
                    responses[index] = new ResourceResponse();
                    continue;
                case ActivityTypes.Trace:
                    // Azure Direct Line drops trace activities too: they are for the Emulator.
                    responses[index] = new ResourceResponse();
                    continue;
            }

            var conversationId = activity.Conversation?.Id ?? turnContext.Activity.Conversation.Id;
            activity.From = BotAccount;
            activity.Recipient ??= turnContext.Activity.From;
            if (turnContext.Activity.Name == ActivityEventNames.ContinueConversation)
            {
                // Proactive: there is no customer message to reply to, and Web Chat would wait for one.
                activity.ReplyToId = null;
            }
            else if (activity.ReplyToId is null && turnContext.Activity.Id is { } incomingId && turnContext.Activity.From?.Role != RoleTypes.Bot)
            {
                activity.ReplyToId = incomingId;
            }

            if (turnContext.TurnState.Get<SentReplies>(SentReplies.TurnStateKey)?.TakeIfSame(activity) is { } alreadySent)
            {
                activity.Id = alreadySent;
                responses[index] = new ResourceResponse(alreadySent);
                continue;
            }

            var id = await _hub.AppendAsync(conversationId, activity, persist: activity.Type != ActivityTypes.Typing, whileOrdered: null, cancellationToken).ConfigureAwait(false);
            responses[index] = new ResourceResponse(id);
        }

        return responses;
    }

    public override async Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activity);
        activity.From = BotAccount;
        await _hub.UpdateAsync(activity.Conversation?.Id ?? turnContext.Activity.Conversation.Id, activity, cancellationToken).ConfigureAwait(false);
        return new ResourceResponse(activity.Id);
    }

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(reference);
        return _hub.DeleteAsync(reference.Conversation?.Id ?? turnContext.Activity.Conversation.Id, reference.ActivityId, cancellationToken);
    }

    /// <summary>Activity types the schema declares elsewhere or not at all.</summary>
    private static class ActivityTypesEx
    {
        public const string Delay = "delay";
        public const string InvokeResponse = "invokeResponse";
    }
}
