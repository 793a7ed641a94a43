using IqosBot.Storage;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>
/// The connections SQLite keeps open between operations (a writer session, idle reader sessions, each with its
/// statements prepared): nothing left open once disposed or cleared, a session that failed or was left inside a
/// transaction never lent again, and no update lost when many turns read and write at once.
/// </summary>
/// <remarks>
/// SQLite removes a database's -wal and -shm files when the last connection to it closes, so their absence is
/// how these tests see that every kept connection was closed (on Linux a file still open can be deleted anyway).
/// </remarks>
public sealed partial class SqliteSessionsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iqosbot-sessions-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteStorage> _opened = [];

    private string DatabasePath => Path.Combine(_folder, "state.db");

    private string WalPath => DatabasePath + "-wal";

    private string ShmPath => DatabasePath + "-shm";

    [Fact]
    public async Task After_many_reads_and_writes_disposing_closes_every_connection_and_the_data_reopens_intact()
    {
        var storage = Open();
        await ReadAndWriteAtOnceAsync(storage, keys: 16, rounds: 10);
        await storage.KeysNotWrittenSinceAsync(DateTimeOffset.UtcNow.AddDays(1), string.Empty, 100, CancellationToken.None);
        Assert.True(File.Exists(WalPath), "the kept sessions hold the WAL open");

        storage.Dispose();

        Assert.False(File.Exists(WalPath), "a connection is still open after Dispose");
        Assert.False(File.Exists(ShmPath), "a connection is still open after Dispose");
        var reopened = Open();
        var read = await reopened.ReadAsync([.. Enumerable.Range(0, 16).Select(Key)]);
        reopened.Dispose();
        Assert.Equal(Enumerable.Repeat(10, 16), Enumerable.Range(0, 16).Select(i => Assert.IsType<Counter>(read[Key(i)]).Count));

        File.Delete(DatabasePath);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_read_that_fails_does_not_break_later_reads_of_good_keys()
    {
        var storage = Open();
        await storage.WriteAsync(new Dictionary<string, object> { ["good-1"] = new Counter { Count = 1 }, ["good-2"] = new Counter { Count = 2 } });
        await TamperAsync("bad", """{"$type":"Gadget, Evil","Name":"n"}""");

        for (var round = 0; round < 10; round++)
        {
            // The bad key after a good one: the failure comes mid-read, on a session that has already prepared its statement.
            await Assert.ThrowsAsync<JsonSerializationException>(() => storage.ReadAsync(["good-1", "bad"]));

            var read = await storage.ReadAsync(["good-1", "good-2"]);
            Assert.Equal(1, Assert.IsType<Counter>(read["good-1"]).Count);
            Assert.Equal(2, Assert.IsType<Counter>(read["good-2"]).Count);
        }

        await storage.WriteAsync(new Dictionary<string, object> { ["good-3"] = new Counter { Count = 3 } });
        Assert.Equal(3, Assert.IsType<Counter>((await storage.ReadAsync(["good-3"]))["good-3"]).Count);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_throws_and_the_next_write_with_the_fresh_etag_is_stored()
    {
        var storage = Open();
        await storage.WriteAsync(Item("item", 1, etag: null));
        var stale = await ReadCounterAsync(storage, "item");
        await storage.WriteAsync(Item("item", 2, stale.ETag));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => storage.WriteAsync(Item("item", 3, stale.ETag)));
        var fresh = await ReadCounterAsync(storage, "item");
        await storage.WriteAsync(Item("item", 4, fresh.ETag));

        Assert.Contains("Etag conflict", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, fresh.Count);
        Assert.Equal(4, (await ReadCounterAsync(storage, "item")).Count);
        Assert.Contains("\"Count\":4", await StoredJsonAsync("item"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_failing_on_a_stale_etag_stores_nothing_and_the_next_batch_is_stored_whole()
    {
        var storage = Open();
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Counter { Count = 1 }, ["b"] = new Counter { Count = 1 } });
        var a = await ReadCounterAsync(storage, "a");
        var b = await ReadCounterAsync(storage, "b");

        // The batch runs in a transaction on the writer session: the conflict on "b" must roll "a" back with it.
        await Assert.ThrowsAsync<ArgumentException>(() => storage.WriteAsync(new Dictionary<string, object>
        {
            ["a"] = new Counter { Count = 50, ETag = a.ETag },
            ["b"] = new Counter { Count = 50, ETag = "stale" },
        }));
        Assert.Contains("\"Count\":1", await StoredJsonAsync("a"), StringComparison.Ordinal);

        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["a"] = new Counter { Count = 2, ETag = a.ETag },
            ["b"] = new Counter { Count = 2, ETag = b.ETag },
        });

        // Read on a connection of the test's own: committed, not merely visible inside the writer's transaction.
        Assert.Contains("\"Count\":2", await StoredJsonAsync("a"), StringComparison.Ordinal);
        Assert.Contains("\"Count\":2", await StoredJsonAsync("b"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reclaiming_after_deletes_empties_the_wal_even_right_after_reader_sessions_were_used()
    {
        var storage = Open();
        var secret = new string('s', 2000);
        var keys = Enumerable.Range(0, 40).Select(Key).ToArray();
        foreach (var key in keys)
        {
            await storage.WriteAsync(new Dictionary<string, object> { [key] = new Note { Text = secret } });
        }

        // Several sessions at once, each left idle with its statement prepared; reads stop after the first row found.
        await Task.WhenAll(keys.Chunk(5).Select(chunk => Task.Run(() => storage.ReadAsync(chunk))));
        await storage.DeleteAsync(keys[..30]);
        await Task.WhenAll(keys.Chunk(5).Select(chunk => Task.Run(() => storage.ReadAsync(chunk))));
        Assert.True(new FileInfo(WalPath).Length > 0);

        await storage.ReclaimAsync(CancellationToken.None);

        Assert.Equal(0, new FileInfo(WalPath).Length);
        Assert.Equal(10, (await storage.ReadAsync(keys)).Count);
    }

    [Fact]
    public async Task Thirty_two_concurrent_read_modify_write_loops_lose_no_update()
    {
        const int Loops = 32;
        const int Rounds = 20;
        var storage = Open();
        var sharers = Enumerable.Range(0, Loops).Where(i => i % 4 == 0).ToArray();

        await Task.WhenAll(Enumerable.Range(0, Loops).Select(loop => Task.Run(async () =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                // A loop's own key is never written by another, so its etag can never be stale: no retry.
                await IncrementAsync(storage, Key(loop));
                if (sharers.Contains(loop))
                {
                    while (!await TryIncrementAsync(storage, "shared"))
                    {
                    }
                }
            }
        })));

        var read = await storage.ReadAsync([.. Enumerable.Range(0, Loops).Select(Key), "shared"]);
        Assert.All(Enumerable.Range(0, Loops), loop => Assert.Equal(Rounds, Assert.IsType<Counter>(read[Key(loop)]).Count));
        Assert.Equal(sharers.Length * Rounds, Assert.IsType<Counter>(read["shared"]).Count);
    }

    public void Dispose()
    {
        _opened.ForEach(storage => storage.Dispose());
        _files.ForEach(file => file.ClearPool());
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string Key(int index) => $"conversation/{index}";

    private static Dictionary<string, object> Item(string key, int count, string? etag)
        => new() { [key] = new Counter { Count = count, ETag = etag } };

    private static async Task<Counter> ReadCounterAsync(SqliteStorage storage, string key)
        => Assert.IsType<Counter>((await storage.ReadAsync([key]))[key]);

    private static async Task IncrementAsync(SqliteStorage storage, string key)
    {
        if (!await TryIncrementAsync(storage, key))
        {
            throw new InvalidOperationException($"{key} was written by another loop");
        }
    }

    /// <summary>One read-modify-write with the etag read; false when another writer got in between.</summary>
    private static async Task<bool> TryIncrementAsync(SqliteStorage storage, string key)
    {
        var read = await storage.ReadAsync([key]);
        var counter = read.TryGetValue(key, out var value) ? (Counter)value : new Counter();
        counter.Count++;

        // A turn does its work between reading and writing; yielding here lets the other loops get in between.
        await Task.Yield();
        try
        {
            await storage.WriteAsync(new Dictionary<string, object> { [key] = counter });
            return true;
        }
        catch (ArgumentException conflict) when (conflict.Message.Contains("Etag conflict", StringComparison.Ordinal))
        {
            return false;
        }
    }

    /// <summary>Readers and writers at once, on threads of their own: each key ends with its count at <paramref name="rounds"/>.</summary>
    private static Task ReadAndWriteAtOnceAsync(SqliteStorage storage, int keys, int rounds)
        => Task.WhenAll(Enumerable.Range(0, keys).Select(index => Task.Run(async () =>
        {
            for (var round = 0; round < rounds; round++)
            {
                await IncrementAsync(storage, Key(index));
                await storage.ReadAsync([.. Enumerable.Range(0, keys).Select(Key)]);
            }
        })));

    private SqliteStorage Open()
    {
        var storage = new SqliteStorage(new SqliteStorageOptions { Path = DatabasePath });
        _opened.Add(storage);
        return storage;
    }

    /// <summary>Writes a row behind the store's back, as someone with access to the database could.</summary>
    private Task TamperAsync(string key, string json) => SqliteStorageTests.TamperStateRowAsync(DatabasePath, key, json);

    /// <summary>The stored JSON of a key, read on a connection of the test's own.</summary>
    private async Task<string> StoredJsonAsync(string key)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT value FROM state WHERE key = $key";
        select.Parameters.AddWithValue("$key", key);
        return (string)(await select.ExecuteScalarAsync())!;
    }

    public sealed class Counter : Microsoft.Bot.Builder.IStoreItem
    {
        public int Count { get; set; }

        public string? ETag { get; set; }
    }

    public sealed class Note
    {
        public string? Text { get; set; }
    }
}
