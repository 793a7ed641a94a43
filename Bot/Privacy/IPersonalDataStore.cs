namespace IqosBot.Privacy;

/// <summary>Where the bot keeps conversations (SQLite files or PostgreSQL): finds one subject's, exports and erases them.</summary>
public interface IPersonalDataStore
{
    /// <summary>The conversations that are the subject's: named by id, or mentioning their e-mail or phone number anywhere. A whole conversation is theirs.</summary>
    Task<SubjectConversations> FindAsync(PersonalDataSubject subject, CancellationToken cancellationToken);

    /// <summary>Every row of those conversations, table by table.</summary>
    Task<IReadOnlyList<(string Table, List<IDictionary<string, object?>> Rows)>> ExportAsync(PersonalDataSubject subject, SubjectConversations found, CancellationToken cancellationToken);

    /// <summary>Deletes what <see cref="ExportAsync"/> shows, leaving nothing readable behind; the rows removed per table.</summary>
    Task<Dictionary<string, int>> EraseAsync(PersonalDataSubject subject, SubjectConversations found, CancellationToken cancellationToken);
}
