using System.Net.WebSockets;
using System.Text;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>Reads Direct Line stream frames the way DirectLineJS does: whole text messages.</summary>
internal static class WebSocketFrames
{
    /// <summary>One text frame ("" for a keep-alive), or null when the server closed the socket.</summary>
    public static async Task<string?> ReadTextAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            Assert.Equal(WebSocketMessageType.Text, result.MessageType);
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }
}
