extern alias bot;

using Microsoft.Data.Sqlite;
using SqliteFile = bot::IqosBot.Storage.SqliteFile;
using SqliteSession = bot::IqosBot.Storage.SqliteSession;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>
/// Group commit (<see cref="SqliteFile.WriteInGroupAsync"/>): writes that arrive while another is being written share
/// one transaction, and each still behaves as if it had committed alone: its own result, its own failure undone
/// without touching the others, done only once it is in the file, and the stores sharing a file share one writer.
/// The bot's assembly is named through the alias "bot": the sandbox compiles these internal types as well.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iqosbot-group-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteFile> _files = [];

    private string DatabasePath => Path.Combine(_folder, "group.db");

    [Fact]
    public async Task Many_writes_at_once_are_all_stored_and_each_caller_gets_its_own_result()
    {
        var file = OpenFile();

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => InsertAsync(file, i, $"line {i}"))));

        Assert.Equal(Enumerable.Range(0, 200), results);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"line {i}"), await ReadAllFromAnotherConnectionAsync());
    }

    [Fact]
    public async Task Writes_queued_behind_a_busy_one_share_its_successors_transaction()
    {
        var file = OpenFile();
        var (first, release) = await HoldTheWriterAsync(file);
        var transactions = new SqliteTransaction?[5];
        var queued = Enumerable.Range(0, 5).Select(i => file.WriteInGroupAsync(async (session, transaction) =>
        {
            transactions[i] = transaction;
            return await InsertRowAsync(session, transaction, 10 + i, $"queued {i}");
        }, oneStatement: true, CancellationToken.None)).ToList();

        release.SetResult();
        await first;
        await Task.WhenAll(queued);

        Assert.NotNull(transactions[0]);
        Assert.All(transactions, transaction => Assert.Same(transactions[0], transaction));
        Assert.Equal(["held", "queued 0", "queued 1", "queued 2", "queued 3", "queued 4"], await ReadAllFromAnotherConnectionAsync());
    }

    [Fact]
    public async Task A_write_that_fails_in_a_group_is_undone_alone_and_its_caller_gets_the_error()
    {
        var file = OpenFile();
        var (first, release) = await HoldTheWriterAsync(file);
        var before = InsertAsync(file, 1, "before");
        var failing = file.WriteInGroupAsync<int>(async (session, transaction) =>
        {
            // Half of the write is done when it fails: that half must not be committed with the others.
            await InsertRowAsync(session, transaction, 2, "half of a failed write");
            throw new InvalidOperationException("the benefits API said no");
        }, oneStatement: false, CancellationToken.None);
        var after = InsertAsync(file, 3, "after");

        release.SetResult();
        await first;

        Assert.Equal(1, await before);
        Assert.Equal(3, await after);
        Assert.Equal("the benefits API said no", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        Assert.Equal(["held", "before", "after"], await ReadAllFromAnotherConnectionAsync());
    }

    [Fact]
    public async Task A_write_alone_that_fails_half_way_leaves_nothing_behind_and_the_next_write_is_stored()
    {
        var file = OpenFile();

        var failing = file.WriteInGroupAsync<int>(async (session, transaction) =>
        {
            await InsertRowAsync(session, transaction, 1, "half of a failed write");
            await InsertRowAsync(session, transaction, 1, "the same id again");
            return 1;
        }, oneStatement: false, CancellationToken.None);

        await Assert.ThrowsAsync<SqliteException>(() => failing);
        Assert.Equal(2, await InsertAsync(file, 2, "next"));
        Assert.Equal(["next"], await ReadAllFromAnotherConnectionAsync());
    }

    [Fact]
    public async Task A_write_canceled_while_it_waited_is_not_stored_and_its_caller_sees_the_cancellation()
    {
        var file = OpenFile();
        var (first, release) = await HoldTheWriterAsync(file);
        using var cancel = new CancellationTokenSource();
        var canceled = file.WriteInGroupAsync((session, transaction) => InsertRowAsync(session, transaction, 7, "canceled"), oneStatement: true, cancel.Token);
        var kept = InsertAsync(file, 8, "kept");

        await cancel.CancelAsync();
        release.SetResult();
        await first;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => canceled);
        Assert.Equal(8, await kept);
        Assert.Equal(["held", "kept"], await ReadAllFromAnotherConnectionAsync());
    }

    [Fact]
    public async Task A_write_is_done_only_once_another_connection_can_read_it()
    {
        var file = OpenFile();
        for (var i = 0; i < 20; i++)
        {
            var writes = Enumerable.Range(0, 5).Select(j => InsertAsync(file, (i * 5) + j, $"line {(i * 5) + j}")).ToList();
            var firstDone = await Task.WhenAny(writes);
            var id = await firstDone;

            Assert.Contains($"line {id}", await ReadAllFromAnotherConnectionAsync());
            await Task.WhenAll(writes);
        }
    }

    [Fact]
    public async Task Stores_on_the_same_file_write_through_one_connection()
    {
        var state = OpenFile();
        var directLine = OpenFile("other-component");

        var writerOfState = await state.WithWriterAsync(session => Task.FromResult(session.Connection), CancellationToken.None);
        var writerOfDirectLine = await directLine.WithWriterAsync(session => Task.FromResult(session.Connection), CancellationToken.None);

        // SQLite empties a connection's page cache whenever another connection wrote; one writer keeps it.
        Assert.Same(writerOfState, writerOfDirectLine);
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file.ClearPool();
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private SqliteFile OpenFile(string component = "group-test")
    {
        var file = new SqliteFile(DatabasePath, component, [(1, component == "group-test" ? "CREATE TABLE lines (id INTEGER PRIMARY KEY, text TEXT NOT NULL);" : "SELECT 1;")]);
        _files.Add(file);
        return file;
    }

    /// <summary>A write that holds the file's writer until released, so the writes started meanwhile queue up behind it.</summary>
    private static async Task<(Task<int> Done, TaskCompletionSource Release)> HoldTheWriterAsync(SqliteFile file)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = Task.Run(() => file.WriteInGroupAsync(async (session, transaction) =>
        {
            started.SetResult();
            await release.Task;
            return await InsertRowAsync(session, transaction, 0, "held");
        }, oneStatement: true, CancellationToken.None));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (done, release);
    }

    private static Task<int> InsertAsync(SqliteFile file, int id, string text)
        => file.WriteInGroupAsync((session, transaction) => InsertRowAsync(session, transaction, id, text), oneStatement: true, CancellationToken.None);

    private static async Task<int> InsertRowAsync(SqliteSession session, SqliteTransaction? transaction, int id, string text)
    {
        var command = session.Command("INSERT INTO lines (id, text) VALUES ($id, $text)", transaction);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$text", text);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>What a reader outside the file's own sessions sees: only what was committed.</summary>
    private async Task<List<string>> ReadAllFromAnotherConnectionAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT text FROM lines ORDER BY id";
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }
}
