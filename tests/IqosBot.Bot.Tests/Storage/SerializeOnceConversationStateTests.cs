using IqosBot.Bot.Tests.Hosting;
using IqosBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>
/// The conversation state the bot registers in place of the SDK's: without the SDK's change detection it must
/// still keep each conversation's state apart, write nothing for a turn that never loaded it, honour clearing,
/// deleting and forced reloads, and leave in the file exactly what the SDK's <see cref="ConversationState"/> would.
/// </summary>
public sealed class SerializeOnceConversationStateTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly List<SqliteStorage> _opened = [];

    [Fact]
    public async Task A_property_set_in_one_turn_is_read_back_by_the_next_turn_of_that_conversation_only()
    {
        var storage = Open();
        var state = new SerializeOnceConversationState(storage);
        var profile = state.CreateProperty<Profile>("profile");
        using (var first = Turn("alice"))
        {
            var value = await profile.GetAsync(first, () => new Profile());
            value.Email = "alice@example.com";
            value.Visits = 3;
            value.Tags.AddRange(["iluma", "warranty"]);
            await state.SaveChangesAsync(first);
        }

        // A new storage on the file as well as a new state object and turn: what comes back can only have come from the
        // file (the first storage would hand the saved objects over).
        var reread = new SerializeOnceConversationState(Open()).CreateProperty<Profile>("profile");
        using var second = Turn("alice");
        using var other = Turn("bob");
        var defaults = 0;
        var read = await reread.GetAsync(second, () => { defaults++; return new Profile(); });
        var bobs = await reread.GetAsync(other, () => { defaults++; return new Profile(); });

        Assert.Equal("alice@example.com", read.Email);
        Assert.Equal(3, read.Visits);
        Assert.Equal(["iluma", "warranty"], read.Tags);
        Assert.Null(bobs.Email);
        Assert.Equal(0, bobs.Visits);
        Assert.Equal(1, defaults);
        Assert.Equal([StorageKey("alice")], (await StoredRowsAsync()).Keys);
    }

    [Fact]
    public async Task Clearing_the_state_and_saving_leaves_the_next_turn_with_the_default()
    {
        var state = new SerializeOnceConversationState(Open());
        var profile = state.CreateProperty<Profile>("profile");
        await SetVisitsAsync(state, profile, "alice", 5);

        using (var clearing = Turn("alice"))
        {
            Assert.Equal(5, (await profile.GetAsync(clearing, () => new Profile())).Visits);
            await state.ClearStateAsync(clearing);
            await state.SaveChangesAsync(clearing);
        }

        using var next = Turn("alice");
        var defaulted = false;
        var value = await profile.GetAsync(next, () => { defaulted = true; return new Profile { Visits = -1 }; });

        Assert.True(defaulted);
        Assert.Equal(-1, value.Visits);
        Assert.DoesNotContain("Visits", (await StoredRowsAsync())[StorageKey("alice")], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_removes_the_stored_row_and_saving_afterwards_does_not_bring_it_back()
    {
        var state = new SerializeOnceConversationState(Open());
        var profile = state.CreateProperty<Profile>("profile");
        await SetVisitsAsync(state, profile, "alice", 2);
        await SetVisitsAsync(state, profile, "bob", 4);
        Assert.Contains(StorageKey("alice"), (await StoredRowsAsync()).Keys);

        using (var deleting = Turn("alice"))
        {
            await profile.GetAsync(deleting, () => new Profile());
            await state.DeleteAsync(deleting);
            await state.SaveChangesAsync(deleting);
        }

        Assert.Equal([StorageKey("bob")], (await StoredRowsAsync()).Keys);
    }

    [Fact]
    public async Task A_turn_that_never_touched_the_state_writes_no_row()
    {
        var state = new SerializeOnceConversationState(Open());
        using (var untouched = Turn("alice"))
        {
            await untouched.SendActivityAsync("hello");
            await state.SaveChangesAsync(untouched);
            await state.SaveChangesAsync(untouched, force: true);
        }

        Assert.Empty(await StoredRowsAsync());
    }

    [Fact]
    public async Task A_forced_load_rereads_what_another_writer_stored_meanwhile()
    {
        var storage = Open();
        var state = new SerializeOnceConversationState(storage);
        var profile = state.CreateProperty<Profile>("profile");
        await SetVisitsAsync(state, profile, "alice", 1);

        using var turn = Turn("alice");
        Assert.Equal(1, (await profile.GetAsync(turn, () => new Profile())).Visits);

        // Another instance of the bot (its own state object and turn) writes the same conversation meanwhile.
        var elsewhere = new SerializeOnceConversationState(Open());
        await SetVisitsAsync(elsewhere, elsewhere.CreateProperty<Profile>("profile"), "alice", 7);

        await state.LoadAsync(turn);
        var cached = (await profile.GetAsync(turn, () => new Profile())).Visits;
        await state.LoadAsync(turn, force: true);
        var reloaded = (await profile.GetAsync(turn, () => new Profile())).Visits;

        Assert.Equal(1, cached);
        Assert.Equal(7, reloaded);
    }

    [Fact]
    public async Task A_turn_that_fails_before_saving_leaves_the_next_turn_the_last_saved_state()
    {
        var state = new SerializeOnceConversationState(Open());
        var profile = state.CreateProperty<Profile>("profile");
        await SetVisitsAsync(state, profile, "alice", 1);

        using (var failing = Turn("alice"))
        {
            // Takes what the last turn handed over, changes it, and never gets to save (the turn threw).
            (await profile.GetAsync(failing, () => new Profile())).Visits = 99;
        }

        using var next = Turn("alice");
        Assert.Equal(1, (await profile.GetAsync(next, () => new Profile())).Visits);
    }

    [Fact]
    public async Task A_change_made_after_saving_does_not_reach_the_next_turn()
    {
        var state = new SerializeOnceConversationState(Open());
        var profile = state.CreateProperty<Profile>("profile");
        using (var turn = Turn("alice"))
        {
            (await profile.GetAsync(turn, () => new Profile())).Visits = 1;
            await state.SaveChangesAsync(turn);

            // Asked for again after the save, the state is the turn's once more, and no longer kept for the next turn.
            (await profile.GetAsync(turn, () => new Profile())).Visits = 50;
        }

        using var next = Turn("alice");
        Assert.Equal(1, (await profile.GetAsync(next, () => new Profile())).Visits);
        Assert.Contains("\"Visits\":1", (await StoredRowsAsync())[StorageKey("alice")], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_turn_is_handed_the_objects_the_last_one_saved()
    {
        var state = new SerializeOnceConversationState(Open());
        var profile = state.CreateProperty<Profile>("profile");
        Profile saved;
        using (var turn = Turn("alice"))
        {
            saved = await profile.GetAsync(turn, () => new Profile());
            saved.Visits = 4;
            await state.SaveChangesAsync(turn);
        }

        using var next = Turn("alice");
        Assert.Same(saved, await profile.GetAsync(next, () => new Profile()));
    }

    [Fact]
    public async Task The_same_turns_store_and_read_what_the_sdk_conversation_state_does()
    {
        var sdkStorage = Open(Path.Combine(_database.Directory, "sdk.db"));
        var sdk = await RunScenarioAsync(new ConversationState(sdkStorage), Path.Combine(_database.Directory, "sdk.db"));
        var ours = await RunScenarioAsync(new SerializeOnceConversationState(Open()), _database.Path);

        Assert.Equal(sdk, ours);

        // Not equal merely because both saw nothing: the scenario reads values back and leaves rows behind.
        Assert.Contains(sdk, line => line.Contains("anna@example.com", StringComparison.Ordinal));
        Assert.Contains(sdk, line => line.Contains("default used", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _opened.ForEach(storage => storage.Dispose());
        _database.Dispose();
    }

    /// <summary>
    /// Turns that load, change, leave alone, clear (with and without loading first), delete and save, on two
    /// conversations; after each turn, what the turn read and every row of the file (key and stored JSON).
    /// </summary>
    private static async Task<List<string>> RunScenarioAsync(ConversationState state, string path)
    {
        var profile = state.CreateProperty<Profile>("profile");
        var topic = state.CreateProperty<string>("topic");
        var log = new List<string>();

        async Task TurnAsync(string step, string conversation, Func<ITurnContext, Task> body, bool save = true)
        {
            using var turn = Turn(conversation);
            await body(turn);
            if (save)
            {
                await state.SaveChangesAsync(turn);
            }

            foreach (var (key, json) in await StoredRowsAsync(path))
            {
                log.Add($"{step}: {key} = {json}");
            }
        }

        async Task ReadAsync(ITurnContext turn)
        {
            var defaulted = false;
            var value = await profile.GetAsync(turn, () => { defaulted = true; return new Profile(); });
            log.Add($"read {JsonConvert.SerializeObject(value)}{(defaulted ? " (default used)" : string.Empty)}");
        }

        await TurnAsync("first", "anna", async turn =>
        {
            await ReadAsync(turn);
            var value = await profile.GetAsync(turn, () => new Profile());
            value.Email = "anna@example.com";
            value.Visits = 1;
            await topic.SetAsync(turn, "warranty");
        });
        await TurnAsync("second", "anna", async turn =>
        {
            await ReadAsync(turn);
            (await profile.GetAsync(turn, () => new Profile())).Visits++;
            await topic.DeleteAsync(turn);
        });
        await TurnAsync("other conversation", "ben", async turn =>
        {
            await ReadAsync(turn);
            await topic.SetAsync(turn, "returns");
        });
        await TurnAsync("untouched", "anna", _ => Task.CompletedTask);
        await TurnAsync("loaded unchanged", "anna", ReadAsync);
        await TurnAsync("cleared unloaded", "anna", turn => state.ClearStateAsync(turn));
        await TurnAsync("after clearing unloaded", "anna", ReadAsync, save: false);
        await TurnAsync("cleared loaded", "anna", async turn =>
        {
            await ReadAsync(turn);
            await state.ClearStateAsync(turn);
        });
        await TurnAsync("after clearing", "anna", ReadAsync);
        await TurnAsync("deleted", "ben", async turn =>
        {
            await ReadAsync(turn);
            await state.DeleteAsync(turn);
        });
        await TurnAsync("after deleting", "ben", ReadAsync, save: false);
        return log;
    }

    private static async Task SetVisitsAsync(BotState state, IStatePropertyAccessor<Profile> profile, string conversation, int visits)
    {
        using var turn = Turn(conversation);
        (await profile.GetAsync(turn, () => new Profile())).Visits = visits;
        await state.SaveChangesAsync(turn);
    }

    /// <summary>A fresh turn context of the conversation named, as the adapter makes for each incoming message.</summary>
    private static TurnContext Turn(string conversation)
    {
        var reference = TestAdapter.CreateConversation(conversation);
        var activity = (Activity)MessageFactory.Text("hello");
        activity.ApplyConversationReference(reference, isIncoming: true);
        return new TurnContext(new TestAdapter(reference), activity);
    }

    /// <summary>Where ConversationState files a conversation: the key a stored row can be found under.</summary>
    private static string StorageKey(string conversation) => $"test/conversations/{conversation}";

    private SqliteStorage Open(string? path = null)
    {
        var storage = new SqliteStorage(new SqliteStorageOptions { Path = path ?? _database.Path });
        _opened.Add(storage);
        return storage;
    }

    private Task<SortedDictionary<string, string>> StoredRowsAsync() => StoredRowsAsync(_database.Path);

    /// <summary>Every row of the state table, read from the file on a connection of the test's own.</summary>
    private static async Task<SortedDictionary<string, string>> StoredRowsAsync(string path)
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT key, value FROM state";
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0), reader.GetString(1));
        }

        return rows;
    }

    public sealed class Profile
    {
        public string? Email { get; set; }

        public int Visits { get; set; }

        public List<string> Tags { get; set; } = [];
    }
}
