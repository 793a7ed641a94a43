using IqosBot.Storage;
using Npgsql;

namespace IqosBot.Privacy;

/// <summary>
/// Data-subject requests (GDPR art. 15 and 17): everything the bot holds about one person — the conversations
/// that mention their e-mail or phone number (state, transcript, handoff cases, callback tickets, Direct Line
/// activities), wherever the bot keeps them (<see cref="IPersonalDataStore"/>), and, with the embedded benefits
/// sandbox, their account, registrations and claims — exported as JSON or erased everywhere.
/// </summary>
/// <param name="handOver">The instance's states kept in memory for a next turn: erased conversations' are dropped too.</param>
public sealed class PersonalDataRequests(IPersonalDataStore store, SandboxPersonalData? sandbox, StateHandOver? handOver = null)
{
    /// <summary>The requests on the stores a configuration names: the SQLite files, or PostgreSQL (Storage:Provider), plus the sandbox file when the bot serves it.</summary>
    public static PersonalDataRequests From(IConfiguration configuration, string contentRoot, NpgsqlDataSource? postgres = null, StateHandOver? handOver = null)
    {
        var files = PersonalDataFiles.From(configuration, contentRoot);
        IPersonalDataStore store = StorageProviders.IsPostgres(configuration)
            ? new PostgresPersonalDataStore(postgres ?? Storage.Postgres.PostgresDataSources.ForStores(configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:Postgres is not set.")))
            : new SqlitePersonalDataStore(files.State, files.Transcripts, files.Insights);
        return new PersonalDataRequests(store, files.Sandbox is { } path ? new SandboxPersonalData(path) : null, handOver);
    }

    /// <summary>Everything held about the subject, table by table; nothing about anyone else.</summary>
    public async Task<Dictionary<string, object>> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var found = await FindAsync(subject, cancellationToken).ConfigureAwait(false);
        var export = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["subject"] = new { subject.Email, subject.Phone, subject.Conversation },
            ["conversations"] = found.Conversations.Order(StringComparer.Ordinal).ToList(),
        };
        foreach (var (table, rows) in await store.ExportAsync(subject, found, cancellationToken).ConfigureAwait(false))
        {
            export[table] = rows;
        }

        if (sandbox is not null)
        {
            foreach (var (table, rows) in await sandbox.ExportAsync(subject, cancellationToken).ConfigureAwait(false))
            {
                export[table] = rows;
            }
        }

        return export;
    }

    /// <summary>Deletes everything <see cref="ExportAsync"/> would show; returns the rows removed per table.</summary>
    public async Task<Dictionary<string, int>> EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var found = await FindAsync(subject, cancellationToken).ConfigureAwait(false);
        var erased = await store.EraseAsync(subject, found, cancellationToken).ConfigureAwait(false);
        handOver?.Forget(found.StateKeys);
        if (sandbox is not null)
        {
            await sandbox.EraseAsync(subject, erased, cancellationToken).ConfigureAwait(false);
        }

        return erased;
    }

    private Task<SubjectConversations> FindAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.IsEmpty)
        {
            throw new ArgumentException("Name an e-mail address, a phone number or a conversation.", nameof(subject));
        }

        return store.FindAsync(subject, cancellationToken);
    }
}
