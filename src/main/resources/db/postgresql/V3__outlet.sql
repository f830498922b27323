-- Narrative Watch store, schema version 3 (PostgreSQL): the outlet each article is counted under, as the
-- reports and the Elasticsearch files count it: the record's source (white space collapsed), else the
-- host of its URL without "www.", else 'unknown'. The rows already stored get it from the same
-- Java code the reports use (output.Outlets), run by Migrations after these statements in the same
-- transaction: SQL has no portable way to read a URL's host.
-- Keep identical to ../sqlite/V3__outlet.sql but for the types. Documented in docs/store.md.

ALTER TABLE articles ADD COLUMN outlet TEXT COLLATE "C";
CREATE INDEX articles_day_outlet ON articles (published_day, outlet);
CREATE INDEX articles_outlet_day ON articles (outlet, published_day);
