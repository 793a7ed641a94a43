using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace IqosBot.Storage;

/// <summary>
/// The SDK's <see cref="ConversationState"/> (same storage key, same cached state in the turn context, same
/// property accessors) without its change detection, which serializes the whole state to JSON to compare
/// hashes: once when it is loaded, once before saving and once more after writing, beside the storage's own
/// serialization. In this bot every message turn changes the conversation state (the turn counter, the ids kept
/// against redelivery), so the comparison never saved a write; measured in bench/, those three serializations
/// were about half of all JSON work on a turn. A loaded state is written at the end of the turn; a non-message
/// turn that changed nothing rewrites the same row, which costs less than the two serializations it replaces.
/// On the bot's own stores (<see cref="IStateStore"/>) the state a turn saved is handed over to the conversation's
/// next turn on this instance (<see cref="StateHandOver"/>) rather than read back from its JSON, as long as the row
/// is still the one that turn wrote.
/// </summary>
public sealed class SerializeOnceConversationState(IStorage storage) : ConversationState(storage)
{
    // The key BotState files its cache under in the turn context (the contextServiceKey ConversationState gives
    // it): GetCachedState, the property accessors and ClearStateAsync all look for the cache there.
    private const string CacheKey = nameof(ConversationState);

    private readonly IStorage _storage = storage;

    public override async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var cached = GetCachedState(turnContext);
        if (!force && cached?.State is not null)
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        object? value;
        if (_storage is IStateStore store)
        {
            value = await store.ReadHandedOverAsync(key, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var items = await _storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
            items.TryGetValue(key, out value);
        }

        // CachedBotState hashes the dictionary it is constructed with; an empty one hashes as "{}", for nothing.
        // The loaded dictionary is put in afterwards, unhashed.
        turnContext.TurnState[CacheKey] = new CachedBotState
        {
            State = value switch
            {
                IDictionary<string, object> stored => stored,
                JObject untyped => untyped.ToObject<Dictionary<string, object>>()!,
                null => new Dictionary<string, object>(),
                _ => throw new InvalidOperationException("Data is not in the correct format for BotState."),
            },
        };
    }

    public override async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (GetCachedState(turnContext) is not { State: { } state })
        {
            return;
        }

        if (_storage is IStateStore store)
        {
            // The turn gives its state up: anything later in the turn that asks for the state again takes it back
            // from the store (the same objects, then no longer kept for the next turn) instead of changing, through
            // the turn's cache, what the next turn would be handed.
            await store.WriteAndHandOverAsync(GetStorageKey(turnContext), state, cancellationToken).ConfigureAwait(false);
            turnContext.TurnState.Remove(CacheKey);
            return;
        }

        var changes = new Dictionary<string, object>(1) { [GetStorageKey(turnContext)] = state };
        await _storage.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
    }
}
