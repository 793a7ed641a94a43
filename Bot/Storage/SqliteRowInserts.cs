using Microsoft.Data.Sqlite;

namespace IqosBot.Storage;

/// <summary>
/// Many rows into one table: one single-row INSERT, prepared once on the session, run once per row with its
/// parameters set in place. Multi-row INSERTs were tried first and cost more: Microsoft.Data.Sqlite binds every
/// parameter by name, and SQLite finds a name by walking the statement's list of them, so a statement of 100 rows
/// × 8 columns made 800 lookups along 800 names on every execution (a twentieth of a turn's CPU in bench/).
/// </summary>
internal static class SqliteRowInserts
{
    private static readonly string[] Names = [.. Enumerable.Range(0, 16).Select(column => $"$c{column}")];

    /// <summary>
    /// The statement's parameters, named <c>$c0</c>, <c>$c1</c>, … in column order (<see cref="ValuesClause"/>).
    /// </summary>
    public static string ValuesClause(int columns)
        => "(" + string.Join(", ", Names.Take(columns)) + ")";

    /// <summary>
    /// Runs <paramref name="insertSql"/> (a one-row INSERT whose values are <see cref="ValuesClause"/>) for each of
    /// <paramref name="rows"/>, in <paramref name="transaction"/>; <paramref name="fill"/> writes a row's values in
    /// column order (null is stored as NULL).
    /// </summary>
    public static async Task InsertAsync<T>(
        SqliteSession session, SqliteTransaction? transaction, string insertSql, int columns, IEnumerable<T> rows, Action<T, object?[]> fill, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(columns, Names.Length);
        var command = session.Command(insertSql, transaction);
        var parameters = new SqliteParameter[columns];
        for (var column = 0; column < columns; column++)
        {
            parameters[column] = command.Parameters.Add(new SqliteParameter(Names[column], DBNull.Value));
        }

        var values = new object?[columns];
        foreach (var row in rows)
        {
            fill(row, values);
            for (var column = 0; column < columns; column++)
            {
                parameters[column].Value = values[column] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
