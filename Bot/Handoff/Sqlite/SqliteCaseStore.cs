using Dapper;

namespace IqosBot.Handoff.Sqlite;

/// <summary>
/// Cases in the SQLite state database. Every change of owner or status is one conditional UPDATE, so two
/// agents accepting the same case at once cannot both win, and a closed case cannot be reopened.
/// </summary>
public sealed class SqliteCaseStore : ICaseStore
{
    private const string Columns = "id, conversation_key, channel_id, reference, adapter, mode, language, intent, last_dialog, description, status, owner, owner_name, created_at, queued_at, accepted_at, closed_at, resolution_note, rating, rating_comment, announced_position";

    /// <summary>Enough closed chats to trust their average handle time over the configured guess.</summary>
    private const int MeasuredSample = 20;
    private const int MinimumSample = 5;

    private readonly HandoffDatabase _database;

    public SqliteCaseStore(HandoffDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        DapperMapping.EnsureConfigured();
    }

    /// <inheritdoc/>
    /// <remarks>The place is counted outside the file's write gate.</remarks>
    public async Task<int?> CreateAsync(HandoffCase record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        int? position = null;
        if (record is { Status: CaseStatus.Waiting, Mode: CaseModes.Console })
        {
            await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            position = 1 + await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COUNT(*) FROM handoff_cases WHERE status = 'waiting' AND mode = @Mode",
                new { record.Mode },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        var parameters = new DynamicParameters(record);
        parameters.Add("position", position);
        await _database.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO handoff_cases ({Columns}) VALUES (@Id, @ConversationKey, @ChannelId, @Reference, @Adapter, @Mode, @Language, @Intent, @LastDialog, @Description, @Status, @Owner, @OwnerName, @CreatedAt, @QueuedAt, @AcceptedAt, @ClosedAt, @ResolutionNote, @Rating, @RatingComment, @position)",
            parameters,
            cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false);
        return position;
    }

    public async Task<HandoffCase?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<HandoffCase>(new CommandDefinition(
            $"SELECT {Columns} FROM handoff_cases WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The queue: waiting console cases, first come first served.</summary>
    public async Task<IReadOnlyList<HandoffCase>> ListWaitingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<HandoffCase>(new CommandDefinition(
            $"SELECT {Columns} FROM handoff_cases WHERE status = 'waiting' AND mode = 'console' ORDER BY queued_at, id",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows];
    }

    /// <summary>The case's 1-based place in the queue, or null when it is not waiting. Counts along the index, never loads the queue.</summary>
    public async Task<int?> PositionAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var position = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM handoff_cases AS ahead, handoff_cases AS self
            WHERE self.id = @id AND self.status = 'waiting'
              AND ahead.status = 'waiting' AND ahead.mode = self.mode
              AND (ahead.queued_at < self.queued_at OR (ahead.queued_at = self.queued_at AND ahead.id <= self.id))
            """,
            new { id },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return position > 0 ? (int)position : null;
    }

    public async Task<IReadOnlyList<HandoffCase>> ListActiveAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<HandoffCase>(new CommandDefinition(
            $"SELECT {Columns} FROM handoff_cases WHERE status = 'active' AND owner = @owner ORDER BY accepted_at, id",
            new { owner },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows];
    }

    public Task<bool> TryAcceptAsync(string id, string owner, string ownerName, DateTimeOffset now, CancellationToken cancellationToken)
        => UpdateAsync(
            "UPDATE handoff_cases SET status = 'active', owner = @owner, owner_name = @ownerName, accepted_at = @now WHERE id = @id AND status = 'waiting'",
            new { id, owner, ownerName, now },
            cancellationToken);

    public Task<bool> TryCloseAsync(string id, string owner, string note, DateTimeOffset now, CancellationToken cancellationToken)
        => UpdateAsync(
            "UPDATE handoff_cases SET status = 'closed', resolution_note = @note, closed_at = @now WHERE id = @id AND status = 'active' AND owner = @owner",
            new { id, owner, note, now },
            cancellationToken);

    /// <summary>The customer ended a chat an agent had accepted (the agent was away, or they were done).</summary>
    public Task<bool> TryEndByCustomerAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
        => UpdateAsync(
            "UPDATE handoff_cases SET status = 'closed', closed_at = @now, resolution_note = COALESCE(resolution_note, @note) WHERE id = @id AND status = 'active'",
            new { id, now, note = ICaseStore.EndedByCustomerNote },
            cancellationToken);

    /// <summary>The customer left before anyone accepted (or the contact centre could not take them).</summary>
    public Task<bool> TryLeaveAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
        => UpdateAsync(
            "UPDATE handoff_cases SET status = 'left', closed_at = @now WHERE id = @id AND status = 'waiting'",
            new { id, now },
            cancellationToken);

    /// <summary>To another agent, or back to the queue (<paramref name="to"/> null) keeping the place in it.</summary>
    public Task<bool> TryTransferAsync(string id, string from, string? to, string? toName, CancellationToken cancellationToken)
        => to is null
            ? UpdateAsync(
                "UPDATE handoff_cases SET status = 'waiting', owner = NULL, owner_name = NULL, accepted_at = NULL, announced_position = NULL WHERE id = @id AND status = 'active' AND owner = @from",
                new { id, from },
                cancellationToken)
            : UpdateAsync(
                "UPDATE handoff_cases SET owner = @to, owner_name = @toName WHERE id = @id AND status = 'active' AND owner = @from",
                new { id, from, to, toName },
                cancellationToken);

    /// <summary>A contact centre said it accepted or finished the conversation; it has no owner here.</summary>
    public Task<bool> TrySetStatusAsync(string id, string fromStatus, string toStatus, DateTimeOffset now, CancellationToken cancellationToken)
        => UpdateAsync(
            toStatus == CaseStatus.Active
                ? "UPDATE handoff_cases SET status = @toStatus, accepted_at = @now WHERE id = @id AND status = @fromStatus"
                : "UPDATE handoff_cases SET status = @toStatus, closed_at = @now WHERE id = @id AND status = @fromStatus",
            new { id, fromStatus, toStatus, now },
            cancellationToken);

    public Task<bool> SetAnnouncedPositionAsync(string id, int position, CancellationToken cancellationToken)
        => UpdateAsync(
            "UPDATE handoff_cases SET announced_position = @position WHERE id = @id AND status = 'waiting'",
            new { id, position },
            cancellationToken);

    /// <summary>Only a closed case can be rated, and only once.</summary>
    public Task<bool> TryRateAsync(string id, int rating, string? comment, CancellationToken cancellationToken)
        => UpdateAsync(
            "UPDATE handoff_cases SET rating = @rating, rating_comment = @comment WHERE id = @id AND status = 'closed' AND rating IS NULL",
            new { id, rating, comment },
            cancellationToken);

    /// <summary>The mean minutes from accept to close over the last chats, or null while there are too few.</summary>
    public async Task<double?> AverageHandleMinutesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<(long Count, double? Minutes)>(new CommandDefinition(
            $"""
            SELECT COUNT(*), AVG((julianday(closed_at) - julianday(accepted_at)) * 1440.0)
            FROM (SELECT accepted_at, closed_at FROM handoff_cases
                  WHERE status = 'closed' AND accepted_at IS NOT NULL AND mode = 'console'
                  ORDER BY closed_at DESC LIMIT {MeasuredSample})
            """,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row.Count >= MinimumSample ? row.Minutes : null;
    }

    /// <summary>The conversations whose case is still waiting or with an agent: their state is not expired.</summary>
    public async Task<IReadOnlySet<string>> OpenConversationKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var keys = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT conversation_key FROM handoff_cases WHERE status IN ('waiting', 'active')", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Deletes at most <paramref name="limit"/> cases that ended (closed, left, or finished by a contact centre)
    /// before <paramref name="cutoff"/>, with their description, notes and rating; returns their conversations.
    /// </summary>
    public async Task<IReadOnlyList<string>> DeleteEndedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        var keys = await _database.WriteAsync(connection => connection.QueryAsync<string>(new CommandDefinition(
            """
            DELETE FROM handoff_cases WHERE id IN (
                SELECT id FROM handoff_cases
                WHERE status NOT IN ('waiting', 'active') AND closed_at IS NOT NULL AND closed_at < @cutoff
                ORDER BY closed_at LIMIT @limit)
            RETURNING conversation_key
            """,
            // Compared as text with closed_at, which Microsoft.Data.Sqlite wrote from a DateTimeOffset: the cutoff goes the
            // same way, so both are in its format (as ISO 8601 with a 'T', every time of the cutoff's day sorted older).
            new { cutoff = cutoff.ToUniversalTime(), limit },
            cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false);
        return keys.ToList();
    }

    private async Task<bool> UpdateAsync(string sql, object parameters, CancellationToken cancellationToken)
        => await _database.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false) == 1;
}
