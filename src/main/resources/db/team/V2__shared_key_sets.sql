-- Key sets shared with the team; version is checked on every update so two editors never overwrite each other.
CREATE TABLE shared_key_sets (
    name        text        PRIMARY KEY,
    keys        text[]      NOT NULL,
    description text,
    version     integer     NOT NULL DEFAULT 1,
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    deleted     boolean     NOT NULL DEFAULT false
);
