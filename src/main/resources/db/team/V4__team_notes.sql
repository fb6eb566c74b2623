-- Job notes: facts learned after a job's entries were written (a page's verdict, the impact summary, the team
-- notice). Insert-only like the history: the id is derived from the note itself, so shipping a note twice keeps one
-- row, and the latest note of a kind (by noted_at) is the one shown.
CREATE TABLE team_notes (
    id         uuid        PRIMARY KEY,
    job_id     text        NOT NULL,
    entry_id   text,
    kind       text        NOT NULL,
    noted_at   timestamptz NOT NULL,
    text       text        NOT NULL,
    detail     text,
    computer   text,
    shipped_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX team_notes_entry ON team_notes (entry_id, kind, noted_at DESC) WHERE entry_id IS NOT NULL;
CREATE INDEX team_notes_job ON team_notes (job_id, kind, noted_at DESC) WHERE entry_id IS NULL;
