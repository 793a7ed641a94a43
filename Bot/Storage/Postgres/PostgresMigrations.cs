using Npgsql;

namespace IqosBot.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema as numbered steps, applied in order at start-up and recorded in schema_migrations.
/// Several instances starting at once take turns under an advisory lock, so each step runs exactly once.
/// A step is never edited once released: a change is a new step.
/// </summary>
public static class PostgresMigrations
{
    /// <summary>An arbitrary constant naming this schema's advisory lock.</summary>
    private const long LockId = 0x1_05B0_7000;

    public static IReadOnlyList<(int Version, string Sql)> Steps { get; } =
    [
        (1, """
            CREATE TABLE bot_state (
                key        TEXT COLLATE "C" PRIMARY KEY,
                etag       TEXT NOT NULL,
                value      TEXT NOT NULL,
                updated_at TIMESTAMPTZ NOT NULL
            );
            CREATE INDEX bot_state_updated_at ON bot_state (updated_at);
            """),
        (2, """
            CREATE TABLE directline_conversations (
                id               TEXT COLLATE "C" PRIMARY KEY,
                user_id          TEXT NOT NULL,
                user_name        TEXT,
                locale           TEXT,
                started          BOOLEAN NOT NULL DEFAULT FALSE,
                next_seq         BIGINT NOT NULL DEFAULT 0,
                last_timestamp   TIMESTAMPTZ,
                created_at       TIMESTAMPTZ NOT NULL,
                last_activity_at TIMESTAMPTZ NOT NULL
            );
            CREATE INDEX directline_conversations_last_activity ON directline_conversations (last_activity_at);
            CREATE TABLE directline_activities (
                conversation_id TEXT COLLATE "C" NOT NULL REFERENCES directline_conversations (id) ON DELETE CASCADE,
                seq             BIGINT NOT NULL,
                activity_id     TEXT COLLATE "C" NOT NULL,
                json            TEXT NOT NULL,
                PRIMARY KEY (conversation_id, seq)
            );
            CREATE INDEX directline_activities_activity_id ON directline_activities (conversation_id, activity_id);
            """),

        // Handoff cases, callback tickets and transcripts; the SQL lives beside the stores that use it.
        (Handoff.Postgres.HandoffSchema.Version, Handoff.Postgres.HandoffSchema.Sql),

        // The turns each Direct Line conversation still owes its customer (DirectLine.Postgres.PostgresDirectLineStore).
        (4, DirectLine.Postgres.PostgresDirectLineStore.TurnsSchemaStep),

        // The team's insights: events without personal data, and the masked messages the bot did not understand.
        (Insights.Postgres.PostgresInsightStore.SchemaVersion, Insights.Postgres.PostgresInsightStore.SchemaStep),
    ];

    /// <summary>Applies the steps not applied yet; returns how many ran.</summary>
    public static async Task<int> ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Execute(connection, null, $"SELECT pg_advisory_lock({LockId})", cancellationToken).ConfigureAwait(false);
        try
        {
            await Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())", cancellationToken).ConfigureAwait(false);
            var applied = new HashSet<int>();
            await using (var select = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            var ran = 0;
            foreach (var (version, sql) in Steps.Where(step => !applied.Contains(step.Version)).OrderBy(step => step.Version))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await Execute(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
                await Execute(connection, transaction, $"INSERT INTO schema_migrations (version) VALUES ({version})", cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                ran++;
            }

            return ran;
        }
        finally
        {
            await Execute(connection, null, $"SELECT pg_advisory_unlock({LockId})", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Whether every step has been applied (for readiness).</summary>
    public static async Task<bool> UpToDateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        try
        {
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) >= Steps.Max(step => step.Version);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return false;
        }
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
