using IqosBot.DirectLine;
using IqosBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>The Direct Line store contract on the SQLite file: one instance, so "another instance" is the same store.</summary>
public sealed class SqliteDirectLineStoreTests : DirectLineStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iqosbot-dlstore-" + Guid.NewGuid().ToString("N"));
    private SqliteDirectLineStore? _store;

    private string DatabasePath => Path.Combine(_folder, "state.db");

    protected override IDirectLineStore Open(int maxActivities = 1000, TimeProvider? time = null)
        => _store ??= new SqliteDirectLineStore(
            Options.Create(new SqliteStorageOptions { Path = DatabasePath }),
            Options.Create(new DirectLineOptions { MaxActivitiesPerConversation = maxActivities }),
            time);

    protected override async Task<long> CountActivitiesAsync(IReadOnlyCollection<string> conversationIds)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM directline_activities WHERE conversation_id IN ({string.Join(',', conversationIds.Select((_, i) => "$c" + i))})";
        foreach (var (id, i) in conversationIds.Select((id, i) => (id, i)))
        {
            count.Parameters.AddWithValue("$c" + i, id);
        }

        return (long)(await count.ExecuteScalarAsync())!;
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
