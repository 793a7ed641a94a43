using IqosBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>
/// What every bot-state store must do, run against each provider (SQLite and PostgreSQL): the SDK's storage
/// semantics, the same .NET types back, optimistic concurrency that loses no update between two instances,
/// and no type from outside the allowed assemblies in either direction.
/// </summary>
public abstract partial class StateStoreContract
{
    /// <summary>A store on this test's database; called again, a second instance on the same database.</summary>
    protected abstract IStateStore Open();

    /// <summary>Writes a row behind the store's back, as someone with access to the database could.</summary>
    protected abstract Task TamperAsync(string key, string json);

    [Fact]
    public async Task Dictionary_with_nested_values_round_trips_as_the_same_types()
    {
        var storage = Open();
        var state = new Dictionary<string, object>
        {
            ["name"] = "Anna",
            ["count"] = 3,
            ["tags"] = new List<string> { "a", "b" },
            ["profile"] = new Profile { Email = "anna@example.com", Visits = 7 },
            ["inner"] = new Dictionary<string, object> { ["deep"] = new Dictionary<string, object> { ["flag"] = true } },
        };

        await storage.WriteAsync(new Dictionary<string, object> { ["conversation/1"] = state });
        var read = await storage.ReadAsync(["conversation/1"]);

        var roundTripped = Assert.IsType<Dictionary<string, object>>(read["conversation/1"]);
        Assert.Equal("Anna", roundTripped["name"]);
        Assert.Equal(3L, roundTripped["count"]);
        Assert.Equal(["a", "b"], Assert.IsType<List<string>>(roundTripped["tags"]));
        var profile = Assert.IsType<Profile>(roundTripped["profile"]);
        Assert.Equal("anna@example.com", profile.Email);
        Assert.Equal(7, profile.Visits);
        var inner = Assert.IsType<Dictionary<string, object>>(roundTripped["inner"]);
        var deep = Assert.IsType<Dictionary<string, object>>(inner["deep"]);
        Assert.Equal(true, deep["flag"]);
    }

    [Fact]
    public async Task Store_item_round_trips_and_carries_the_current_etag()
    {
        var storage = Open();

        await storage.WriteAsync(Changes("item", new Counter { Count = 5 }));
        var first = Assert.IsType<Counter>((await storage.ReadAsync(["item"]))["item"]);
        await storage.WriteAsync(Changes("item", new Counter { Count = 6, ETag = first.ETag }));
        var second = Assert.IsType<Counter>((await storage.ReadAsync(["item"]))["item"]);

        Assert.Equal(5, first.Count);
        Assert.Equal(6, second.Count);
        Assert.False(string.IsNullOrEmpty(first.ETag));
        Assert.False(string.IsNullOrEmpty(second.ETag));
        Assert.NotEqual(first.ETag, second.ETag);
    }

    [Fact]
    public async Task Reading_returns_only_the_keys_found()
    {
        var storage = Open();
        await storage.WriteAsync(Changes("present", new Counter { Count = 1 }));

        var read = await storage.ReadAsync(["missing", "present", "also-missing"]);

        Assert.Equal(["present"], read.Keys);
        Assert.Empty(await storage.ReadAsync(["missing"]));
        Assert.Empty(await storage.ReadAsync([]));
    }

    [Fact]
    public async Task Delete_removes_the_key_and_ignores_missing_keys()
    {
        var storage = Open();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["keep"] = new Counter { Count = 1 },
            ["drop"] = new Counter { Count = 2 },
        });

        await storage.DeleteAsync(["drop", "never-written"]);

        var read = await storage.ReadAsync(["keep", "drop"]);
        Assert.Equal(["keep"], read.Keys);
        Assert.Equal(1, Assert.IsType<Counter>(read["keep"]).Count);
    }

    [Fact]
    public async Task Writing_a_wrong_etag_throws_and_leaves_the_stored_value()
    {
        var storage = Open();
        await storage.WriteAsync(Changes("item", new Counter { Count = 1 }));

        var error = await Assert.ThrowsAnyAsync<Exception>(
            () => storage.WriteAsync(Changes("item", new Counter { Count = 99, ETag = "not-the-etag" })));

        Assert.Contains("Etag conflict", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("99", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Assert.IsType<Counter>((await storage.ReadAsync(["item"]))["item"]).Count);
    }

    [Fact]
    public async Task A_star_etag_overwrites()
    {
        var storage = Open();
        await storage.WriteAsync(Changes("item", new Counter { Count = 1 }));

        await storage.WriteAsync(Changes("item", new Counter { Count = 2, ETag = "*" }));

        Assert.Equal(2, Assert.IsType<Counter>((await storage.ReadAsync(["item"]))["item"]).Count);
    }

    [Fact]
    public async Task An_item_without_etag_is_new_so_writing_it_over_a_stored_one_is_a_conflict()
    {
        // As MemoryStorage: two callers that both found nothing and create the item cannot both win.
        var storage = Open();
        await storage.WriteAsync(Changes("item", new Counter { Count = 1 }));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => storage.WriteAsync(Changes("item", new Counter { Count = 3, ETag = null })));

        Assert.Contains("Etag conflict", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Assert.IsType<Counter>((await storage.ReadAsync(["item"]))["item"]).Count);
    }

    [Fact]
    public async Task A_stale_etag_throws_after_another_write_while_the_fresh_one_succeeds()
    {
        var storage = Open();
        await storage.WriteAsync(Changes("item", new Counter { Count = 1 }));
        var mine = Assert.IsType<Counter>((await storage.ReadAsync(["item"]))["item"]);
        var theirs = Assert.IsType<Counter>((await storage.ReadAsync(["item"]))["item"]);

        theirs.Count = 10;
        await storage.WriteAsync(Changes("item", theirs));
        mine.Count = 20;
        var error = await Assert.ThrowsAnyAsync<Exception>(() => storage.WriteAsync(Changes("item", mine)));

        Assert.Contains("Etag conflict", error.Message, StringComparison.Ordinal);
        var fresh = Assert.IsType<Counter>((await storage.ReadAsync(["item"]))["item"]);
        Assert.Equal(10, fresh.Count);
        fresh.Count = 30;
        await storage.WriteAsync(Changes("item", fresh));
        Assert.Equal(30, Assert.IsType<Counter>((await storage.ReadAsync(["item"]))["item"]).Count);
    }

    [Fact]
    public async Task A_batch_with_one_conflict_writes_nothing()
    {
        var storage = Open();
        await storage.WriteAsync(Changes("guarded", new Counter { Count = 1 }));

        await Assert.ThrowsAnyAsync<Exception>(() => storage.WriteAsync(new Dictionary<string, object>
        {
            ["other"] = new Counter { Count = 2 },
            ["guarded"] = new Counter { Count = 3, ETag = "stale" },
        }));

        var read = await storage.ReadAsync(["other", "guarded"]);
        Assert.Equal(["guarded"], read.Keys);
        Assert.Equal(1, Assert.IsType<Counter>(read["guarded"]).Count);
    }

    [Fact]
    public async Task Values_that_are_not_store_items_always_overwrite()
    {
        var storage = Open();

        await storage.WriteAsync(Changes("state", new Dictionary<string, object> { ["ETag"] = "x", ["n"] = 1 }));
        await storage.WriteAsync(Changes("state", new Dictionary<string, object> { ["ETag"] = "y", ["n"] = 2 }));

        var state = Assert.IsType<Dictionary<string, object>>((await storage.ReadAsync(["state"]))["state"]);
        Assert.Equal(2L, state["n"]);
    }

    [Fact]
    public async Task Concurrent_read_modify_write_loses_no_update()
    {
        // Two instances stand for two processes: each has its own in-process write queue, so only
        // the database's own locking keeps them apart.
        var first = Open();
        var second = Open();
        const int Writers = 20;
        const int IncrementsPerWriter = 5;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var storage = writer % 2 == 0 ? first : second;
            for (var i = 0; i < IncrementsPerWriter; i++)
            {
                while (true)
                {
                    var read = await storage.ReadAsync(["counter"]);
                    var counter = read.TryGetValue("counter", out var value) ? (Counter)value : new Counter();
                    counter.Count++;
                    try
                    {
                        await storage.WriteAsync(Changes("counter", counter));
                        break;
                    }
                    catch (Exception ex) when (ex.Message.Contains("Etag conflict", StringComparison.Ordinal))
                    {
                        // Someone else won: read again and redo the increment.
                    }
                }
            }
        })));

        var final = Assert.IsType<Counter>((await first.ReadAsync(["counter"]))["counter"]);
        Assert.Equal(Writers * IncrementsPerWriter, final.Count);
    }

    [Fact]
    public async Task Data_survives_reopening_the_file()
    {
        await Open().WriteAsync(Changes("item", new Counter { Count = 42 }));

        var reopened = Open();
        var read = await reopened.ReadAsync(["item"]);

        Assert.Equal(42, Assert.IsType<Counter>(read["item"]).Count);
    }

    [Fact]
    public async Task Conversation_state_survives_a_new_storage_on_the_same_file()
    {
        var conversation = TestAdapter.CreateConversation("state-store");

        await CounterFlow(Open(), conversation).Send("hi").AssertReply("1").Send("hi").AssertReply("2").StartTestAsync();
        await CounterFlow(Open(), conversation).Send("hi").AssertReply("3").StartTestAsync();
    }

    [Fact]
    public async Task Retention_sees_when_a_row_was_last_written()
    {
        var storage = Open();
        await storage.WriteAsync(Changes("webchat/conversations/a", new Counter { Count = 1 }));
        var now = DateTimeOffset.UtcNow;

        Assert.True(await storage.NotWrittenSinceAsync("webchat/conversations/a", now.AddMinutes(5), CancellationToken.None));
        Assert.False(await storage.NotWrittenSinceAsync("webchat/conversations/a", now.AddMinutes(-5), CancellationToken.None));
        Assert.False(await storage.NotWrittenSinceAsync("webchat/conversations/missing", now.AddMinutes(5), CancellationToken.None));
        Assert.Equal(["webchat/conversations/a"], await storage.KeysNotWrittenSinceAsync(now.AddMinutes(5), string.Empty, 10, CancellationToken.None));
        Assert.Empty(await storage.KeysNotWrittenSinceAsync(now.AddMinutes(-5), string.Empty, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Null_arguments_and_keys_are_rejected()
    {
        var storage = Open();

        await Assert.ThrowsAsync<ArgumentNullException>(() => storage.ReadAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => storage.WriteAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => storage.DeleteAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => storage.ReadAsync([null!]));
        await Assert.ThrowsAsync<ArgumentNullException>(() => storage.WriteAsync(Changes("", new Counter())));
    }

    [Fact]
    public async Task Types_from_other_assemblies_are_refused_on_write()
    {
        var storage = Open();

        var error = await Assert.ThrowsAsync<JsonSerializationException>(() => storage.WriteAsync(
            Changes("state", new Dictionary<string, object> { ["cookie"] = new System.Net.Cookie("name", "value") })));

        Assert.Contains("is not allowed in bot state", error.Message, StringComparison.Ordinal);
        Assert.Empty(await storage.ReadAsync(["state"]));
    }

    [Theory]
    [InlineData("""{"$type":"Gadget, Evil","Name":"n"}""")]
    [InlineData("""{"$type":"System.Net.Cookie, System.Net.Primitives","Name":"n"}""")]
    [InlineData("""{"$type":"System.Collections.Generic.List`1[[System.Net.Cookie, System.Net.Primitives]], System.Private.CoreLib","$values":[]}""")]
    [InlineData("""{"$type":"System.Collections.Generic.List`1[[System.Net.Cookie, System.Net.Primitives]][], System.Private.CoreLib","$values":[]}""")]
    public async Task Stored_json_naming_other_assemblies_is_refused_on_read(string json)
    {
        var storage = Open();
        await TamperAsync("tampered", json);

        var error = await Assert.ThrowsAsync<JsonSerializationException>(() => storage.ReadAsync(["tampered"]));

        Assert.Contains("is not allowed in bot state", error.InnerException?.Message, StringComparison.Ordinal);
    }

    protected static Dictionary<string, object> Changes(string key, object value) => new() { [key] = value };

    private static TestFlow CounterFlow(IStorage storage, ConversationReference conversation)
    {
        var state = new ConversationState(storage);
        var counter = state.CreateProperty<Counter>("counter");
        var adapter = new TestAdapter(conversation).Use(new AutoSaveStateMiddleware(state));

        return new TestFlow(adapter, async (turn, cancellationToken) =>
        {
            var value = await counter.GetAsync(turn, () => new Counter(), cancellationToken);
            value.Count++;
            await turn.SendActivityAsync(value.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        });
    }

    public sealed class Counter : IStoreItem
    {
        public int Count { get; set; }

        public string? ETag { get; set; }
    }

    public sealed class Profile
    {
        public string? Email { get; set; }

        public int Visits { get; set; }
    }
}
