using System.Data.Common;
using Npgsql;

namespace IqosBot.Storage.Postgres;

/// <summary>
/// The two connection pools an instance keeps on ConnectionStrings:Postgres: the stores', whose connections each run a
/// statement or a short transaction, and the locks', whose connections hold a conversation's turn lock (a session-level
/// advisory lock, DistributedLock.Postgres) for a whole turn or wait up to 30 s for it. Apart, turns waiting for their
/// locks can never take every connection the stores need to finish the turns that hold them. Together they stay within
/// the connection string's Maximum Pool Size (the deployment sizes the server's connections by it): a quarter for the
/// locks, at least one, since DistributedLock holds many uncontended locks on one connection, and the rest for the stores.
/// </summary>
/// <remarks>
/// Both hand connections back without Npgsql's reset, and the stores' prepare the statements a turn runs over and over.
/// Measured on the bench's turns (bench/README.md, "PostgreSQL as the store"): with Npgsql's defaults every connection
/// taken from a pool first ran a seven-statement reset (<c>RESET ALL</c>, <c>DISCARD TEMP</c>,
/// <c>pg_advisory_unlock_all()</c>, …), three a turn, and every statement was parsed and planned again. Nothing here
/// leaves session state for a reset to undo: the stores use no <c>SET</c>, <c>LISTEN</c> or temporary tables and lock
/// only for a transaction; DistributedLock releases each lock with <c>pg_advisory_unlock</c> on the connection that took
/// it, and a connection whose release failed is broken and closed, which frees its locks on the server; the migrations
/// unlock in a <c>finally</c>. A setting written in the connection string wins over these.
/// </remarks>
public static class PostgresDataSources
{
    /// <summary>The key the locks' pool is registered under (a keyed <see cref="NpgsqlDataSource"/>).</summary>
    public const string LocksKey = "locks";

    /// <summary>How many statements a connection keeps prepared: a turn runs about a dozen distinct ones.</summary>
    public const int StatementsKeptPrepared = 64;

    /// <summary>The stores' pool: statements prepared after a few uses, connections reused without a reset.</summary>
    public static NpgsqlDataSource ForStores(string connectionString) => NpgsqlDataSource.Create(StoresConnectionString(connectionString));

    /// <summary>The locks' pool: connections reused without a reset (DistributedLock prepares its own statements).</summary>
    public static NpgsqlDataSource ForLocks(string connectionString) => NpgsqlDataSource.Create(LocksConnectionString(connectionString));

    /// <summary>The connection string with the stores' defaults added where the operator's string does not say.</summary>
    public static string StoresConnectionString(string connectionString) => WithDefaults(connectionString, prepare: true);

    /// <summary>The connection string with the locks' defaults added where the operator's string does not say.</summary>
    public static string LocksConnectionString(string connectionString) => WithDefaults(connectionString, prepare: false);

    /// <summary>How many of the instance's <paramref name="total"/> connections the locks' pool may open.</summary>
    public static int LockConnections(int total) => Math.Max(1, total / 4);

    private static string WithDefaults(string connectionString, bool prepare)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var total = builder.MaxPoolSize;
        builder.MaxPoolSize = prepare ? Math.Max(1, total - LockConnections(total)) : LockConnections(total);
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, builder.MaxPoolSize);
        if (prepare && !Names(given, "Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = StatementsKeptPrepared;
        }

        if (!Names(given, "No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>Whether the string sets the keyword, however it is spaced or cased ("MaxAutoPrepare", "max auto prepare").</summary>
    private static bool Names(DbConnectionStringBuilder given, string keyword)
    {
        var wanted = keyword.Replace(" ", string.Empty, StringComparison.Ordinal);
        return given.Keys.Cast<string>().Any(key => string.Equals(key.Replace(" ", string.Empty, StringComparison.Ordinal), wanted, StringComparison.OrdinalIgnoreCase));
    }
}
