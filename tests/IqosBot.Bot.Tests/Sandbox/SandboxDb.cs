using Microsoft.Data.Sqlite;

namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>Reads the sandbox's file directly, to see what a request stored (or did not).</summary>
public static class SandboxDb
{
    public static long Count(string databasePath, string table, string where = "1 = 1", params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {where}";
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (long)command.ExecuteScalar()!;
    }

    public static long Registrations(string databasePath, string serial) => Count(databasePath, "registrations", "serial = $serial", ("$serial", serial));

    public static long Accounts(string databasePath, string normalizedEmail) => Count(databasePath, "accounts", "email = $email", ("$email", normalizedEmail));

    public static void Execute(string databasePath, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
