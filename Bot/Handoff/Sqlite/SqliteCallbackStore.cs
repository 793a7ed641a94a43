using Dapper;

namespace IqosBot.Handoff.Sqlite;

/// <summary>Callback tickets in the SQLite state database.</summary>
public sealed class SqliteCallbackStore : ICallbackStore
{
    private const string Columns = "id, conversation_key, created_at, language, phone, intent, last_dialog, status, done_by, done_at";

    private readonly HandoffDatabase _database;

    public SqliteCallbackStore(HandoffDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        DapperMapping.EnsureConfigured();
    }

    /// <summary>
    /// Stores the ticket unless its conversation already has <paramref name="maxOpen"/> open ones (checked in the
    /// same statement), so one conversation cannot fill the agents' list; false when it was not stored.
    /// </summary>
    public async Task<bool> TryCreateAsync(CallbackTicket ticket, int maxOpen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return await _database.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO callback_tickets ({Columns}) SELECT @Id, @ConversationKey, @CreatedAt, @Language, @Phone, @Intent, @LastDialog, @Status, @DoneBy, @DoneAt "
            + "WHERE (SELECT COUNT(*) FROM callback_tickets WHERE conversation_key = @ConversationKey AND status = 'open') < @maxOpen",
            new { ticket.Id, ticket.ConversationKey, ticket.CreatedAt, ticket.Language, ticket.Phone, ticket.Intent, ticket.LastDialog, ticket.Status, ticket.DoneBy, ticket.DoneAt, maxOpen },
            cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Open tickets, oldest first: the order to call back in.</summary>
    public async Task<IReadOnlyList<CallbackTicket>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<CallbackTicket>(new CommandDefinition(
            $"SELECT {Columns} FROM callback_tickets WHERE status = 'open' ORDER BY created_at, id",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows];
    }

    public async Task<bool> TryMarkDoneAsync(string id, string agent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await _database.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE callback_tickets SET status = 'done', done_by = @agent, done_at = @now WHERE id = @id AND status = 'open'",
            new { id, agent, now },
            cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Deletes at most <paramref name="limit"/> tickets marked done before <paramref name="cutoff"/>, phone number and all.</summary>
    public Task<int> DeleteDoneBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
        => _database.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM callback_tickets WHERE id IN (SELECT id FROM callback_tickets WHERE status = 'done' AND done_at < @cutoff ORDER BY done_at LIMIT @limit)",
            // Compared as text with done_at, which Microsoft.Data.Sqlite wrote from a DateTimeOffset: the cutoff goes the
            // same way, so both are in its format (as ISO 8601 with a 'T', every time of the cutoff's day sorted older).
            new { cutoff = cutoff.ToUniversalTime(), limit },
            cancellationToken: cancellationToken)), cancellationToken);
}
