using static IqosBot.Privacy.SqliteSubjectFile;

namespace IqosBot.Privacy;

/// <summary>The embedded benefits sandbox's file (when the bot serves it): the subject's account, registrations and claims, by e-mail.</summary>
public sealed class SandboxPersonalData(string path)
{
    private const string OfAccount = "account_id IN (SELECT id FROM accounts WHERE email = @email COLLATE NOCASE)";

    public async Task<IReadOnlyList<(string Table, List<IDictionary<string, object?>> Rows)>> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var tables = new List<(string, List<IDictionary<string, object?>>)>();
        if (string.IsNullOrWhiteSpace(subject.Email))
        {
            return tables;
        }

        var account = new { email = subject.Email.Trim() };
        await WithFileAsync(path, subject, async connection =>
        {
            tables.Add(("accounts", await SelectAsync(connection, "accounts", "*", "email = @email COLLATE NOCASE", account, cancellationToken).ConfigureAwait(false)));
            tables.Add(("registrations", await SelectAsync(connection, "registrations", "*", OfAccount, account, cancellationToken).ConfigureAwait(false)));
            tables.Add(("claims", await SelectAsync(connection, "claims", "*", OfAccount, account, cancellationToken).ConfigureAwait(false)));
        }, cancellationToken).ConfigureAwait(false);
        return tables;
    }

    public async Task EraseAsync(PersonalDataSubject subject, Dictionary<string, int> erased, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(erased);
        if (string.IsNullOrWhiteSpace(subject.Email))
        {
            return;
        }

        var account = new { email = subject.Email.Trim() };
        await WithFileAsync(path, subject, async connection =>
        {
            erased["claims"] = await DeleteAsync(connection, "claims", OfAccount, account, cancellationToken).ConfigureAwait(false);
            erased["registrations"] = await DeleteAsync(connection, "registrations", OfAccount, account, cancellationToken).ConfigureAwait(false);
            erased["accounts"] = await DeleteAsync(connection, "accounts", "email = @email COLLATE NOCASE", account, cancellationToken).ConfigureAwait(false);
            await ReclaimAsync(connection, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
