using System.Net.WebSockets;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// A conversation has at most four open streams (a fifth is closed with PolicyViolation), and a socket whose
/// client stops reading overflows its bounded outbox, which closes it instead of buffering without end.
/// </summary>
public sealed class DirectLineStreamBoundsTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public DirectLineStreamBoundsTests()
    {
        _host = new DirectLineHost(_database.Path);
    }

    [Fact]
    public async Task A_fifth_stream_on_one_conversation_is_closed_and_the_four_others_keep_working()
    {
        var client = new DirectLineClient(_host.CreateClient());
        var started = (await client.StartAsync(DirectLineHost.Secret)).Json;
        var streamUrl = started.Value<string>("streamUrl")!;
        var sockets = new List<StreamSocket>();
        for (var i = 0; i < DirectLineStream.MaxSocketsPerConversation; i++)
        {
            var socket = await StreamSocket.ConnectAsync(_host.Server, streamUrl);
            using var first = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            Assert.NotNull(await socket.ReadFrameAsync(first.Token));
            sockets.Add(socket);
        }

        await using var fifth = await StreamSocket.ConnectAsync(_host.Server, streamUrl);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var frame = await fifth.ReadFrameAsync(timeout.Token);

        Assert.Null(frame);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, fifth.CloseStatus);
        Assert.Equal(DirectLineStream.MaxSocketsPerConversation, _host.Services.GetRequiredService<DirectLineHub>().SocketCount(started.Value<string>("conversationId")!));
        foreach (var socket in sockets)
        {
            await socket.DisposeAsync();
        }
    }

    [Fact]
    public void An_outbox_that_fills_because_its_client_does_not_read_closes_its_socket()
    {
        using var outbox = new SocketOutbox(capacity: 3);

        var written = Enumerable.Range(0, 5).Select(i => outbox.TryWrite(new ActivityFrame("c", i, "{}", IsUpdate: false))).ToList();

        Assert.Equal([true, true, true, false, false], written);
        Assert.True(outbox.Overflowed.IsCancellationRequested);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
