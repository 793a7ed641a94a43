using Microsoft.AspNetCore.Http.HttpResults;
using ErrorResult = Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<IqosBot.DirectLine.DirectLineErrorResponse>;

namespace IqosBot.DirectLine;

/// <summary>
/// <c>conversations/{id}/stream</c>: the conversation's activities pushed over a WebSocket
/// (<see cref="DirectLineStream"/>). Its token comes in the URL, as browsers cannot set a WebSocket's headers.
/// </summary>
public static partial class DirectLineEndpoints
{
    private static async Task<Results<EmptyHttpResult, ErrorResult>> StreamAsync(string conversationId, string? watermark, HttpContext context, DirectLineStream stream)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "This is the Direct Line stream: connect with a WebSocket.");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        await stream.RunAsync(socket, conversationId, ParseWatermark(watermark), context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Empty;
    }
}
