using System.Globalization;
using StackExchange.Redis;

namespace IqosBot.DirectLine;

/// <summary>
/// The feed between instances over Redis publish/subscribe (ConnectionStrings:Redis): every instance publishes
/// what it appends on one channel and hands what the others published to its own sockets. Messages carry the
/// publishing instance's id, so an instance skips its own (its sockets already have them). Received in
/// publication order per publisher (a queue, not concurrent handlers); order across publishers is restored by
/// each socket's <see cref="SocketSequencer"/>.
/// </summary>
public sealed partial class RedisDirectLineFeed(IConnectionMultiplexer redis, DirectLineSockets sockets, ILogger<RedisDirectLineFeed> logger)
    : IDirectLineFeed, IHostedService, IDisposable
{
    /// <summary>The channel's name; the shared connection puts its prefix ("iqosbot") before it on the wire.</summary>
    public static readonly RedisChannel Channel = RedisChannel.Literal(":directline:activities");

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _stopping = new();
    private Task _subscribing = Task.CompletedTask;
    private ChannelMessageQueue? _queue;

    public void Publish(ActivityFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);

        // Fire and forget, in order on the multiplexer's one connection; a frame lost while Redis is away is read
        // from the store by the receiving socket when the next one arrives.
        try
        {
            redis.GetSubscriber().Publish(Channel, Encode(_instance, frame), CommandFlags.FireAndForget);
        }
        catch (RedisException exception)
        {
            LogPublishFailed(exception);
        }
    }

    /// <summary>Subscribes in the background: an instance that starts while Redis is away still starts (and is not ready, /readyz), and subscribes once Redis is back.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscribing = Task.Run(() => SubscribeUntilDoneAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task SubscribeUntilDoneAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                _queue = await redis.GetSubscriber().SubscribeAsync(Channel).ConfigureAwait(false);
                _queue.OnMessage(Receive);
                return;
            }
            catch (RedisException exception)
            {
                LogSubscribeFailed(exception);
                await Task.Delay(RetryDelay, stopping).ConfigureAwait(false);
            }
        }
    }

    private void Receive(ChannelMessage message)
    {
        try
        {
            if (Decode(message.Message.ToString()) is ({ } from, { } frame) && !string.Equals(from, _instance, StringComparison.Ordinal))
            {
                sockets.Deliver(frame);
            }
        }
#pragma warning disable CA1031 // One unreadable message must not stop the feed.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogUnreadable(exception);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            await _subscribing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting to retry.
        }
        catch (ObjectDisposedException)
        {
            // A host torn down without a clean stop disposed the service first: nothing left to stop.
            return;
        }

        if (_queue is not null)
        {
            await _queue.UnsubscribeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>"instance\nconversation\nsequence\nu|a\njson": the JSON last, so it needs no escaping.</summary>
    internal static string Encode(string instance, ActivityFrame frame)
        => string.Create(CultureInfo.InvariantCulture, $"{instance}\n{frame.ConversationId}\n{frame.Sequence}\n{(frame.IsUpdate ? 'u' : 'a')}\n{frame.Json}");

    internal static (string? Instance, ActivityFrame? Frame) Decode(string message)
    {
        var parts = message.Split('\n', 5);
        if (parts.Length != 5 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return (null, null);
        }

        return (parts[0], new ActivityFrame(parts[1], sequence, parts[4], string.Equals(parts[3], "u", StringComparison.Ordinal)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish a Direct Line activity to the other instances; their sockets read it from the store with the next one")]
    private partial void LogPublishFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to Redis for other instances' Direct Line activities; trying again")]
    private partial void LogSubscribeFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Direct Line message from another instance could not be read")]
    private partial void LogUnreadable(Exception exception);

    public void Dispose() => _stopping.Dispose();
}
