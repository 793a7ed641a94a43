using IqosBot.Storage;
using Microsoft.Data.Sqlite;

namespace IqosBot.Handoff;

/// <summary>
/// The handoff tables in the state database: cases (the queue is the cases still waiting), the
/// conversation transcripts agents read, and callback tickets. In the same file as conversation state,
/// so a restart brings back both sides of a chat together.
/// </summary>
public sealed class HandoffDatabase
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
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
        CREATE INDEX IF NOT EXISTS handoff_cases_queue ON handoff_cases (status, queued_at);
        CREATE INDEX IF NOT EXISTS handoff_cases_conversation ON handoff_cases (conversation_key);
        CREATE TABLE IF NOT EXISTS transcript_entries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_key TEXT NOT NULL,
            at TEXT NOT NULL,
            sender TEXT NOT NULL,
            sender_name TEXT,
            text TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS transcript_entries_conversation ON transcript_entries (conversation_key, id);
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
        _file = new SqliteFile(path, Schema);
    }

    internal Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _file.OpenAsync(cancellationToken);

    /// <summary>"channel/conversation": conversation ids are only unique within a channel.</summary>
    public static string ConversationKey(string channelId, string conversationId) => channelId + "/" + conversationId;
}
