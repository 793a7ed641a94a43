using IqosBot.Bot.Tests.Hosting;
using IqosBot.Bot.Tests.Storage;
using IqosBot.Insights;
using IqosBot.Insights.Postgres;
using IqosBot.Insights.Sqlite;
using IqosBot.Storage.Postgres;
using Npgsql;

namespace IqosBot.Bot.Tests.Insights;

/// <summary>What every insights store does, on each provider: a batch in, a range out in order (from inclusive, to exclusive), nothing lost or changed on the way, deletion by age in bounded batches.</summary>
public abstract class InsightStoreContract
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    protected abstract Task<(IInsightStore Store, IAsyncDisposable Cleanup)> CreateAsync();

    [Fact]
    public async Task A_batch_reads_back_in_order_with_every_field_and_only_within_the_range()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        await store.AppendAsync(
            [
                new InsightEvent(Monday, "webchat/a", "webchat", "sv", "started"),
                new InsightEvent(Monday, "webchat/a", "webchat", "sv", "recognized", "RegisterDevice", "recognizer:embedded", 0.875),
                new InsightEvent(Monday.AddMinutes(1), "msteams/b", "msteams", "en", "journey_step", "registration", "regSerial"),
                new InsightEvent(Monday.AddDays(1), "webchat/c", "webchat", "sv", "rating", null, "comment", 4),
            ],
            [new UnansweredMessage(Monday.AddSeconds(30), "webchat/a", "sv", "kan jag betala med klarna? åäö")],
            CancellationToken.None);
        await store.AppendAsync([], [], CancellationToken.None);

        var rows = await store.ReadAsync(Monday, Monday.AddDays(1), CancellationToken.None);
        Assert.Equal(
            [
                new InsightEvent(Monday, "webchat/a", "webchat", "sv", "started"),
                new InsightEvent(Monday, "webchat/a", "webchat", "sv", "recognized", "RegisterDevice", "recognizer:embedded", 0.875),
                new InsightEvent(Monday.AddMinutes(1), "msteams/b", "msteams", "en", "journey_step", "registration", "regSerial"),
            ],
            rows.Events);
        Assert.Equal([new UnansweredMessage(Monday.AddSeconds(30), "webchat/a", "sv", "kan jag betala med klarna? åäö")], rows.Unanswered);
        Assert.Equal(4, Assert.Single((await store.ReadAsync(Monday.AddDays(1), Monday.AddDays(2), CancellationToken.None)).Events).Number);
        Assert.Empty((await store.ReadAsync(Monday.AddDays(-1), Monday, CancellationToken.None)).Events);
    }

    [Fact]
    public async Task Deleting_by_age_takes_only_older_rows_and_at_most_the_limit_a_time()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        await store.AppendAsync(
            [.. Enumerable.Range(0, 5).Select(day => new InsightEvent(Monday.AddDays(day), "webchat/" + day, "webchat", "sv", "started"))],
            [.. Enumerable.Range(0, 5).Select(day => new UnansweredMessage(Monday.AddDays(day), "webchat/" + day, "sv", "fråga " + day))],
            CancellationToken.None);

        Assert.Equal(2, await store.DeleteEventsBeforeAsync(Monday.AddDays(3), 2, CancellationToken.None));
        Assert.Equal(1, await store.DeleteEventsBeforeAsync(Monday.AddDays(3), 2, CancellationToken.None));
        Assert.Equal(0, await store.DeleteEventsBeforeAsync(Monday.AddDays(3), 2, CancellationToken.None));
        Assert.Equal(1, await store.DeleteUnansweredBeforeAsync(Monday.AddDays(1), 100, CancellationToken.None));
        await store.ReclaimAsync(CancellationToken.None);

        var rows = await store.ReadAsync(DateTimeOffset.UnixEpoch, Monday.AddDays(10), CancellationToken.None);
        Assert.Equal(["webchat/3", "webchat/4"], rows.Events.Select(e => e.ConversationKey));
        Assert.Equal(["fråga 1", "fråga 2", "fråga 3", "fråga 4"], rows.Unanswered.Select(message => message.Text));
    }
}

public sealed class SqliteInsightStoreTests : InsightStoreContract
{
    protected override Task<(IInsightStore Store, IAsyncDisposable Cleanup)> CreateAsync()
    {
        var database = new TempDatabase();
        return Task.FromResult<(IInsightStore, IAsyncDisposable)>((new SqliteInsightStore(new InsightDatabase(database.Path)), new Disposer(database.Dispose)));
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresInsightStoreTests(PostgresServer server) : InsightStoreContract
{
    protected override async Task<(IInsightStore Store, IAsyncDisposable Cleanup)> CreateAsync()
    {
        var name = "insights_" + Guid.NewGuid().ToString("N");
        NpgsqlDataSource dataSource = await server.CreateDatabaseAsync(name);
        await PostgresMigrations.ApplyAsync(dataSource, CancellationToken.None);
        return (new PostgresInsightStore(dataSource), new Disposer(async () =>
        {
            await dataSource.DisposeAsync();
            await server.DropDatabaseAsync(name);
        }));
    }
}

internal sealed class Disposer : IAsyncDisposable
{
    private readonly Func<ValueTask> _dispose;

    public Disposer(Action dispose) => _dispose = () =>
    {
        dispose();
        return ValueTask.CompletedTask;
    };

    public Disposer(Func<Task> dispose) => _dispose = () => new ValueTask(dispose());

    public ValueTask DisposeAsync() => _dispose();
}
