-- Narrative Watch store, schema version 2 (SQLite): the article's stance to each narrative hit and
-- to each piece of its evidence (asserts, reports, disputes), as in the per-article records since
-- 0.4.0. Rows loaded before this migration, and records written before 0.4.0, have none (null).
-- Keep identical to ../postgresql/V2__stance.sql but for the types. Documented in docs/store.md.

ALTER TABLE narrative_hits ADD COLUMN stance TEXT;
ALTER TABLE evidence ADD COLUMN stance TEXT;
