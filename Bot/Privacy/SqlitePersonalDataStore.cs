using static IqosBot.Privacy.SqliteSubjectFile;

namespace IqosBot.Privacy;

/// <summary>
/// A subject's conversations in the bot's SQLite files (state with cases, tickets and Direct Line; transcripts and
/// the team's insights beside it: the insights hold no e-mail or phone to find a person by, but a conversation found
/// goes from them too). Works on the files directly, beside a running bot (SQLite's locking and busy_timeout keep the
/// writers apart), and leaves nothing erased readable in the files or their WALs.
/// </summary>
public sealed class SqlitePersonalDataStore(string statePath, string transcriptsPath, string insightsPath) : IPersonalDataStore
{
    public async Task<SubjectConversations> FindAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var found = new SubjectConversations();
        found.AddNamed(subject);
        await WithFileAsync(statePath, subject, async connection =>
        {
            foreach (var key in await QueryAsync(connection, "state", "key", "mentions(value)", null, cancellationToken).ConfigureAwait(false))
            {
                found.AddStateKey(key);
            }

            found.Conversations.UnionWith(await QueryAsync(connection, "handoff_cases", "conversation_key", "mentions(description) OR mentions(rating_comment) OR mentions(resolution_note)", null, cancellationToken).ConfigureAwait(false));
            found.Conversations.UnionWith(await QueryAsync(connection, "callback_tickets", "conversation_key", "mentions(phone) AND conversation_key IS NOT NULL", null, cancellationToken).ConfigureAwait(false));
            found.DirectLineIds.UnionWith(await QueryAsync(connection, "directline_activities", "conversation_id", "mentions(json)", null, cancellationToken).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);

        await WithFileAsync(transcriptsPath, subject, async connection =>
            found.Conversations.UnionWith(await QueryAsync(connection, "transcript_entries", "conversation_key", "mentions(text)", null, cancellationToken).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);

        found.AddIdsOfConversations();
        await WithFileAsync(statePath, subject, async connection =>
        {
            foreach (var id in found.DirectLineIds.ToList())
            {
                foreach (var key in await QueryAsync(connection, "state", "key", "key LIKE @pattern ESCAPE '\\'", new { pattern = "%/conversations/" + SubjectConversations.EscapeLike(id) }, cancellationToken).ConfigureAwait(false))
                {
                    found.AddStateKey(key);
                }

                found.Conversations.UnionWith(await QueryAsync(connection, "handoff_cases", "conversation_key", "conversation_key LIKE @pattern ESCAPE '\\'", new { pattern = "%/" + SubjectConversations.EscapeLike(id) }, cancellationToken).ConfigureAwait(false));
            }
        }, cancellationToken).ConfigureAwait(false);

        return found;
    }

    public async Task<IReadOnlyList<(string Table, List<IDictionary<string, object?>> Rows)>> ExportAsync(PersonalDataSubject subject, SubjectConversations found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(found);
        var tables = new List<(string, List<IDictionary<string, object?>>)>();
        var keys = new { keys = found.Conversations.ToList() };
        await WithFileAsync(statePath, subject, async connection =>
        {
            tables.Add(("state", await SelectAsync(connection, "state", "key, value, updated_at", "key IN @keys", new { keys = found.StateKeys.ToList() }, cancellationToken).ConfigureAwait(false)));
            tables.Add(("handoff_cases", await SelectAsync(connection, "handoff_cases", "*", "conversation_key IN @keys", keys, cancellationToken).ConfigureAwait(false)));
            tables.Add(("callback_tickets", await SelectAsync(connection, "callback_tickets", "*", "conversation_key IN @keys OR mentions(phone)", keys, cancellationToken).ConfigureAwait(false)));
            tables.Add(("directline_conversations", await SelectAsync(connection, "directline_conversations", "*", "id IN @ids", new { ids = found.DirectLineIds.ToList() }, cancellationToken).ConfigureAwait(false)));
            tables.Add(("directline_activities", await SelectAsync(connection, "directline_activities", "conversation_id, seq, json", "conversation_id IN @ids", new { ids = found.DirectLineIds.ToList() }, cancellationToken).ConfigureAwait(false)));
        }, cancellationToken).ConfigureAwait(false);

        await WithFileAsync(transcriptsPath, subject, async connection =>
            tables.Add(("transcript_entries", await SelectAsync(connection, "transcript_entries", "conversation_key, at, sender, sender_name, text", "conversation_key IN @keys", keys, cancellationToken).ConfigureAwait(false))),
            cancellationToken).ConfigureAwait(false);
        await WithFileAsync(insightsPath, subject, async connection =>
        {
            tables.Add(("insight_unanswered", await SelectAsync(connection, "insight_unanswered", "conversation_key, at, language, text", "conversation_key IN @keys", keys, cancellationToken).ConfigureAwait(false)));
            tables.Add(("insight_events", await SelectAsync(connection, "insight_events", "conversation_key, at, channel, language, kind, name, value, number", "conversation_key IN @keys", keys, cancellationToken).ConfigureAwait(false)));
        }, cancellationToken).ConfigureAwait(false);
        return tables;
    }

    public async Task<Dictionary<string, int>> EraseAsync(PersonalDataSubject subject, SubjectConversations found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(found);
        var erased = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new { keys = found.Conversations.ToList() };
        var ids = new { ids = found.DirectLineIds.ToList() };
        await WithFileAsync(statePath, subject, async connection =>
        {
            erased["state"] = await DeleteAsync(connection, "state", "key IN @keys", new { keys = found.StateKeys.ToList() }, cancellationToken).ConfigureAwait(false);
            erased["handoff_cases"] = await DeleteAsync(connection, "handoff_cases", "conversation_key IN @keys", keys, cancellationToken).ConfigureAwait(false);
            erased["callback_tickets"] = await DeleteAsync(connection, "callback_tickets", "conversation_key IN @keys OR mentions(phone)", keys, cancellationToken).ConfigureAwait(false);
            erased["directline_activities"] = await DeleteAsync(connection, "directline_activities", "conversation_id IN @ids", ids, cancellationToken).ConfigureAwait(false);
            erased["directline_conversations"] = await DeleteAsync(connection, "directline_conversations", "id IN @ids", ids, cancellationToken).ConfigureAwait(false);
            await ReclaimAsync(connection, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        await WithFileAsync(transcriptsPath, subject, async connection =>
        {
            erased["transcript_entries"] = await DeleteAsync(connection, "transcript_entries", "conversation_key IN @keys", keys, cancellationToken).ConfigureAwait(false);
            await ReclaimAsync(connection, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        await WithFileAsync(insightsPath, subject, async connection =>
        {
            erased["insight_unanswered"] = await DeleteAsync(connection, "insight_unanswered", "conversation_key IN @keys", keys, cancellationToken).ConfigureAwait(false);
            erased["insight_events"] = await DeleteAsync(connection, "insight_events", "conversation_key IN @keys", keys, cancellationToken).ConfigureAwait(false);
            await ReclaimAsync(connection, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return erased;
    }
}
