using Dapper;
using Npgsql;

namespace IqosBot.Handoff.Postgres;

/// <summary>Callback tickets on PostgreSQL (Storage:Provider=Postgres), shared by every instance; times written in UTC (Npgsql's rule for timestamptz).</summary>
public sealed class PostgresCallbackStore : ICallbackStore
{
    private const string Columns = "id, conversation_key, created_at, language, phone, intent, last_dialog, status, done_by, done_at";

    /// <summary>
    /// The first key of the two-key advisory locks that serialise ticket creation per conversation. PostgreSQL's
    /// one-key (bigint) and two-key lock spaces do not overlap, so these never meet the migrations' lock or the
    /// conversations' turn locks (DistributedLock's, one-key).
    /// </summary>
    private const int CreateLockSpace = 0x105B_0703;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresCallbackStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        DapperMapping.EnsureConfigured();
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A count and an insert in one statement are not enough here: under READ COMMITTED two transactions would
    /// both count the tickets committed before either inserted, and both insert. So each creation first takes a
    /// transaction-scoped advisory lock on the conversation, and the insert's own snapshot, taken after the lock,
    /// sees every ticket committed by whoever held it before.
    /// </remarks>
    public async Task<bool> TryCreateAsync(CallbackTicket ticket, int maxOpen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@space, hashtext(@key))",
            new { space = CreateLockSpace, key = ticket.ConversationKey ?? string.Empty },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var stored = await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO callback_tickets ({Columns}) SELECT @Id, @ConversationKey, @CreatedAt, @Language, @Phone, @Intent, @LastDialog, @Status, @DoneBy, @DoneAt "
            + "WHERE (SELECT COUNT(*) FROM callback_tickets WHERE conversation_key = @ConversationKey AND status = 'open') < @maxOpen",
            new
            {
                ticket.Id, ticket.ConversationKey, CreatedAt = ticket.CreatedAt.ToUniversalTime(), ticket.Language, ticket.Phone, ticket.Intent,
                ticket.LastDialog, ticket.Status, ticket.DoneBy, DoneAt = ticket.DoneAt?.ToUniversalTime(), maxOpen,
            },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored == 1;
    }

    public async Task<IReadOnlyList<CallbackTicket>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<CallbackTicket>(new CommandDefinition(
            $"SELECT {Columns} FROM callback_tickets WHERE status = 'open' ORDER BY created_at, id",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows];
    }

    public async Task<bool> TryMarkDoneAsync(string id, string agent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE callback_tickets SET status = 'done', done_by = @agent, done_at = @now WHERE id = @id AND status = 'open'",
            new { id, agent, now = now.ToUniversalTime() },
            cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    public async Task<int> DeleteDoneBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM callback_tickets WHERE id IN (
                SELECT id FROM callback_tickets WHERE status = 'done' AND done_at < @cutoff
                ORDER BY done_at LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            """,
            new { cutoff = cutoff.ToUniversalTime(), limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
