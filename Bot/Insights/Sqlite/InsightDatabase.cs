using IqosBot.Storage;
using Microsoft.Data.Sqlite;

namespace IqosBot.Insights.Sqlite;

/// <summary>
/// The insights in a SQLite file of their own beside the state database ("iqosbot.db" → "iqosbot-insights.db"): their
/// batches then never queue behind the conversation-state saves. Times are Unix milliseconds, so a range is an index
/// range. Events have no index by conversation: random keys make every insert a write in the middle of a B-tree
/// (bench/: a visible share of a turn's CPU), and the one reader by conversation, a data-subject request, can afford a
/// scan.
/// </summary>
public sealed class InsightDatabase
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS insight_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            conversation_key TEXT NOT NULL,
            channel TEXT NOT NULL,
            language TEXT NOT NULL,
            kind TEXT NOT NULL,
            name TEXT,
            value TEXT,
            number REAL);
        CREATE INDEX IF NOT EXISTS insight_events_at ON insight_events (at);
        CREATE TABLE IF NOT EXISTS insight_unanswered (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            conversation_key TEXT NOT NULL,
            language TEXT NOT NULL,
            text TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS insight_unanswered_at ON insight_unanswered (at);
        CREATE INDEX IF NOT EXISTS insight_unanswered_conversation ON insight_unanswered (conversation_key);
        """;

    private readonly SqliteFile _file;

    /// <param name="statePath">The state database; the insights go beside it.</param>
    public InsightDatabase(string statePath)
    {
        _file = new SqliteFile(PathBeside(statePath), "insights", [(1, Schema)]);
    }

    /// <summary>"…/iqosbot.db" → "…/iqosbot-insights.db".</summary>
    public static string PathBeside(string statePath) => SqliteFile.Beside(statePath, "-insights");

    public string Path => _file.Path;

    internal Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _file.OpenAsync(cancellationToken);

    internal Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken) => _file.WriteAsync(write, cancellationToken);

    /// <summary>On the file's writer session, whose statements are prepared once and reused.</summary>
    internal Task<T> WithWriterAsync<T>(Func<SqliteSession, Task<T>> write, CancellationToken cancellationToken) => _file.WithWriterAsync(write, cancellationToken);

    internal Task ReclaimAsync(CancellationToken cancellationToken) => _file.ReclaimAsync(cancellationToken);
}
