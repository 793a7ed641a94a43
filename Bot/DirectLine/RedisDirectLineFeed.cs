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
    : IDirectLineFeed, IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("iqosbot:directline:activities");

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private ChannelMessageQueue? _queue;

    public void Publish(ActivityFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);

        // Fire and forget, in order on the multiplexer's one connection; a frame lost while Redis is away is read
        // from the store by the receiving socket when the next one arrives.
        redis.GetSubscriber().Publish(Channel, Encode(_instance, frame), CommandFlags.FireAndForget);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _queue = await redis.GetSubscriber().SubscribeAsync(Channel).ConfigureAwait(false);
        _queue.OnMessage(message =>
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
        });
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Direct Line message from another instance could not be read")]
    private partial void LogUnreadable(Exception exception);
}
