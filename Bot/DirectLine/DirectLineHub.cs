using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace IqosBot.DirectLine;

/// <summary>
/// The live side of the conversations: gives every activity its id and timestamp, appends it to the
/// stored log, and pushes it to every open stream socket of its conversation, one conversation at a
/// time so ids, timestamps, the log and the socket frames all agree on one order.
/// </summary>
public sealed class DirectLineHub
{
    private readonly ConcurrentDictionary<string, Live> _conversations = new(StringComparer.Ordinal);
    private readonly DirectLineStore _store;
    private readonly object _clockLock = new();
    private long _lastTimestampMs;

    private readonly int _maxMessageLength;

    /// <param name="messages">How much of a customer's message is kept; the default when not given.</param>
    public DirectLineHub(DirectLineStore store, Microsoft.Extensions.Options.IOptions<IqosBot.Bots.MessageOptions>? messages = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _maxMessageLength = messages?.Value.MaxLength ?? new IqosBot.Bots.MessageOptions().MaxLength;
    }

    /// <summary>Bot Framework JSON: the schema's camelCase names, nulls left out, on one line.</summary>
    public static JsonSerializerSettings SerializerSettings { get; } = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        ContractResolver = HttpHelper.BotMessageSerializerSettings.ContractResolver,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        DateFormatHandling = DateFormatHandling.IsoDateFormat,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        ReferenceLoopHandling = ReferenceLoopHandling.Serialize,
        Formatting = Formatting.None,

        // What clients post is read through these settings: a body nested deeper than ASP.NET Core's default
        // of 64 is refused (400) instead of being kept and later written out recursively until the stack ends.
        MaxDepth = IqosBot.Endpoints.JsonLimits.MaxDepth,
    };

    public static string Serialize(Activity activity) => JsonConvert.SerializeObject(activity, SerializerSettings);

    public static Activity? Deserialize(string json) => JsonConvert.DeserializeObject<Activity>(json, SerializerSettings);

    /// <summary>A <c>{"activities":[…],"watermark":"N"}</c> body or frame, from activities already serialized.</summary>
    public static string ActivitySet(IEnumerable<string> activityJson, long watermark)
    {
        var builder = new StringBuilder("{\"activities\":[");
        builder.AppendJoin(',', activityJson);
        builder.Append("],\"watermark\":\"").Append(watermark.ToString(CultureInfo.InvariantCulture)).Append("\"}");
        return builder.ToString();
    }

    /// <summary>
    /// Gives <paramref name="activity"/> the next id (<c>{conversationId}|{seq:D7}</c>) and a monotonic
    /// timestamp, stores it unless <paramref name="persist"/> is false (typing), and pushes it to the
    /// conversation's sockets. <paramref name="whileOrdered"/> runs before the next activity of the
    /// conversation can be appended (used to queue the bot's turn in the order of the echoes).
    /// </summary>
    public async Task<string> AppendAsync(string conversationId, Activity activity, bool persist, Action<string>? whileOrdered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var live = await GetLiveAsync(conversationId, cancellationToken).ConfigureAwait(false);
        await live.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var sequence = live.NextSequence;
            var id = string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{sequence:D7}");
            activity.Id = id;
            activity.Timestamp = NextTimestamp();
            activity.ChannelId = DirectLineEndpoints.ChannelId;
            activity.Conversation ??= new ConversationAccount();
            activity.Conversation.Id = conversationId;
            var json = ShownJson(activity);
            await _store.AppendAsync(conversationId, sequence, id, persist ? json : null, CancellationToken.None).ConfigureAwait(false);
            live.NextSequence = sequence + 1;
            Broadcast(live, ActivitySet([json], live.NextSequence));
            whileOrdered?.Invoke(id);
            return id;
        }
        finally
        {
            live.Gate.Release();
        }
    }

    /// <summary>
    /// The activity as the log keeps and clients see it: a customer's message is kept no longer than the bot
    /// reads, and nothing the customer sent keeps a personal identity or card number typed by mistake, wherever
    /// it was put (<see cref="StoredActivityRedaction"/>). Changes go to a copy: the bot's own turn still reads
    /// the original, to tell the customer it was not kept.
    /// </summary>
    private string ShownJson(Activity activity)
    {
        if (activity.From?.Role == RoleTypes.Bot)
        {
            return Serialize(activity);
        }

        if (activity.Type == ActivityTypes.Message && activity.Text is { } text && text.Length > _maxMessageLength)
        {
            activity = Deserialize(Serialize(activity))!;
            activity.Text = IqosBot.Bots.LongMessageGuard.Cut(text, _maxMessageLength);
        }

        return StoredActivityRedaction.Apply(Serialize(activity));
    }

    /// <summary>The bot changed an activity it sent: store and push the new version under the same id.</summary>
    public async Task UpdateAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var live = await GetLiveAsync(conversationId, cancellationToken).ConfigureAwait(false);
        await live.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            activity.ChannelId = DirectLineEndpoints.ChannelId;
            activity.Timestamp ??= NextTimestamp();
            var json = Serialize(activity);
            if (await _store.ReplaceAsync(conversationId, activity.Id, json, CancellationToken.None).ConfigureAwait(false) is not null)
            {
                Broadcast(live, ActivitySet([json], live.NextSequence));
            }
        }
        finally
        {
            live.Gate.Release();
        }
    }

    public Task DeleteAsync(string conversationId, string activityId, CancellationToken cancellationToken)
        => _store.DeleteAsync(conversationId, activityId, cancellationToken);

    /// <summary>The most activities one GET returns; the watermark continues from the last of them.</summary>
    public const int PageSize = 100;

    /// <summary>Stored activities from <paramref name="watermark"/> on, at most a page of them, and the watermark after them.</summary>
    public async Task<(List<string> Activities, long Watermark)> ReadAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        var live = await GetLiveAsync(conversationId, cancellationToken).ConfigureAwait(false);
        await live.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var page = await _store.ReadPageAsync(conversationId, watermark, PageSize, cancellationToken).ConfigureAwait(false);
            var next = page.Count == PageSize ? page[^1].Sequence + 1 : live.NextSequence;
            return ([.. page.Select(row => row.Json)], next);
        }
        finally
        {
            live.Gate.Release();
        }
    }

    /// <summary>
    /// Registers a socket's outbox: the backlog from <paramref name="watermark"/> goes first, then every
    /// new activity, with nothing lost or doubled between the two. Dispose the result to unregister.
    /// </summary>
    public async Task<IDisposable> SubscribeAsync(string conversationId, long watermark, ChannelWriter<string> outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var live = await GetLiveAsync(conversationId, cancellationToken).ConfigureAwait(false);
        await live.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var backlog = await _store.ReadFromAsync(conversationId, watermark, cancellationToken).ConfigureAwait(false);
            outbox.TryWrite(ActivitySet(backlog, live.NextSequence));
            lock (live.Sockets)
            {
                live.Sockets.Add(outbox);
            }

            return new Subscription(live, outbox);
        }
        finally
        {
            live.Gate.Release();
        }
    }

    /// <summary>How many sockets are open on a conversation (for tests and diagnostics).</summary>
    public int SocketCount(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var live))
        {
            return 0;
        }

        lock (live.Sockets)
        {
            return live.Sockets.Count;
        }
    }

    private static void Broadcast(Live live, string frame)
    {
        lock (live.Sockets)
        {
            foreach (var socket in live.Sockets)
            {
                // A socket whose client stopped reading has a full outbox, which closes it (SocketOutbox).
                socket.TryWrite(frame);
            }
        }
    }

    private DateTimeOffset NextTimestamp()
    {
        lock (_clockLock)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            _lastTimestampMs = Math.Max(now, _lastTimestampMs + 1);
            return DateTimeOffset.FromUnixTimeMilliseconds(_lastTimestampMs);
        }
    }

    private async Task<Live> GetLiveAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (_conversations.TryGetValue(conversationId, out var live))
        {
            live.LastUsed = Environment.TickCount64;
            return live;
        }

        var record = await _store.FindAsync(conversationId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No Direct Line conversation {conversationId}.");
        return _conversations.GetOrAdd(conversationId, _ => new Live { NextSequence = record.NextSequence });
    }

    /// <summary>How many conversations are held in memory (for tests and diagnostics).</summary>
    public int LiveCount => _conversations.Count;

    /// <summary>
    /// Lets go of conversations with no open socket that nobody touched for <paramref name="idle"/>; a returning
    /// customer's conversation is read back from the database. Returns how many were let go.
    /// </summary>
    public int EvictIdle(TimeSpan idle)
    {
        var cutoff = Environment.TickCount64 - (long)idle.TotalMilliseconds;
        var evicted = 0;
        foreach (var (id, live) in _conversations)
        {
            // Only when nothing is using it right now: its gate is free and no socket is open.
            if (live.LastUsed > cutoff || !live.Gate.Wait(0))
            {
                continue;
            }

            try
            {
                bool idleNow;
                lock (live.Sockets)
                {
                    idleNow = live.Sockets.Count == 0;
                }

                if (idleNow && _conversations.TryRemove(new KeyValuePair<string, Live>(id, live)))
                {
                    evicted++;
                }
            }
            finally
            {
                live.Gate.Release();
            }
        }

        return evicted;
    }

    private sealed class Live
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public long NextSequence { get; set; }

        public List<ChannelWriter<string>> Sockets { get; } = [];

        /// <summary>When the conversation was last looked up (Environment.TickCount64).</summary>
        public long LastUsed { get; set; } = Environment.TickCount64;
    }

    private sealed class Subscription(Live live, ChannelWriter<string> outbox) : IDisposable
    {
        public void Dispose()
        {
            lock (live.Sockets)
            {
                live.Sockets.Remove(outbox);
            }
        }
    }
}
