using IqosBot.Storage.Postgres;
using Npgsql;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>What the bot's two PostgreSQL pools add to the operator's connection string, and that the operator's word wins.</summary>
public sealed class PostgresDataSourcesTests
{
    private const string Plain = "Host=db.example;Port=5432;Username=iqosbot;Database=iqosbot";

    [Fact]
    public void The_stores_prepare_their_statements_and_skip_the_reset_when_the_string_does_not_say()
    {
        var stores = new NpgsqlConnectionStringBuilder(PostgresDataSources.StoresConnectionString(Plain));

        Assert.Equal(PostgresDataSources.StatementsKeptPrepared, stores.MaxAutoPrepare);
        Assert.True(stores.NoResetOnClose);
        Assert.Equal("db.example", stores.Host);
        Assert.Equal("iqosbot", stores.Database);
    }

    [Fact]
    public void The_locks_skip_the_reset_but_prepare_nothing_of_their_own()
    {
        var locks = new NpgsqlConnectionStringBuilder(PostgresDataSources.LocksConnectionString(Plain));

        Assert.True(locks.NoResetOnClose);
        Assert.Equal(0, locks.MaxAutoPrepare);
    }

    [Theory]
    [InlineData(Plain + ";Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData(Plain + ";maxautoprepare=0;NoResetOnClose=false")]
    public void Settings_the_operator_wrote_win_however_they_are_spelled(string given)
    {
        var stores = new NpgsqlConnectionStringBuilder(PostgresDataSources.StoresConnectionString(given));
        var locks = new NpgsqlConnectionStringBuilder(PostgresDataSources.LocksConnectionString(given));

        Assert.Equal(0, stores.MaxAutoPrepare);
        Assert.False(stores.NoResetOnClose);
        Assert.False(locks.NoResetOnClose);
    }

    [Theory]
    [InlineData("", 100)]
    [InlineData(";Maximum Pool Size=8", 8)]
    [InlineData(";Maximum Pool Size=8;Minimum Pool Size=8", 8)]
    [InlineData(";MaxPoolSize=2", 2)]
    public void The_two_pools_together_open_no_more_connections_than_the_string_allows(string pool, int allowed)
    {
        var stores = new NpgsqlConnectionStringBuilder(PostgresDataSources.StoresConnectionString(Plain + pool));
        var locks = new NpgsqlConnectionStringBuilder(PostgresDataSources.LocksConnectionString(Plain + pool));

        Assert.Equal(allowed, stores.MaxPoolSize + locks.MaxPoolSize);
        Assert.InRange(locks.MaxPoolSize, 1, Math.Max(1, allowed / 4));
        Assert.True(stores.MinPoolSize <= stores.MaxPoolSize && locks.MinPoolSize <= locks.MaxPoolSize);
    }

    [Fact]
    public void A_missing_connection_string_is_refused_with_a_clear_error()
    {
        Assert.ThrowsAny<ArgumentException>(() => PostgresDataSources.StoresConnectionString(" "));
    }
}
