using IqosBot.DirectLine;
using IqosBot.Handoff.Sqlite;
using IqosBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>
/// The SQLite files record their schema as versioned steps per store (schema_migrations), as PostgreSQL does: a
/// new file gets every store's steps once, however many open it at once, and a file made before steps were
/// recorded keeps its data and is brought under them.
/// </summary>
public sealed class SqliteSchemaVersionTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iqosbot-schema-" + Guid.NewGuid().ToString("N"));

    private string StatePath => Path.Combine(_folder, "state.db");

    [Fact]
    public async Task Every_store_sharing_the_state_file_records_its_steps_once_however_many_open_it_at_once()
    {
        Directory.CreateDirectory(_folder);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(opener => Task.Run(() =>
        {
            _ = new SqliteStorage(new SqliteStorageOptions { Path = StatePath });
            _ = new SqliteDirectLineStore(Options.Create(new SqliteStorageOptions { Path = StatePath }), Options.Create(new DirectLineOptions()));
            _ = new HandoffDatabase(StatePath);
        })));

        Assert.Equal(["directline 1", "directline 2", "directline 3", "handoff 1", "state 1"], await RowsAsync("SELECT component || ' ' || version FROM schema_migrations ORDER BY component, version"));
    }

    [Fact]
    public async Task A_file_from_before_versioned_steps_keeps_its_state_and_is_recorded_at_version_one()
    {
        Directory.CreateDirectory(_folder);
        await using (var old = new SqliteConnection($"Data Source={StatePath};Pooling=false"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE state (key TEXT PRIMARY KEY NOT NULL, etag TEXT NOT NULL, value TEXT NOT NULL, updated_at TEXT NOT NULL);
                INSERT INTO state VALUES ('webchat/conversations/c1', '1', '{"Language":"sv"}', '2026-11-30T10:00:00.000Z');
                """;
            await create.ExecuteNonQueryAsync();
        }

        var storage = new SqliteStorage(new SqliteStorageOptions { Path = StatePath });

        Assert.Single(await storage.ReadAsync(["webchat/conversations/c1"]));
        Assert.Equal(["state 1"], await RowsAsync("SELECT component || ' ' || version FROM schema_migrations"));
    }

    [Fact]
    public async Task Conversations_in_a_file_from_before_turns_were_tracked_are_not_welcomed_or_answered_again()
    {
        Directory.CreateDirectory(_folder);
        var options = Options.Create(new SqliteStorageOptions { Path = StatePath });
        var directLine = Options.Create(new DirectLineOptions());

        // The Direct Line tables as version 1 made them: a started conversation, answered, with three activities.
        await using (var old = new SqliteConnection($"Data Source={StatePath};Pooling=false"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE schema_migrations (component TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (component, version));
                INSERT INTO schema_migrations VALUES ('directline', 1, '2026-11-30T10:00:00.000Z');
                CREATE TABLE directline_conversations (id TEXT PRIMARY KEY NOT NULL, user_id TEXT NOT NULL, user_name TEXT, locale TEXT,
                    started INTEGER NOT NULL DEFAULT 0, next_seq INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, last_activity_at TEXT NOT NULL);
                CREATE TABLE directline_activities (conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, activity_id TEXT NOT NULL, json TEXT NOT NULL,
                    PRIMARY KEY (conversation_id, seq)) WITHOUT ROWID;
                INSERT INTO directline_conversations VALUES ('c1', 'dl_u1', NULL, 'sv-SE', 1, 3, '2026-11-30T10:00:00.000Z', '2026-11-30T10:00:05.000Z');
                INSERT INTO directline_activities VALUES ('c1', 0, 'c1|0000000', '{"type":"message","from":{"role":"bot"}}');
                INSERT INTO directline_activities VALUES ('c1', 1, 'c1|0000001', '{"type":"message","from":{"role":"user"},"text":"hej","channelData":{"clientActivityID":"wc-1"}}');
                INSERT INTO directline_activities VALUES ('c1', 2, 'c1|0000002', '{"type":"message","from":{"role":"bot"}}');
                """;
            await create.ExecuteNonQueryAsync();
        }

        var store = new SqliteDirectLineStore(options, directLine);

        var due = await store.ReadDueTurnsAsync("c1", long.MaxValue, CancellationToken.None);
        Assert.False(due!.WelcomeDue);
        Assert.Empty(due.Activities);
        Assert.Empty(await store.FindStalledAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None));
        Assert.Equal(3, (await store.ReadPageAsync("c1", 0, 100, CancellationToken.None))!.Activities.Count);

        // Web Chat retrying a message it sent before the upgrade gets the one already kept, not a second copy.
        var retry = await store.AppendOnceAsync("c1", "wc-1", (_, _) => throw new InvalidOperationException("A retry is not stored again."), CancellationToken.None);
        Assert.Equal((1L, false), (retry.Sequence, retry.Appended));
        Assert.Equal(3, (await store.ReadPageAsync("c1", 0, 100, CancellationToken.None))!.Activities.Count);
    }

    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={StatePath};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
