namespace IqosBot.Handoff.Postgres;

/// <summary>
/// The handoff tables on PostgreSQL, migration step 3 of <see cref="Storage.Postgres.PostgresMigrations"/>: the same
/// columns as the SQLite ones, with times as timestamptz. Ids and conversation keys sort bytewise (COLLATE "C"),
/// as SQLite sorts them, so "first come first served" breaks ties the same way on both. Each index serves
/// named queries of the stores; the partial ones stay as small as the queue, the open tickets and so on.
/// Released steps are never edited: a change is a new step.
/// </summary>
public static class HandoffSchema
{
    public const int Version = 3;

    public const string Sql = """
        CREATE TABLE handoff_cases (
            id                 TEXT COLLATE "C" PRIMARY KEY,
            conversation_key   TEXT COLLATE "C" NOT NULL,
            channel_id         TEXT NOT NULL,
            reference          TEXT NOT NULL,
            adapter            TEXT NOT NULL,
            mode               TEXT NOT NULL,
            language           TEXT NOT NULL,
            intent             TEXT,
            last_dialog        TEXT,
            description        TEXT,
            status             TEXT NOT NULL,
            owner              TEXT,
            owner_name         TEXT,
            created_at         TIMESTAMPTZ NOT NULL,
            queued_at          TIMESTAMPTZ NOT NULL,
            accepted_at        TIMESTAMPTZ,
            closed_at          TIMESTAMPTZ,
            resolution_note    TEXT,
            rating             INTEGER,
            rating_comment     TEXT,
            announced_position INTEGER
        );
        -- The queue, its positions and the place counted at creation.
        CREATE INDEX handoff_cases_queue ON handoff_cases (mode, queued_at, id) WHERE status = 'waiting';
        -- An agent's chats.
        CREATE INDEX handoff_cases_owner ON handoff_cases (owner, accepted_at, id) WHERE status = 'active';
        -- Transcript retention spares conversations with a case; open conversations are kept from expiry.
        CREATE INDEX handoff_cases_conversation ON handoff_cases (conversation_key);
        -- Retention of ended cases, and the latest closed chats for the average handle time.
        CREATE INDEX handoff_cases_ended ON handoff_cases (closed_at) WHERE status NOT IN ('waiting', 'active');

        CREATE TABLE callback_tickets (
            id               TEXT COLLATE "C" PRIMARY KEY,
            conversation_key TEXT COLLATE "C",
            created_at       TIMESTAMPTZ NOT NULL,
            language         TEXT NOT NULL,
            phone            TEXT NOT NULL,
            intent           TEXT,
            last_dialog      TEXT,
            status           TEXT NOT NULL,
            done_by          TEXT,
            done_at          TIMESTAMPTZ
        );
        -- The agents' list, and the open tickets one conversation has.
        CREATE INDEX callback_tickets_open ON callback_tickets (created_at, id) WHERE status = 'open';
        CREATE INDEX callback_tickets_open_conversation ON callback_tickets (conversation_key) WHERE status = 'open';
        -- Retention of done tickets.
        CREATE INDEX callback_tickets_done ON callback_tickets (done_at) WHERE status = 'done';

        CREATE TABLE transcript_entries (
            id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            conversation_key TEXT COLLATE "C" NOT NULL,
            at               TIMESTAMPTZ NOT NULL,
            sender           TEXT NOT NULL,
            sender_name      TEXT,
            text             TEXT NOT NULL
        );
        -- A conversation's newest lines.
        CREATE INDEX transcript_entries_conversation ON transcript_entries (conversation_key, id);
        -- Retention by age.
        CREATE INDEX transcript_entries_at ON transcript_entries (at);
        """;
}
