using Dapper;
using Microsoft.Data.Sqlite;

namespace IqosBot.Privacy;

/// <summary>
/// Data-subject requests (GDPR art. 15 and 17): everything the bot holds about one person — the conversations
/// that mention their e-mail or phone number (state, transcript, handoff cases, callback tickets, Direct Line
/// activities) and, with the embedded benefits sandbox, their account, registrations and claims — exported as
/// JSON or erased everywhere. Works on the files directly, beside a running bot (SQLite's locking and
/// busy_timeout keep the writers apart), and leaves nothing erased readable in the files or their WALs.
/// </summary>
public sealed class PersonalDataRequests(PersonalDataFiles files)
{
    /// <summary>Everything held about the subject, table by table; nothing about anyone else.</summary>
    public async Task<Dictionary<string, object>> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var rows = await CollectAsync(subject, cancellationToken).ConfigureAwait(false);
        var export = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["subject"] = new { subject.Email, subject.Phone, subject.Conversation },
            ["conversations"] = rows.Conversations.Order(StringComparer.Ordinal).ToList(),
        };
        foreach (var (table, found) in rows.Tables)
        {
            export[table] = found;
        }

        return export;
    }

    /// <summary>Deletes everything <see cref="ExportAsync"/> would show; returns the rows removed per table.</summary>
    public async Task<Dictionary<string, int>> EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var found = await FindAsync(subject, cancellationToken).ConfigureAwait(false);
        var erased = new Dictionary<string, int>(StringComparer.Ordinal);
        await WithFileAsync(files.State, subject, async connection =>
        {
            erased["state"] = await DeleteAsync(connection, "state", "key IN @keys", new { keys = found.StateKeys }, cancellationToken).ConfigureAwait(false);
            erased["handoff_cases"] = await DeleteAsync(connection, "handoff_cases", "conversation_key IN @keys", new { keys = found.Conversations }, cancellationToken).ConfigureAwait(false);
            erased["callback_tickets"] = await DeleteAsync(connection, "callback_tickets", "conversation_key IN @keys OR mentions(phone)", new { keys = found.Conversations }, cancellationToken).ConfigureAwait(false);
            erased["directline_activities"] = await DeleteAsync(connection, "directline_activities", "conversation_id IN @ids", new { ids = found.DirectLineIds }, cancellationToken).ConfigureAwait(false);
            erased["directline_conversations"] = await DeleteAsync(connection, "directline_conversations", "id IN @ids", new { ids = found.DirectLineIds }, cancellationToken).ConfigureAwait(false);
            await ReclaimAsync(connection, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        await WithFileAsync(files.Transcripts, subject, async connection =>
        {
            erased["transcript_entries"] = await DeleteAsync(connection, "transcript_entries", "conversation_key IN @keys", new { keys = found.Conversations }, cancellationToken).ConfigureAwait(false);
            await ReclaimAsync(connection, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        if (files.Sandbox is { } sandbox && !string.IsNullOrWhiteSpace(subject.Email))
        {
            await WithFileAsync(sandbox, subject, async connection =>
            {
                var account = new { email = subject.Email.Trim() };
                const string OfAccount = "account_id IN (SELECT id FROM accounts WHERE email = @email COLLATE NOCASE)";
                erased["claims"] = await DeleteAsync(connection, "claims", OfAccount, account, cancellationToken).ConfigureAwait(false);
                erased["registrations"] = await DeleteAsync(connection, "registrations", OfAccount, account, cancellationToken).ConfigureAwait(false);
                erased["accounts"] = await DeleteAsync(connection, "accounts", "email = @email COLLATE NOCASE", account, cancellationToken).ConfigureAwait(false);
                await ReclaimAsync(connection, cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }

        return erased;
    }

    private async Task<CollectedRows> CollectAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var found = await FindAsync(subject, cancellationToken).ConfigureAwait(false);
        var tables = new List<(string, List<IDictionary<string, object?>>)>();
        await WithFileAsync(files.State, subject, async connection =>
        {
            tables.Add(("state", await SelectAsync(connection, "state", "key, value, updated_at", "key IN @keys", new { keys = found.StateKeys }, cancellationToken).ConfigureAwait(false)));
            tables.Add(("handoff_cases", await SelectAsync(connection, "handoff_cases", "*", "conversation_key IN @keys", new { keys = found.Conversations }, cancellationToken).ConfigureAwait(false)));
            tables.Add(("callback_tickets", await SelectAsync(connection, "callback_tickets", "*", "conversation_key IN @keys OR mentions(phone)", new { keys = found.Conversations }, cancellationToken).ConfigureAwait(false)));
            tables.Add(("directline_conversations", await SelectAsync(connection, "directline_conversations", "*", "id IN @ids", new { ids = found.DirectLineIds }, cancellationToken).ConfigureAwait(false)));
            tables.Add(("directline_activities", await SelectAsync(connection, "directline_activities", "conversation_id, seq, json", "conversation_id IN @ids", new { ids = found.DirectLineIds }, cancellationToken).ConfigureAwait(false)));
        }, cancellationToken).ConfigureAwait(false);

        await WithFileAsync(files.Transcripts, subject, async connection =>
            tables.Add(("transcript_entries", await SelectAsync(connection, "transcript_entries", "conversation_key, at, sender, sender_name, text", "conversation_key IN @keys", new { keys = found.Conversations }, cancellationToken).ConfigureAwait(false))),
            cancellationToken).ConfigureAwait(false);

        if (files.Sandbox is { } sandbox && !string.IsNullOrWhiteSpace(subject.Email))
        {
            await WithFileAsync(sandbox, subject, async connection =>
            {
                var account = new { email = subject.Email.Trim() };
                const string OfAccount = "account_id IN (SELECT id FROM accounts WHERE email = @email COLLATE NOCASE)";
                tables.Add(("accounts", await SelectAsync(connection, "accounts", "*", "email = @email COLLATE NOCASE", account, cancellationToken).ConfigureAwait(false)));
                tables.Add(("registrations", await SelectAsync(connection, "registrations", "*", OfAccount, account, cancellationToken).ConfigureAwait(false)));
                tables.Add(("claims", await SelectAsync(connection, "claims", "*", OfAccount, account, cancellationToken).ConfigureAwait(false)));
            }, cancellationToken).ConfigureAwait(false);
        }

        return new CollectedRows(found.Conversations, tables);
    }

    /// <summary>
    /// The conversations that are the subject's: named by id, or mentioning their e-mail or phone number in
    /// state, transcript lines, cases, callback tickets or Direct Line activities. A whole conversation is theirs.
    /// </summary>
    private async Task<Found> FindAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.IsEmpty)
        {
            throw new ArgumentException("Name an e-mail address, a phone number or a conversation.", nameof(subject));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var stateKeys = new HashSet<string>(StringComparer.Ordinal);
        if (subject.Conversation?.Trim() is { Length: > 0 } named)
        {
            ids.Add(named.Contains('/', StringComparison.Ordinal) ? named[(named.IndexOf('/', StringComparison.Ordinal) + 1)..] : named);
            if (named.Contains('/', StringComparison.Ordinal))
            {
                keys.Add(named);
            }
        }

        await WithFileAsync(files.State, subject, async connection =>
        {
            foreach (var key in await QueryAsync(connection, "state", "key", "mentions(value)", null, cancellationToken).ConfigureAwait(false))
            {
                stateKeys.Add(key);
                AddStateKey(key, keys, ids);
            }

            keys.UnionWith(await QueryAsync(connection, "handoff_cases", "conversation_key", "mentions(description) OR mentions(rating_comment) OR mentions(resolution_note)", null, cancellationToken).ConfigureAwait(false));
            keys.UnionWith(await QueryAsync(connection, "callback_tickets", "conversation_key", "mentions(phone) AND conversation_key IS NOT NULL", null, cancellationToken).ConfigureAwait(false));
            ids.UnionWith(await QueryAsync(connection, "directline_activities", "conversation_id", "mentions(json)", null, cancellationToken).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);

        await WithFileAsync(files.Transcripts, subject, async connection =>
            keys.UnionWith(await QueryAsync(connection, "transcript_entries", "conversation_key", "mentions(text)", null, cancellationToken).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);

        // One conversation is known by "channel/id" in the bot's tables and by its id in Direct Line's.
        foreach (var key in keys.ToList())
        {
            ids.Add(key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..]);
        }

        await WithFileAsync(files.State, subject, async connection =>
        {
            foreach (var id in ids)
            {
                foreach (var key in await QueryAsync(connection, "state", "key", "key LIKE @pattern ESCAPE '\\'", new { pattern = "%/conversations/" + EscapeLike(id) }, cancellationToken).ConfigureAwait(false))
                {
                    stateKeys.Add(key);
                    AddStateKey(key, keys, ids);
                }

                keys.UnionWith(await QueryAsync(connection, "handoff_cases", "conversation_key", "conversation_key LIKE @pattern ESCAPE '\\'", new { pattern = "%/" + EscapeLike(id) }, cancellationToken).ConfigureAwait(false));
            }
        }, cancellationToken).ConfigureAwait(false);

        return new Found(keys.ToList(), ids.ToList(), stateKeys.ToList());
    }

    /// <summary>"webchat/conversations/abc" → the conversation "webchat/abc"; user and other keys name no conversation.</summary>
    private static void AddStateKey(string key, HashSet<string> keys, HashSet<string> ids)
    {
        const string Marker = "/conversations/";
        var at = key.IndexOf(Marker, StringComparison.Ordinal);
        if (at > 0)
        {
            keys.Add(key[..at] + "/" + key[(at + Marker.Length)..]);
            ids.Add(key[(at + Marker.Length)..]);
        }
    }

    private static string EscapeLike(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>
    /// Runs <paramref name="work"/> on the file when it exists (a request never creates one), with <c>mentions(text)</c>
    /// defined. A connection of its own, not from the bot's pool: the function holds the subject's e-mail and phone,
    /// which must not stay registered on pooled connections after the request.
    /// </summary>
    private static async Task WithFileAsync(string path, PersonalDataSubject subject, Func<SqliteConnection, Task> work, CancellationToken cancellationToken)
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

    private static async Task<bool> HasTableAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
        => await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @table", new { table }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;

    private static async Task<IReadOnlyList<string>> QueryAsync(SqliteConnection connection, string table, string column, string where, object? parameters, CancellationToken cancellationToken)
        => await HasTableAsync(connection, table, cancellationToken).ConfigureAwait(false)
            ? (await connection.QueryAsync<string>(new CommandDefinition($"SELECT DISTINCT {column} FROM {table} WHERE {where}", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList()
            : [];

    private static async Task<List<IDictionary<string, object?>>> SelectAsync(SqliteConnection connection, string table, string columns, string where, object parameters, CancellationToken cancellationToken)
        => await HasTableAsync(connection, table, cancellationToken).ConfigureAwait(false)
            ? (await connection.QueryAsync(new CommandDefinition($"SELECT {columns} FROM {table} WHERE {where}", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Select(row => (IDictionary<string, object?>)row).ToList()
            : [];

    private static async Task<int> DeleteAsync(SqliteConnection connection, string table, string where, object parameters, CancellationToken cancellationToken)
        => await HasTableAsync(connection, table, cancellationToken).ConfigureAwait(false)
            ? await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM {table} WHERE {where}", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)
            : 0;

    /// <summary>Freed pages back to the file system; the WAL checkpointed and emptied, so no erased row stays in it.</summary>
    private static Task ReclaimAsync(SqliteConnection connection, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(Storage.SqliteFile.ReclaimSql, cancellationToken: cancellationToken));

    private sealed record Found(List<string> Conversations, List<string> DirectLineIds, List<string> StateKeys);

    private sealed record CollectedRows(List<string> Conversations, List<(string Table, List<IDictionary<string, object?>> Rows)> Tables);
}
