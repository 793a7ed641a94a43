using IqosBot.Storage;
using Microsoft.Data.Sqlite;

namespace IqosBot.Handoff.Sqlite;

/// <summary>
/// The handoff tables in the state database: cases (the queue is the cases still waiting) and callback
/// tickets. In the same file as conversation state, so a restart brings back both sides of a chat
/// together. Transcripts have a file of their own (<see cref="TranscriptDatabase"/>).
/// </summary>
public sealed class HandoffDatabase
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS handoff_cases (
            id TEXT PRIMARY KEY,
            conversation_key TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            reference TEXT NOT NULL,
            adapter TEXT NOT NULL,
            mode TEXT NOT NULL,
            language TEXT NOT NULL,
            intent TEXT,
            last_dialog TEXT,
            description TEXT,
            status TEXT NOT NULL,
            owner TEXT,
            owner_name TEXT,
            created_at TEXT NOT NULL,
            queued_at TEXT NOT NULL,
            accepted_at TEXT,
            closed_at TEXT,
            resolution_note TEXT,
            rating INTEGER,
            rating_comment TEXT,
            announced_position INTEGER);
        CREATE INDEX IF NOT EXISTS handoff_cases_queue ON handoff_cases (status, mode, queued_at, id);
        CREATE INDEX IF NOT EXISTS handoff_cases_conversation ON handoff_cases (conversation_key);
        CREATE TABLE IF NOT EXISTS callback_tickets (
            id TEXT PRIMARY KEY,
            conversation_key TEXT,
            created_at TEXT NOT NULL,
            language TEXT NOT NULL,
            phone TEXT NOT NULL,
            intent TEXT,
            last_dialog TEXT,
            status TEXT NOT NULL,
            done_by TEXT,
            done_at TEXT);
        """;

    private readonly SqliteFile _file;

    public HandoffDatabase(string path)
    {
        _file = new SqliteFile(path, "handoff", [(1, Schema)]);
    }

    public string Path => _file.Path;

    /// <summary>For reads: WAL lets them run beside the writer.</summary>
    internal Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _file.OpenAsync(cancellationToken);

    /// <summary>Every write goes through the file's write gate, shared with the bot's state storage.</summary>
    internal Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken) => _file.WriteAsync(write, cancellationToken);

    /// <summary>After deletions: freed pages back to the file system, the write-ahead log checkpointed and emptied.</summary>
    internal Task ReclaimAsync(CancellationToken cancellationToken) => _file.ReclaimAsync(cancellationToken);
}
