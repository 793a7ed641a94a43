extern alias bot;

using SqliteFile = bot::IqosBot.Storage.SqliteFile;
using SqliteRowInserts = bot::IqosBot.Storage.SqliteRowInserts;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>
/// The batch insert behind the transcripts and the insights: every row stored with its own values in their columns
/// (the parameters are reused from row to row, so a value left over from the row before would show here), nulls as
/// NULL, and a batch that fails half-way undone with its transaction.
/// </summary>
public sealed class SqliteRowInsertsTests : IDisposable
{
    private static readonly string InsertSql = "INSERT INTO lines (at, who, text) VALUES " + SqliteRowInserts.ValuesClause(3);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iqosbot-rows-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteFile _file;

    public SqliteRowInsertsTests()
    {
        _file = new SqliteFile(Path.Combine(_folder, "rows.db"), "rows-test", [(1, "CREATE TABLE lines (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, who TEXT, text TEXT NOT NULL);")]);
    }

    [Fact]
    public async Task Each_row_is_stored_with_its_own_values_and_a_null_stays_null()
    {
        (long At, string? Who, string Text)[] rows = [(1, "kund", "hej"), (2, null, "är det öppet idag?"), (3, "agent", "Ja, till 17.")];

        await _file.WithWriterAsync(async session =>
        {
            await SqliteRowInserts.InsertAsync(session, null, InsertSql, 3, rows, Fill, CancellationToken.None);
            return 0;
        }, CancellationToken.None);

        Assert.Equal(rows, await ReadAllAsync());
    }

    [Fact]
    public async Task A_batch_that_fails_half_way_leaves_nothing_of_itself_behind()
    {
        (long At, string? Who, string Text)[] rows = [(1, "kund", "hej"), (2, "kund", null!), (3, "kund", "hallå?")];

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => _file.WriteInGroupAsync(
            async (session, transaction) =>
            {
                await SqliteRowInserts.InsertAsync(session, transaction, InsertSql, 3, rows, Fill, CancellationToken.None);
                return 0;
            },
            oneStatement: false,
            CancellationToken.None));

        Assert.Empty(await ReadAllAsync());
    }

    public void Dispose()
    {
        _file.ClearPool();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static void Fill((long At, string? Who, string Text) row, object?[] values)
    {
        values[0] = row.At;
        values[1] = row.Who;
        values[2] = row.Text;
    }

    private async Task<List<(long, string?, string)>> ReadAllAsync()
    {
        await using var connection = await _file.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT at, who, text FROM lines ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, string?, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }
}
