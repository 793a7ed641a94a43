using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using ErrorResult = Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<IqosBot.DirectLine.DirectLineErrorResponse>;

namespace IqosBot.DirectLine;

/// <summary>A conversation's activities over REST: reading the log a page at a time and posting the user's activity.</summary>
public static partial class DirectLineEndpoints
{
    /// <summary>An activity body is at most 256 KB on Azure; allow headroom for channel data.</summary>
    private const long MaxActivityBytes = 1024 * 1024;

    private static async Task<ContentHttpResult> GetActivitiesAsync(string conversationId, string? watermark, HttpContext context, DirectLineHub hub)
    {
        var (activities, next) = await hub.ReadAsync(conversationId, ParseWatermark(watermark), context.RequestAborted).ConfigureAwait(false);
        return DirectLineResults.ActivitySet(activities, next);
    }

    private static async Task<Results<JsonHttpResult<DirectLineResourceResponse>, ErrorResult>> PostActivityAsync(
        string conversationId, HttpContext context, DirectLineHub hub, DirectLineTurnQueue turns, DirectLineAdapter adapter)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxActivityBytes;
        }

        Activity? activity;
        try
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            activity = DirectLineHub.Deserialize(await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false));
        }
        catch (JsonException)
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is not a valid activity.");
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return DirectLineResults.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "The activity is too large.");
        }

        return await AcceptAsync(context, hub, turns, adapter, conversationId, activity).ConfigureAwait(false);
    }

    /// <summary>Echoes the user's activity into the log (with the server's id, time and identities) and queues the bot's turn for after the response.</summary>
    private static async Task<Results<JsonHttpResult<DirectLineResourceResponse>, ErrorResult>> AcceptAsync(
        HttpContext context, DirectLineHub hub, DirectLineTurnQueue turns, DirectLineAdapter adapter, string conversationId, Activity? activity)
    {
        if (activity is null || string.IsNullOrEmpty(activity.Type))
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "The activity has no type.");
        }

        if (DirectLineLimits.AttachmentProblem(activity) is { } attachmentProblem)
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", attachmentProblem);
        }

        // As Azure does: the channel, the ids and the identities are the server's; channelData
        // (Web Chat's clientActivityID) is left exactly as sent.
        var access = context.GetDirectLineAccess();
        activity.From = new ChannelAccount(access.UserId, activity.From?.Name ?? access.UserName, RoleTypes.User);
        activity.Recipient = adapter.BotAccount;
        activity.Conversation = new ConversationAccount(id: conversationId);
        activity.ServiceUrl = null;
        activity.ReplyToId = null;

        var responseSent = ResponseSent(context);
        var serviceUrl = ServiceUrl(context.Request);
        var id = await hub.AppendAsync(
            conversationId,
            activity,
            persist: activity.Type != ActivityTypes.Typing,
            whileOrdered: echoId =>
            {
                var turnActivity = DirectLineHub.Deserialize(DirectLineHub.Serialize(activity))!;
                turnActivity.ServiceUrl = serviceUrl;
                _ = turns.Enqueue(conversationId, turnActivity, responseSent);
            },
            context.RequestAborted).ConfigureAwait(false);
        return DirectLineResults.Json(new DirectLineResourceResponse(id));
    }
}
