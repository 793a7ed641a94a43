using IqosBot.Storage;
using Microsoft.Data.Sqlite;

namespace IqosBot.Handoff.Sqlite;

/// <summary>
/// Transcripts in a SQLite file beside the state database ("iqosbot.db" → "iqosbot-transcripts.db").
/// Every turn adds lines; in the state file those writes would queue behind (and in front of) the
/// conversation-state saves and make WAL checkpoints more frequent, which bench/ measured as a doubled
/// p99. Their own file has its own writer.
/// </summary>
public sealed class TranscriptDatabase
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS transcript_entries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_key TEXT NOT NULL,
            at TEXT NOT NULL,
            sender TEXT NOT NULL,
            sender_name TEXT,
            text TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS transcript_entries_conversation ON transcript_entries (conversation_key, id);
        """;

    private readonly SqliteFile _file;

    /// <param name="statePath">The state database; the transcripts go beside it.</param>
    public TranscriptDatabase(string statePath)
    {
        _file = new SqliteFile(PathBeside(statePath), "transcripts", [(1, Schema)]);
    }

    /// <summary>"…/iqosbot.db" → "…/iqosbot-transcripts.db".</summary>
    public static string PathBeside(string statePath) => SqliteFile.Beside(statePath, "-transcripts");

    public string Path => _file.Path;

    internal Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _file.OpenAsync(cancellationToken);

    internal Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken) => _file.WriteAsync(write, cancellationToken);

    /// <summary>In a transaction shared with the other writes of the moment (<see cref="SqliteFile.WriteInGroupAsync"/>).</summary>
    internal Task<T> WriteInGroupAsync<T>(Func<SqliteSession, SqliteTransaction?, Task<T>> write, bool oneStatement, CancellationToken cancellationToken)
        => _file.WriteInGroupAsync(write, oneStatement, cancellationToken);

    /// <summary>After deletions: freed pages back to the file system, the write-ahead log checkpointed and emptied.</summary>
    internal Task ReclaimAsync(CancellationToken cancellationToken) => _file.ReclaimAsync(cancellationToken);
}
