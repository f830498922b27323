-- Narrative Watch store, schema version 4 (PostgreSQL): the last run whose load read the article's record,
-- whether it wrote the article (new or changed) or found it unchanged and skipped it. run_id stays
-- the run that last wrote the article; an article that a run's records no longer hold (deleted from
-- the corpus) keeps the last_seen_run_id of the last run that still had it. The rows already stored
-- get their run_id: the last run known to have seen them.
-- Keep identical to ../sqlite/V4__last_seen.sql but for the types. Documented in docs/store.md.

ALTER TABLE articles ADD COLUMN last_seen_run_id TEXT COLLATE "C";
UPDATE articles SET last_seen_run_id = run_id;
