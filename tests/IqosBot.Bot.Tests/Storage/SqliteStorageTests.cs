using IqosBot.Storage;
using Microsoft.Data.Sqlite;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>The state-store contract on SQLite files, and what only a file has: WAL mode, a folder made on first use.</summary>
public sealed class SqliteStorageTests : StateStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iqosbot-storage-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteStorage> _opened = [];

    // A folder that does not exist yet, so every test also covers its creation.
    private string DatabasePath => Path.Combine(_folder, "nested", "state.db");

    protected override IStateStore Open()
    {
        var storage = new SqliteStorage(new SqliteStorageOptions { Path = DatabasePath });
        _opened.Add(storage);
        return storage;
    }

    protected override Task TamperAsync(string key, string json) => TamperStateRowAsync(DatabasePath, key, json);

    /// <summary>Writes a state row behind the store's back, as someone with access to the database file could.</summary>
    internal static async Task TamperStateRowAsync(string databasePath, string key, string json)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=false");
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO state (key, etag, value, updated_at) VALUES ($key, 'e', $json, 'now')";
        insert.Parameters.AddWithValue("$key", key);
        insert.Parameters.AddWithValue("$json", json);
        await insert.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_database_is_in_wal_mode()
    {
        await Open().WriteAsync(Changes("item", new Counter()));

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        _opened.ForEach(storage => storage.Dispose());
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
