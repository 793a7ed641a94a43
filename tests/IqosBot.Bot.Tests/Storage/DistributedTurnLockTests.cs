using IqosBot.Conversations;
using Medallion.Threading.Postgres;
using Npgsql;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>One turn at a time per conversation across instances: two instances' locks on one PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DistributedTurnLockTests(PostgresServer server) : IAsyncLifetime
{
    private readonly string _database = "locks_" + Guid.NewGuid().ToString("N");
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync() => _dataSource = await server.CreateDatabaseAsync(_database);

    [Fact]
    public async Task A_conversation_held_on_one_instance_waits_on_the_other_and_another_conversation_does_not()
    {
        var instanceA = new ConversationLocks(new PostgresDistributedSynchronizationProvider(_dataSource));
        var instanceB = new ConversationLocks(new PostgresDistributedSynchronizationProvider(_dataSource));

        var held = await instanceA.AcquireAsync("webchat/one", CancellationToken.None);

        // While A's turn runs, B cannot start a turn of the same conversation (it gives up when we stop waiting)...
        using (var stopWaiting = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => instanceB.AcquireAsync("webchat/one", stopWaiting.Token));
        }

        // ...but another conversation's turn runs at once.
        using (await instanceB.AcquireAsync("webchat/two", CancellationToken.None))
        {
        }

        // And once A's turn is over, B's turn of the first conversation starts.
        var waiting = instanceB.AcquireAsync("webchat/one", CancellationToken.None);
        held.Dispose();
        using (await waiting)
        {
        }
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await server.DropDatabaseAsync(_database);
    }
}
