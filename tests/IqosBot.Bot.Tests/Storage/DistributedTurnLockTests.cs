using IqosBot.Conversations;
using IqosBot.Storage.Postgres;
using Medallion.Threading.Postgres;
using Npgsql;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>
/// One turn at a time per conversation across instances: two instances' locks on one PostgreSQL database, each instance
/// with the locks' pool the bot makes (connections handed back without Npgsql's reset).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DistributedTurnLockTests(PostgresServer server) : IAsyncLifetime
{
    private readonly string _database = "locks_" + Guid.NewGuid().ToString("N");
    private NpgsqlDataSource _dataSource = null!;
    private NpgsqlDataSource _otherInstance = null!;

    public async Task InitializeAsync()
    {
        await (await server.CreateDatabaseAsync(_database)).DisposeAsync();
        _dataSource = PostgresDataSources.ForLocks(server.ConnectionStringFor(_database));
        _otherInstance = PostgresDataSources.ForLocks(server.ConnectionStringFor(_database));
    }

    [Fact]
    public async Task A_conversation_held_on_one_instance_waits_on_the_other_and_another_conversation_does_not()
    {
        var instanceA = new ConversationLocks(new PostgresDistributedSynchronizationProvider(_dataSource));
        var instanceB = new ConversationLocks(new PostgresDistributedSynchronizationProvider(_otherInstance));

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

    [Fact]
    public async Task A_turn_that_gave_up_waiting_leaves_no_lock_on_the_connection_it_hands_back()
    {
        var instanceA = new ConversationLocks(new PostgresDistributedSynchronizationProvider(_dataSource));
        var instanceB = new ConversationLocks(new PostgresDistributedSynchronizationProvider(_otherInstance));
        var held = await instanceA.AcquireAsync("webchat/three", CancellationToken.None);

        // B's customer leaves while B waits; its connection goes back to its pool, which does not reset it.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var stopWaiting = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => instanceB.AcquireAsync("webchat/three", stopWaiting.Token));
        }

        held.Dispose();

        // Had a given-up wait taken the lock after all, the next turns (on either instance) would wait for ever.
        using (var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        using (await instanceA.AcquireAsync("webchat/three", bounded.Token))
        {
        }

        using (var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        using (await instanceB.AcquireAsync("webchat/three", bounded.Token))
        {
        }
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _otherInstance.DisposeAsync();
        await server.DropDatabaseAsync(_database);
    }
}
