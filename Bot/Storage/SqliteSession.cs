using Microsoft.Data.Sqlite;

namespace IqosBot.Storage;

/// <summary>
/// A connection kept open with the commands it has run, each prepared once. Microsoft.Data.Sqlite prepares a
/// command's statements again for every new command object, and finalizes them when a pooled connection is
/// closed; on a turn's few short statements that preparing, with opening and closing the pooled connection,
/// was most of what SQLite cost (bench/README.md). Used by one caller at a time (<see cref="SqliteFile"/> lends
/// it out and takes it back); never shared between threads at once.
/// </summary>
internal sealed class SqliteSession : IDisposable
{
    // A session only ever runs the few statements of its file's stores; the cap is a guard against a caller
    // that builds SQL text per call (which would prepare and keep one statement per distinct text).
    private const int MaxCommands = 64;

    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteSession(SqliteConnection connection, int generation)
    {
        Connection = connection;
        Generation = generation;
    }

    public SqliteConnection Connection { get; }

    /// <summary>Which <see cref="SqliteFile.ClearPool"/> era the session was opened in; an older one is closed, not reused.</summary>
    public int Generation { get; }

    /// <summary>
    /// The command for <paramref name="sql"/>, prepared on first use and reused after: its parameters are cleared
    /// (add this call's), and it runs in <paramref name="transaction"/> (Microsoft.Data.Sqlite requires a command to
    /// name the connection's open transaction). Not to be disposed by the caller; a reader it returns must be.
    /// </summary>
    public SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            if (_commands.Count >= MaxCommands)
            {
                DisposeCommands();
            }

            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Parameters.Clear();
        command.Transaction = transaction;
        return command;
    }

    /// <summary>
    /// Whether a transaction is still open on the connection (one a caller began and neither committed nor rolled
    /// back): such a session must not be lent again, its open read would also keep the WAL from being checkpointed.
    /// </summary>
    public bool InTransaction => Connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;

    public void Dispose()
    {
        DisposeCommands();
        try
        {
            // Closing rolls back an open transaction anyway; doing it here first makes a session left in one (a
            // caller's "BEGIN" never committed) give up its locks and its snapshot before anything else runs.
            // CreateCommand names the connection's SqliteTransaction, if any.
            if (InTransaction)
            {
                using var rollback = Connection.CreateCommand();
                rollback.CommandText = "ROLLBACK";
                rollback.ExecuteNonQuery();
            }
        }
        finally
        {
            Connection.Dispose();
        }
    }

    private void DisposeCommands()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
