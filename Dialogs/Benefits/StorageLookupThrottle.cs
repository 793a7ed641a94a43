using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Benefits;

/// <summary>
/// At most <c>maxLookups</c> lookups in a sliding window per conversation, counted in the bot's storage
/// so the limit holds across restarts and across the bot's instances.
/// </summary>
public sealed class StorageLookupThrottle : ILookupThrottle
{
    private readonly IStorage _storage;
    private readonly TimeProvider _clock;
    private readonly int _maxLookups;
    private readonly TimeSpan _window;

    public StorageLookupThrottle(IStorage storage, TimeProvider clock, int maxLookups = 5, TimeSpan? window = null)
    {
        _storage = storage ?? throw new ArgumentNullException(nameof(storage));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _maxLookups = maxLookups;
        _window = window ?? TimeSpan.FromMinutes(10);
    }

    public async Task<bool> TryAcquireAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var key = $"{turnContext.Activity.ChannelId}/conversations/{turnContext.Activity.Conversation.Id}/lookups";
        var now = _clock.GetUtcNow();

        var stored = await _storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        var history = stored.TryGetValue(key, out var value) && value is LookupHistory found ? found : new LookupHistory();
        history.Times.RemoveAll(time => now - time > _window);
        if (history.Times.Count >= _maxLookups)
        {
            return false;
        }

        history.Times.Add(now);
        history.ETag = "*";
        await _storage.WriteAsync(new Dictionary<string, object> { [key] = history }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>When the recent lookups of one conversation happened.</summary>
    public sealed class LookupHistory : IStoreItem
    {
        public List<DateTimeOffset> Times { get; set; } = [];

        public string? ETag { get; set; }
    }
}
