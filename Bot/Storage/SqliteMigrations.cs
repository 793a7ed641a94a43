using System.Globalization;
using Microsoft.Data.Sqlite;

namespace IqosBot.Storage;

/// <summary>
/// Versioned schema steps for the SQLite files, as PostgreSQL has them (<c>Postgres.PostgresMigrations</c>). Several
/// stores share one file, so each names its component ("state", "directline", "handoff", ...) and its steps are
/// recorded in the file's <c>schema_migrations</c> under that name. Steps not yet applied run in order in one
/// immediate transaction, so two processes opening the same file apply each once. A released step is never
/// edited: a change is a new step. Version 1 of every component is written with IF NOT EXISTS, so files made
/// before steps were recorded take it without harm.
/// </summary>
internal static class SqliteMigrations
{
    public const string TableSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            component  TEXT NOT NULL,
            version    INTEGER NOT NULL,
            applied_at TEXT NOT NULL,
            PRIMARY KEY (component, version)
        );
        """;

    /// <summary>Applies the component's steps not yet recorded in the file; returns how many ran.</summary>
    public static int Apply(SqliteConnection connection, string component, IReadOnlyList<(int Version, string Sql)> steps)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(steps);
        using var transaction = connection.BeginTransaction(deferred: false);
        var applied = new HashSet<long>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT version FROM schema_migrations WHERE component = $component";
            select.Parameters.AddWithValue("$component", component);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                applied.Add(reader.GetInt64(0));
            }
        }

        var ran = 0;
        foreach (var (version, sql) in steps.Where(step => !applied.Contains(step.Version)).OrderBy(step => step.Version))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql + "; INSERT INTO schema_migrations (component, version, applied_at) VALUES ($component, $version, $now);";
            command.Parameters.AddWithValue("$component", component);
            command.Parameters.AddWithValue("$version", version);
            command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            command.ExecuteNonQuery();
            ran++;
        }

        transaction.Commit();
        return ran;
    }
}
