using System.Net.WebSockets;
using IqosBot.Bot.Tests.DirectLine;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.TwoProcesses;

/// <summary>
/// A conversation's stream socket as Web Chat keeps it: when the socket ends (its instance died), it reconnects
/// through any instance that answers (<c>GET conversations/{id}?watermark=</c>, then the stream URL that returns)
/// from the last watermark it got. Keeps every activity delivered, in order, and counts those delivered twice.
/// </summary>
public sealed class StreamFollower : IAsyncDisposable
{
    private readonly Failover _failover;
    private readonly string _conversationId;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<JObject> _received = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string _token;
    private string? _watermark;

    public StreamFollower(Failover failover, string conversationId, string token, string streamUrl)
    {
        _failover = failover;
        _conversationId = conversationId;
        _token = token;
        _loop = Task.Run(() => FollowAsync(streamUrl));
    }

    /// <summary>Activities delivered a second time (after a reconnect, or twice in one stream).</summary>
    public int Repeated { get; private set; }

    /// <summary>How many times the socket had to be opened again.</summary>
    public int Reconnects { get; private set; }

    /// <summary>What went wrong that the follower could not recover from, if anything.</summary>
    public string? Broken { get; private set; }

    /// <summary>Every activity delivered (typing left out), in the order delivered, each once.</summary>
    public List<JObject> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Waits until <paramref name="until"/> holds for what has been delivered; false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForAsync(Func<List<JObject>, bool> until, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task changed;
            lock (_received)
            {
                if (until(_received))
                {
                    return true;
                }

                changed = _changed.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || Broken is not null)
            {
                return false;
            }

            await Task.WhenAny(changed, Task.Delay(left));
        }
    }

    private async Task FollowAsync(string streamUrl)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await ReadUntilClosedAsync(streamUrl);
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                Reconnects++;
                streamUrl = await ReconnectUrlAsync();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Reported to the test through Broken.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Broken = exception.Message;
            Signal();
        }
    }

    /// <summary>One socket's life: frames until the server closes it or the connection breaks.</summary>
    private async Task ReadUntilClosedAsync(string streamUrl)
    {
        using var socket = new ClientWebSocket();
        try
        {
            using var connecting = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            connecting.CancelAfter(TimeSpan.FromSeconds(10));
            await socket.ConnectAsync(new Uri(streamUrl), connecting.Token);
            while (await WebSocketFrames.ReadTextAsync(socket, _stop.Token) is { } frame)
            {
                Record(frame);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or HttpRequestException || (exception is OperationCanceledException && !_stop.IsCancellationRequested))
        {
            // The instance went away (or refused the socket): reconnect elsewhere.
            await Task.Delay(100, _stop.Token);
        }
    }

    private async Task<string> ReconnectUrlAsync()
    {
        var path = $"{DirectLineClient.Prefix}/conversations/{_conversationId}" + (_watermark is null ? string.Empty : "?watermark=" + _watermark);
        var (status, body, _) = await _failover.GetAsync(path, _token, _stop.Token);
        if (status != System.Net.HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Reconnecting the stream: {(int)status} {body}");
        }

        var conversation = JObject.Parse(body);
        _token = conversation.Value<string>("token") ?? _token;
        return conversation.Value<string>("streamUrl")!;
    }

    private void Record(string frame)
    {
        if (frame.Length == 0)
        {
            return; // A keep-alive.
        }

        var set = JObject.Parse(frame);
        lock (_received)
        {
            foreach (var activity in set["activities"]!.Cast<JObject>().Where(activity => activity.Value<string>("type") != "typing"))
            {
                if (_ids.Add(ConversationLog.Id(activity)))
                {
                    _received.Add(activity);
                }
                else
                {
                    Repeated++;
                }
            }

            _watermark = set.Value<string>("watermark") ?? _watermark;
        }

        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource changed;
        lock (_received)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
