using Dapper;
using Npgsql;

namespace IqosBot.Handoff.Postgres;

/// <summary>
/// Cases on PostgreSQL (Storage:Provider=Postgres), shared by every instance. Each change of owner or status is
/// one conditional UPDATE: under READ COMMITTED a second writer of the same row waits for the first to commit
/// and then evaluates its WHERE against the new row, so of two agents accepting one case on two instances,
/// one updates it and the other finds it no longer waiting. Times are written in UTC: Npgsql writes timestamptz
/// only from offset 0.
/// </summary>
public sealed class PostgresCaseStore : ICaseStore
{
    private const string Columns = "id, conversation_key, channel_id, reference, adapter, mode, language, intent, last_dialog, description, status, owner, owner_name, created_at, queued_at, accepted_at, closed_at, resolution_note, rating, rating_comment, announced_position";

    /// <summary>Enough closed chats to trust their average handle time over the configured guess.</summary>
    private const int MeasuredSample = 20;
    private const int MinimumSample = 5;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresCaseStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        DapperMapping.EnsureConfigured();
    }

    /// <inheritdoc/>
    public async Task<int?> CreateAsync(HandoffCase record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        int? position = null;
        if (record is { Status: CaseStatus.Waiting, Mode: CaseModes.Console })
        {
            position = 1 + await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COUNT(*) FROM handoff_cases WHERE status = 'waiting' AND mode = @Mode",
                new { record.Mode },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO handoff_cases ({Columns}) VALUES (@Id, @ConversationKey, @ChannelId, @Reference, @Adapter, @Mode, @Language, @Intent, @LastDialog, @Description, @Status, @Owner, @OwnerName, @CreatedAt, @QueuedAt, @AcceptedAt, @ClosedAt, @ResolutionNote, @Rating, @RatingComment, @position)",
            new
            {
                record.Id, record.ConversationKey, record.ChannelId, record.Reference, record.Adapter, record.Mode, record.Language,
                record.Intent, record.LastDialog, record.Description, record.Status, record.Owner, record.OwnerName,
                CreatedAt = record.CreatedAt.ToUniversalTime(),
                QueuedAt = record.QueuedAt.ToUniversalTime(),
                AcceptedAt = record.AcceptedAt?.ToUniversalTime(),
                ClosedAt = record.ClosedAt?.ToUniversalTime(),
                record.ResolutionNote, record.Rating, record.RatingComment, position,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return position;
    }

    public async Task<HandoffCase?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<HandoffCase>(new CommandDefinition(
            $"SELECT {Columns} FROM handoff_cases WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<HandoffCase>> ListWaitingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<HandoffCase>(new CommandDefinition(
            $"SELECT {Columns} FROM handoff_cases WHERE status = 'waiting' AND mode = 'console' ORDER BY queued_at, id",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows];
    }

    /// <inheritdoc/>
    /// <remarks>Counts along the queue index, never loads the queue.</remarks>
    public async Task<int?> PositionAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var position = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM handoff_cases AS ahead, handoff_cases AS self
            WHERE self.id = @id AND self.status = 'waiting'
              AND ahead.status = 'waiting' AND ahead.mode = self.mode
              AND (ahead.queued_at, ahead.id) <= (self.queued_at, self.id)
            """,
            new { id },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return position > 0 ? (int)position : null;
    }

    public async Task<IReadOnlyList<HandoffCase>> ListActiveAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<HandoffCase>(new CommandDefinition(
            $"SELECT {Columns} FROM handoff_cases WHERE status = 'active' AND owner = @owner ORDER BY accepted_at, id",
            new { owner },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows];
    }

    public Task<bool> TryAcceptAsync(string id, string owner, string ownerName, DateTimeOffset now, CancellationToken cancellationToken)
        => UpdateAsync(
            "UPDATE handoff_cases SET status = 'active', owner = @owner, owner_name = @ownerName, accepted_at = @now WHERE id = @id AND status = 'waiting'",
            new { id, owner, ownerName, now = now.ToUniversalTime() },
            cancellationToken);

    public Task<bool> TryCloseAsync(string id, string owner, string note, DateTimeOffset now, CancellationToken cancellationToken)
        => UpdateAsync(
            "UPDATE handoff_cases SET status = 'closed', resolution_note = @note, closed_at = @now WHERE id = @id AND status = 'active' AND owner = @owner",
            new { id, owner, note, now = now.ToUniversalTime() },
            cancellationToken);

    public Task<bool> TryEndByCustomerAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
        => UpdateAsync(
            "UPDATE handoff_cases SET status = 'closed', closed_at = @now, resolution_note = COALESCE(resolution_note, @note) WHERE id = @id AND status = 'active'",
            new { id, now = now.ToUniversalTime(), note = ICaseStore.EndedByCustomerNote },
            cancellationToken);

    public Task<bool> TryLeaveAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
        => UpdateAsync(
            "UPDATE handoff_cases SET status = 'left', closed_at = @now WHERE id = @id AND status = 'waiting'",
            new { id, now = now.ToUniversalTime() },
            cancellationToken);

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

    public Task<bool> TrySetStatusAsync(string id, string fromStatus, string toStatus, DateTimeOffset now, CancellationToken cancellationToken)
        => UpdateAsync(
            toStatus == CaseStatus.Active
                ? "UPDATE handoff_cases SET status = @toStatus, accepted_at = @now WHERE id = @id AND status = @fromStatus"
                : "UPDATE handoff_cases SET status = @toStatus, closed_at = @now WHERE id = @id AND status = @fromStatus",
            new { id, fromStatus, toStatus, now = now.ToUniversalTime() },
            cancellationToken);

    public Task<bool> SetAnnouncedPositionAsync(string id, int position, CancellationToken cancellationToken)
        => UpdateAsync(
            "UPDATE handoff_cases SET announced_position = @position WHERE id = @id AND status = 'waiting'",
            new { id, position },
            cancellationToken);

    public Task<bool> TryRateAsync(string id, int rating, string? comment, CancellationToken cancellationToken)
        => UpdateAsync(
            "UPDATE handoff_cases SET rating = @rating, rating_comment = @comment WHERE id = @id AND status = 'closed' AND rating IS NULL",
            new { id, rating, comment },
            cancellationToken);

    public async Task<double?> AverageHandleMinutesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<(long Count, double? Minutes)>(new CommandDefinition(
            $"""
            SELECT COUNT(*), AVG(EXTRACT(EPOCH FROM closed_at - accepted_at) / 60.0)::double precision
            FROM (SELECT accepted_at, closed_at FROM handoff_cases
                  WHERE status = 'closed' AND accepted_at IS NOT NULL AND mode = 'console'
                  ORDER BY closed_at DESC LIMIT {MeasuredSample}) AS latest
            """,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row.Count >= MinimumSample ? row.Minutes : null;
    }

    public async Task<IReadOnlySet<string>> OpenConversationKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var keys = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT conversation_key FROM handoff_cases WHERE status IN ('waiting', 'active')", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    /// <remarks>Rows another instance's sweep is deleting at the same moment are skipped, not waited for: each sweep takes its own batch.</remarks>
    public async Task<IReadOnlyList<string>> DeleteEndedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var keys = await connection.QueryAsync<string>(new CommandDefinition(
            """
            DELETE FROM handoff_cases WHERE id IN (
                SELECT id FROM handoff_cases
                WHERE status NOT IN ('waiting', 'active') AND closed_at IS NOT NULL AND closed_at < @cutoff
                ORDER BY closed_at LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            RETURNING conversation_key
            """,
            new { cutoff = cutoff.ToUniversalTime(), limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return keys.ToList();
    }

    private async Task<bool> UpdateAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }
}
