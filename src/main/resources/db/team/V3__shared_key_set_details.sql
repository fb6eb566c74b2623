-- A shared key set carries what a personal one does (service, soft or hard) and the pages to check after purging it.
-- Nullable or defaulted columns: apps that know only V2 keep shipping history (writer_min stays).
ALTER TABLE shared_key_sets
    ADD COLUMN service_id   text,
    ADD COLUMN service_name text,
    ADD COLUMN soft         boolean NOT NULL DEFAULT false,
    ADD COLUMN sample_urls  text[]  NOT NULL DEFAULT '{}';

-- Names are unique ignoring case, as personal key sets are: "Sport" and "sport" would be one set to a user.
CREATE UNIQUE INDEX shared_key_sets_name_folded ON shared_key_sets (lower(name));
