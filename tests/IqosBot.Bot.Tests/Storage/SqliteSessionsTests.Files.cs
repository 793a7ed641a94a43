extern alias bot;

using Microsoft.Data.Sqlite;
using SqliteFile = bot::IqosBot.Storage.SqliteFile;
using SqliteSession = bot::IqosBot.Storage.SqliteSession;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>
/// The sessions as the stores get them from their file (WithReaderAsync, WithWriterAsync, OpenWriterAsync, ClearPool),
/// on a table of the tests' own: a caller that leaves a transaction open, and clearing while sessions are idle or lent.
/// The bot's assembly is named through the alias "bot": the sandbox compiles these internal types as well.
/// </summary>
public sealed partial class SqliteSessionsTests
{
    private readonly List<SqliteFile> _files = [];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_reader_left_inside_a_transaction_is_not_lent_to_the_next_reader(bool throughTheConnection)
    {
        var file = OpenFile();
        await SetValueAsync(file, 1);

        // The session takes a read snapshot and keeps it: a transaction object neither ended nor disposed, or a BEGIN
        // run as SQL (which Microsoft.Data.Sqlite knows nothing of, so does not roll back when the connection closes).
        var before = await file.WithReaderAsync(session =>
        {
            SqliteTransaction? transaction = null;
            if (throughTheConnection)
            {
                transaction = session.Connection.BeginTransaction(deferred: true);
            }
            else
            {
                session.Command("BEGIN").ExecuteNonQuery();
            }

            return Task.FromResult(Convert.ToInt64(session.Command(SelectValueSql, transaction).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }, CancellationToken.None);
        await SetValueAsync(file, 2);

        var after = await file.WithReaderAsync(ReadValueAsync, CancellationToken.None);

        Assert.Equal(1, before);
        Assert.Equal(2, after);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_writer_left_inside_a_transaction_is_rolled_back_and_not_lent_again(bool throughTheConnection)
    {
        var file = OpenFile();
        await SetValueAsync(file, 1);

        // A multi-statement write that forgot to commit (the transaction is neither ended nor disposed): what it wrote
        // must be dropped, not committed by whoever writes next, and the next write must be committed.
        var writer = await file.OpenWriterAsync(CancellationToken.None);
        await using (writer)
        {
            if (throughTheConnection)
            {
                var transaction = writer.Connection.BeginTransaction(deferred: false);
                var update = writer.Session.Command("UPDATE items SET value = 2 WHERE id = 1", transaction);
                await update.ExecuteNonQueryAsync();
            }
            else
            {
                await writer.Session.Command("BEGIN IMMEDIATE").ExecuteNonQueryAsync();
                await UpdateValueAsync(writer.Session, 2);
            }
        }

        await file.WithWriterAsync(session => session.Command("UPDATE items SET value = value + 10 WHERE id = 1").ExecuteNonQueryAsync(), CancellationToken.None);

        Assert.Equal(11, await CommittedValueAsync());
    }

    [Fact]
    public async Task Clearing_the_pool_closes_idle_sessions_at_once()
    {
        var file = OpenFile();
        await SetValueAsync(file, 1);
        await file.WithReaderAsync(_ => file.WithReaderAsync(ReadValueAsync, CancellationToken.None), CancellationToken.None);
        Assert.True(File.Exists(WalPath));

        file.ClearPool();

        Assert.False(File.Exists(WalPath), "an idle session or the writer is still open");
        Assert.Equal(1, await file.WithReaderAsync(ReadValueAsync, CancellationToken.None));
    }

    [Fact]
    public async Task Clearing_the_pool_closes_a_lent_reader_when_it_comes_back()
    {
        var file = OpenFile();
        await SetValueAsync(file, 1);

        var openWhileLent = await file.WithReaderAsync(async session =>
        {
            await ReadValueAsync(session);
            file.ClearPool();
            return File.Exists(WalPath);
        }, CancellationToken.None);

        Assert.True(openWhileLent, "the lent reader was closed under its caller");
        Assert.False(File.Exists(WalPath), "the lent reader was kept after it came back");
        Assert.Equal(1, await file.WithReaderAsync(ReadValueAsync, CancellationToken.None));
    }

    [Fact]
    public async Task Clearing_the_pool_closes_a_lent_writer_when_it_comes_back()
    {
        var file = OpenFile();
        await SetValueAsync(file, 1);

        var openWhileLent = await file.WithWriterAsync(async session =>
        {
            await UpdateValueAsync(session, 2);
            file.ClearPool();
            return File.Exists(WalPath);
        }, CancellationToken.None);

        Assert.True(openWhileLent, "the lent writer was closed under its caller");
        Assert.False(File.Exists(WalPath), "the lent writer was kept after it came back");
        await SetValueAsync(file, 3);
        Assert.Equal(3, await file.WithReaderAsync(ReadValueAsync, CancellationToken.None));
    }

    private const string SelectValueSql = "SELECT value FROM items WHERE id = 1";

    /// <summary>A file of the test's own schema, to reach the sessions directly as the stores do.</summary>
    private SqliteFile OpenFile()
    {
        var file = new SqliteFile(DatabasePath, "sessions-test", [(1, "CREATE TABLE items (id INTEGER PRIMARY KEY, value INTEGER NOT NULL);")]);
        _files.Add(file);
        return file;
    }

    private static async Task<long> ReadValueAsync(SqliteSession session)
        => Convert.ToInt64(await session.Command(SelectValueSql).ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

    private static Task SetValueAsync(SqliteFile file, int value)
        => file.WithWriterAsync(session => UpdateValueAsync(session, value), CancellationToken.None);

    private static async Task<int> UpdateValueAsync(SqliteSession session, int value)
    {
        var upsert = session.Command("INSERT INTO items (id, value) VALUES (1, $value) ON CONFLICT (id) DO UPDATE SET value = excluded.value");
        upsert.Parameters.AddWithValue("$value", value);
        return await upsert.ExecuteNonQueryAsync();
    }

    /// <summary>The value as another connection sees it: only what was committed.</summary>
    private async Task<long> CommittedValueAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = SelectValueSql;
        return (long)(await select.ExecuteScalarAsync())!;
    }
}
