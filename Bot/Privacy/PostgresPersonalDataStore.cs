using Dapper;
using Npgsql;

namespace IqosBot.Privacy;

/// <summary>
/// A subject's conversations in PostgreSQL (Storage:Provider=Postgres), the same tables and the same answers as
/// <see cref="SqlitePersonalDataStore"/>. A mention can be typed in many ways (spaces, dashes, +46, other
/// scripts' digits: <see cref="PersonalDataSubject.IsMentionedIn"/>), which no SQL pattern matches, so finding
/// reads the texts through once and decides here; a request is rare, and retention bounds what there is to read.
/// Erasing deletes in one transaction and vacuums the tables, so the rows' space is reused; the bytes on disk
/// are the database's to protect (encryption at rest on a managed server).
/// </summary>
public sealed class PostgresPersonalDataStore(NpgsqlDataSource dataSource) : IPersonalDataStore
{
    private static readonly string[] Vacuumed = ["bot_state", "handoff_cases", "callback_tickets", "directline_activities", "directline_conversations", "transcript_entries", "insight_unanswered", "insight_events"];

    public async Task<SubjectConversations> FindAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var found = new SubjectConversations();
        found.AddNamed(subject);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        await foreach (var (key, texts) in ReadAsync(connection, "SELECT key, value FROM bot_state", cancellationToken).ConfigureAwait(false))
        {
            if (texts.Any(subject.IsMentionedIn))
            {
                found.AddStateKey(key);
            }
        }

        await foreach (var (key, texts) in ReadAsync(connection, "SELECT conversation_key, description, rating_comment, resolution_note FROM handoff_cases", cancellationToken).ConfigureAwait(false))
        {
            if (texts.Any(subject.IsMentionedIn))
            {
                found.Conversations.Add(key);
            }
        }

        await foreach (var (id, texts) in ReadAsync(connection, "SELECT id, phone, conversation_key FROM callback_tickets", cancellationToken).ConfigureAwait(false))
        {
            if (subject.IsMentionedIn(texts[0]))
            {
                found.CallbackTicketIds.Add(id);
                if (texts[1] is { } conversation)
                {
                    found.Conversations.Add(conversation);
                }
            }
        }

        await foreach (var (id, texts) in ReadAsync(connection, "SELECT conversation_id, json FROM directline_activities", cancellationToken).ConfigureAwait(false))
        {
            if (subject.IsMentionedIn(texts[0]))
            {
                found.DirectLineIds.Add(id);
            }
        }

        await foreach (var (key, texts) in ReadAsync(connection, "SELECT conversation_key, text FROM transcript_entries", cancellationToken).ConfigureAwait(false))
        {
            if (subject.IsMentionedIn(texts[0]))
            {
                found.Conversations.Add(key);
            }
        }

        // The same conversation on its other names: its state under any channel, its cases.
        found.AddIdsOfConversations();
        var (statePatterns, casePatterns) = found.IdPatterns();
        foreach (var key in await connection.QueryAsync<string>(new CommandDefinition("SELECT key FROM bot_state WHERE key LIKE ANY(@statePatterns)", new { statePatterns }, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            found.AddStateKey(key);
        }

        found.Conversations.UnionWith(await connection.QueryAsync<string>(new CommandDefinition("SELECT DISTINCT conversation_key FROM handoff_cases WHERE conversation_key LIKE ANY(@casePatterns)", new { casePatterns }, cancellationToken: cancellationToken)).ConfigureAwait(false));
        return found;
    }

    public async Task<IReadOnlyList<(string Table, List<IDictionary<string, object?>> Rows)>> ExportAsync(PersonalDataSubject subject, SubjectConversations found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(found);
        var parameters = Parameters(found);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        async Task<(string, List<IDictionary<string, object?>>)> Select(string table, string sql)
            => (table, (await connection.QueryAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(row => (IDictionary<string, object?>)row).ToList());

        return
        [
            await Select("state", "SELECT key, value, updated_at FROM bot_state WHERE key = ANY(@stateKeys)").ConfigureAwait(false),
            await Select("handoff_cases", "SELECT * FROM handoff_cases WHERE conversation_key = ANY(@keys)").ConfigureAwait(false),
            await Select("callback_tickets", "SELECT * FROM callback_tickets WHERE conversation_key = ANY(@keys) OR id = ANY(@tickets)").ConfigureAwait(false),
            await Select("directline_conversations", "SELECT * FROM directline_conversations WHERE id = ANY(@ids)").ConfigureAwait(false),
            await Select("directline_activities", "SELECT conversation_id, seq, json FROM directline_activities WHERE conversation_id = ANY(@ids) ORDER BY conversation_id, seq").ConfigureAwait(false),
            await Select("transcript_entries", "SELECT conversation_key, at, sender, sender_name, text FROM transcript_entries WHERE conversation_key = ANY(@keys) ORDER BY id").ConfigureAwait(false),
            await Select("insight_unanswered", "SELECT conversation_key, at, language, text FROM insight_unanswered WHERE conversation_key = ANY(@keys) ORDER BY id").ConfigureAwait(false),
            await Select("insight_events", "SELECT conversation_key, at, channel, language, kind, name, value, number FROM insight_events WHERE conversation_key = ANY(@keys) ORDER BY id").ConfigureAwait(false),
        ];
    }

    public async Task<Dictionary<string, int>> EraseAsync(PersonalDataSubject subject, SubjectConversations found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(found);
        var parameters = Parameters(found);
        var erased = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            async Task Delete(string table, string sql)
                => erased[table] = await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

            await Delete("state", "DELETE FROM bot_state WHERE key = ANY(@stateKeys)").ConfigureAwait(false);
            await Delete("handoff_cases", "DELETE FROM handoff_cases WHERE conversation_key = ANY(@keys)").ConfigureAwait(false);
            await Delete("callback_tickets", "DELETE FROM callback_tickets WHERE conversation_key = ANY(@keys) OR id = ANY(@tickets)").ConfigureAwait(false);
            await Delete("directline_activities", "DELETE FROM directline_activities WHERE conversation_id = ANY(@ids)").ConfigureAwait(false);
            await Delete("directline_conversations", "DELETE FROM directline_conversations WHERE id = ANY(@ids)").ConfigureAwait(false);
            await Delete("transcript_entries", "DELETE FROM transcript_entries WHERE conversation_key = ANY(@keys)").ConfigureAwait(false);
            await Delete("insight_unanswered", "DELETE FROM insight_unanswered WHERE conversation_key = ANY(@keys)").ConfigureAwait(false);
            await Delete("insight_events", "DELETE FROM insight_events WHERE conversation_key = ANY(@keys)").ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        // Outside the transaction (VACUUM cannot run in one): the deleted rows' space is freed now, not at autovacuum's leisure.
        await connection.ExecuteAsync(new CommandDefinition("VACUUM " + string.Join(", ", Vacuumed), cancellationToken: cancellationToken)).ConfigureAwait(false);
        return erased;
    }

    private static object Parameters(SubjectConversations found) => new
    {
        stateKeys = found.StateKeys.ToArray(),
        keys = found.Conversations.ToArray(),
        ids = found.DirectLineIds.ToArray(),
        tickets = found.CallbackTicketIds.ToArray(),
    };

    /// <summary>Every row's first column and the texts after it, streamed: the tables are read once, not loaded.</summary>
    private static async IAsyncEnumerable<(string Key, string?[] Texts)> ReadAsync(NpgsqlConnection connection, string sql, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var texts = new string?[reader.FieldCount - 1];
            for (var i = 1; i < reader.FieldCount; i++)
            {
                texts[i - 1] = reader.IsDBNull(i) ? null : reader.GetString(i);
            }

            yield return (reader.GetString(0), texts);
        }
    }
}
