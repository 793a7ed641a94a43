using Dapper;
using Microsoft.Data.Sqlite;

namespace IqosBot.Privacy;

/// <summary>One SQLite file opened for a data-subject request, with <c>mentions(text)</c> defined for the subject.</summary>
internal static class SqliteSubjectFile
{
    /// <summary>
    /// Runs <paramref name="work"/> on the file when it exists (a request never creates one). A connection of its
    /// own, not from the bot's pool: the function holds the subject's e-mail and phone, which must not stay
    /// registered on pooled connections after the request.
    /// </summary>
    public static async Task WithFileAsync(string path, PersonalDataSubject subject, Func<SqliteConnection, Task> work, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        connection.CreateFunction("mentions", (string? text) => subject.IsMentionedIn(text), isDeterministic: true);
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA busy_timeout = 30000; PRAGMA secure_delete = ON;", cancellationToken: cancellationToken)).ConfigureAwait(false);
        await work(connection).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<string>> QueryAsync(SqliteConnection connection, string table, string column, string where, object? parameters, CancellationToken cancellationToken)
        => await HasTableAsync(connection, table, cancellationToken).ConfigureAwait(false)
            ? (await connection.QueryAsync<string>(new CommandDefinition($"SELECT DISTINCT {column} FROM {table} WHERE {where}", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList()
            : [];

    public static async Task<List<IDictionary<string, object?>>> SelectAsync(SqliteConnection connection, string table, string columns, string where, object parameters, CancellationToken cancellationToken)
        => await HasTableAsync(connection, table, cancellationToken).ConfigureAwait(false)
            ? (await connection.QueryAsync(new CommandDefinition($"SELECT {columns} FROM {table} WHERE {where}", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Select(row => (IDictionary<string, object?>)row).ToList()
            : [];

    public static async Task<int> DeleteAsync(SqliteConnection connection, string table, string where, object parameters, CancellationToken cancellationToken)
        => await HasTableAsync(connection, table, cancellationToken).ConfigureAwait(false)
            ? await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM {table} WHERE {where}", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)
            : 0;

    /// <summary>Freed pages back to the file system; the WAL checkpointed and emptied, so no erased row stays in it.</summary>
    public static Task ReclaimAsync(SqliteConnection connection, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(Storage.SqliteFile.ReclaimSql, cancellationToken: cancellationToken));

    private static async Task<bool> HasTableAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
        => await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @table", new { table }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
}
