using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace IqosBot.DirectLine;

/// <summary>
/// The live side of the conversations: has the store number and stamp every activity as it is appended,
/// and hands it to the conversation's stream sockets here and, through <see cref="IDirectLineFeed"/>, on
/// the other instances. On this instance appends to one conversation go one at a time, so the bot's turns
/// are queued in the order their messages were echoed; across instances the store orders them.
/// </summary>
public sealed class DirectLineHub
{
    private readonly ConcurrentDictionary<string, Live> _conversations = new(StringComparer.Ordinal);
    private readonly IDirectLineStore _store;
    private readonly DirectLineSockets _sockets;
    private readonly IDirectLineFeed _feed;
    private readonly TimeProvider _time;

    private readonly int _maxMessageLength;

    /// <param name="messages">How much of a customer's message is kept; the default when not given.</param>
    public DirectLineHub(
        IDirectLineStore store,
        DirectLineSockets sockets,
        IDirectLineFeed feed,
        TimeProvider? time = null,
        Microsoft.Extensions.Options.IOptions<IqosBot.Bots.MessageOptions>? messages = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _sockets = sockets ?? throw new ArgumentNullException(nameof(sockets));
        _feed = feed ?? throw new ArgumentNullException(nameof(feed));
        _time = time ?? TimeProvider.System;
        _maxMessageLength = messages?.Value.MaxLength ?? new IqosBot.Bots.MessageOptions().MaxLength;
    }

    /// <summary>An activity's id: the conversation's id and its sequence number (<c>{conversationId}|{seq:D7}</c>).</summary>
    public static string ActivityId(string conversationId, long sequence) => string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{sequence:D7}");

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
    /// Appends <paramref name="activity"/>: the store gives it the next id (<see cref="ActivityId"/>) and a
    /// timestamp later than the one before, keeps it unless <paramref name="persist"/> is false (typing), and
    /// it goes to the conversation's sockets on every instance. <paramref name="whileOrdered"/> runs before
    /// the next activity of the conversation can be appended here (used to queue the bot's turn in the order
    /// of the echoes). Throws <see cref="KeyNotFoundException"/> when the conversation does not exist.
    /// </summary>
    public async Task<string> AppendAsync(string conversationId, Activity activity, bool persist, Action<string>? whileOrdered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var live = GetLive(conversationId);
        await live.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            void Stamp(long sequence, DateTimeOffset? timestamp)
            {
                activity.Id = ActivityId(conversationId, sequence);
                activity.Timestamp = timestamp;
                activity.ChannelId = DirectLineEndpoints.ChannelId;
                activity.Conversation ??= new ConversationAccount();
                activity.Conversation.Id = conversationId;
            }

            string Render(long sequence, DateTimeOffset timestamp)
            {
                Stamp(sequence, timestamp);
                return ShownJson(activity);
            }

            // A customer's message is stored once however often the client retries it (on this instance or another).
            // A retry becomes the stored one (its id, time, channel) and its turn is queued again: the bot acknowledges
            // a message it already answered (ConversationData's recent ids) and answers one whose first turn was lost
            // with the instance that took it.
            if (persist && activity.From?.Role == RoleTypes.User && ClientActivityRetry.IdOf(activity) is { } clientActivityId)
            {
                var (sequence, json, appended) = await _store.AppendOnceAsync(conversationId, clientActivityId, Render, CancellationToken.None).ConfigureAwait(false);
                if (appended)
                {
                    Send(new ActivityFrame(conversationId, sequence, json, IsUpdate: false));
                }
                else
                {
                    Stamp(sequence, Deserialize(json)?.Timestamp);
                }
            }
            else
            {
                // A customer's kept activity is owed the bot's turn (DirectLineTurnRunner) from the moment it is stored.
                var entry = !persist ? LogEntry.Typing : activity.From?.Role == RoleTypes.User ? LogEntry.CustomerTurn : LogEntry.Kept;
                var (sequence, json) = await _store.AppendAsync(conversationId, Render, entry, CancellationToken.None).ConfigureAwait(false);
                Send(new ActivityFrame(conversationId, sequence, json, IsUpdate: false));
            }

            whileOrdered?.Invoke(activity.Id);
            return activity.Id;
        }
        finally
        {
            live.Gate.Release();
        }
    }

    /// <summary>To this instance's sockets directly, to the others' through the feed.</summary>
    private void Send(ActivityFrame frame)
    {
        _sockets.Deliver(frame);
        _feed.Publish(frame);
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
        var live = GetLive(conversationId);
        await live.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            activity.ChannelId = DirectLineEndpoints.ChannelId;
            activity.Timestamp ??= _time.GetUtcNow();
            var json = Serialize(activity);
            if (await _store.ReplaceAsync(conversationId, activity.Id, json, CancellationToken.None).ConfigureAwait(false) is { } sequence)
            {
                Send(new ActivityFrame(conversationId, sequence, json, IsUpdate: true));
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
        var page = await _store.ReadPageAsync(conversationId, watermark, PageSize, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No Direct Line conversation {conversationId}.");
        return ([.. page.Activities.Select(row => row.Json)], page.Watermark(PageSize));
    }

    /// <summary>Registers a stream socket's outbox for every activity appended from now on, here or on another instance. Dispose the result to unregister.</summary>
    public IDisposable Subscribe(string conversationId, ChannelWriter<ActivityFrame> outbox) => _sockets.Add(conversationId, outbox);

    /// <summary>How many sockets are open on a conversation on this instance (for tests and diagnostics).</summary>
    public int SocketCount(string conversationId) => _sockets.Count(conversationId);

    private Live GetLive(string conversationId)
    {
        var live = _conversations.GetOrAdd(conversationId, static _ => new Live());
        live.LastUsed = Environment.TickCount64;
        return live;
    }

    /// <summary>How many conversations are held in memory (for tests and diagnostics).</summary>
    public int LiveCount => _conversations.Count;

    /// <summary>Lets go of the in-memory gates of conversations nobody appended to for <paramref name="idle"/>. Returns how many were let go.</summary>
    public int EvictIdle(TimeSpan idle)
    {
        var cutoff = Environment.TickCount64 - (long)idle.TotalMilliseconds;
        var evicted = 0;
        foreach (var (id, live) in _conversations)
        {
            // Only when nothing is using it right now: its gate is free.
            if (live.LastUsed > cutoff || !live.Gate.Wait(0))
            {
                continue;
            }

            try
            {
                if (_conversations.TryRemove(new KeyValuePair<string, Live>(id, live)))
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

        /// <summary>When the conversation was last appended to here (Environment.TickCount64).</summary>
        public long LastUsed { get; set; } = Environment.TickCount64;
    }
}
