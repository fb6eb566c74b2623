-- Team history: a copy of every computer's local purge history (the local files stay the source of truth).
-- Rows are only ever inserted; the id is the entry's stable ID, so shipping an entry twice keeps one row.
CREATE TABLE team_history (
    id            uuid        PRIMARY KEY,
    job_id        text        NOT NULL,
    purged_at     timestamptz NOT NULL,
    os_user       text,
    computer      text,
    token_email   text,
    profile       text,
    endpoint_kind text,
    endpoint      text,
    service_id    text,
    service_name  text,
    kind          text        NOT NULL,
    target        text        NOT NULL,
    soft          boolean     NOT NULL,
    environment   text,
    outcome       text        NOT NULL,
    purge_id      text,
    http_status   integer     NOT NULL,
    error         text,
    attempts      integer     NOT NULL,
    duration_ms   bigint      NOT NULL,
    app_version   text,
    shipped_at    timestamptz NOT NULL DEFAULT now(),
    -- What the text filter searches, kept in one column so one index serves it.
    search        text GENERATED ALWAYS AS (lower(target || ' ' || coalesce(service_name, '') || ' '
                      || coalesce(purge_id, '') || ' ' || coalesce(error, ''))) STORED
);

CREATE INDEX team_history_time ON team_history (purged_at DESC, id);
CREATE INDEX team_history_user_time ON team_history (os_user, purged_at DESC);
CREATE INDEX team_history_service_time ON team_history (service_id, purged_at DESC);

-- Text search ("contains") is served by a trigram GIN index. pg_trgm is a trusted extension (PostgreSQL 13+), so the
-- database owner may create it; where it cannot be had, text filters still work but scan the table.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXECUTE 'CREATE INDEX team_history_search ON team_history USING gin (search gin_trgm_ops)';
EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
    RAISE WARNING 'pg_trgm is not available: PurgeDeck text filters on the team history will scan the table';
END
$$;

-- Which app versions may still write: an app that knows schema version N keeps shipping into a newer schema
-- as long as N >= writer_min. A migration that breaks the INSERT of older apps raises writer_min.
CREATE TABLE team_schema (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    writer_min integer NOT NULL
);
INSERT INTO team_schema (writer_min) VALUES (1);
