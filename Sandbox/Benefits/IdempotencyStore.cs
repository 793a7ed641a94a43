using Microsoft.Data.Sqlite;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// The SQL of the first successful response to each Idempotency-Key, per API key (so two clients cannot
/// collide on a key), in the database so that a retry after a restart is still recognised. Used only by
/// <see cref="IdempotentWrites"/>, inside the write transaction it protects.
/// </summary>
internal static class IdempotencyStore
{
    public static async Task<StoredResponse?> FindAsync(SqliteConnection connection, string client, string key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT fingerprint, status, body FROM idempotency_keys WHERE client = $client AND key = $key";
        command.Parameters.AddWithValue("$client", client);
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredResponse(reader.GetString(0), new ApiResponse((int)reader.GetInt64(1), ApiResponse.Json, reader.GetString(2), Replayed: true))
            : null;
    }

    public static async Task SaveAsync(
        SqliteConnection connection, string client, string key, string fingerprint, ApiResponse response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO idempotency_keys (client, key, fingerprint, status, body, created_at)
            VALUES ($client, $key, $fingerprint, $status, $body, $now)
            """;
        command.Parameters.AddWithValue("$client", client);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$fingerprint", fingerprint);
        command.Parameters.AddWithValue("$status", response.Status);
        command.Parameters.AddWithValue("$body", response.Body);
        command.Parameters.AddWithValue("$now", CrmQueries.Timestamp(now));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    internal sealed record StoredResponse(string Fingerprint, ApiResponse Response);
}
