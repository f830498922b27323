-- Narrative Watch store, schema version 1 (SQLite). Documented in docs/store.md.
-- Keep tables, columns and keys identical to ../postgresql/V1__init.sql; only types differ:
-- SQLite stores dates as TEXT 'YYYY-MM-DD' and timestamps as TEXT ISO-8601 in UTC.

CREATE TABLE runs (
    run_id            TEXT PRIMARY KEY,
    command           TEXT NOT NULL,
    started_at        TEXT,
    finished_at       TEXT,
    loaded_at         TEXT NOT NULL,
    inputs            TEXT,
    versions          TEXT,
    threads           INTEGER,
    input_files       INTEGER,
    articles_read     INTEGER,
    articles_analyzed INTEGER,
    articles_skipped  INTEGER,
    errors            INTEGER,
    tokens            INTEGER,
    sentences         INTEGER,
    entity_mentions   INTEGER,
    narrative_hits    INTEGER,
    wall_seconds      REAL,
    store_inserted    INTEGER NOT NULL,
    store_replaced    INTEGER NOT NULL,
    store_unchanged   INTEGER NOT NULL,
    store_rejected    INTEGER NOT NULL,
    store_seconds     REAL NOT NULL
);

CREATE TABLE articles (
    article_id          TEXT PRIMARY KEY,
    title               TEXT,
    url                 TEXT,
    source              TEXT,
    published           TEXT,
    published_day       TEXT,
    published_week      TEXT,
    language            TEXT,
    language_confidence REAL,
    status              TEXT NOT NULL,
    skip_reason         TEXT,
    content_hash        TEXT NOT NULL,
    record_hash         TEXT NOT NULL,
    origin_file         TEXT,
    origin_line         INTEGER,
    characters          INTEGER NOT NULL,
    tokens              INTEGER NOT NULL,
    sentences           INTEGER NOT NULL,
    entities            INTEGER NOT NULL,
    tracked_entities    INTEGER NOT NULL,
    narratives          INTEGER NOT NULL,
    versions            TEXT,
    run_id              TEXT NOT NULL
);
CREATE INDEX articles_day_source ON articles (published_day, source);
CREATE INDEX articles_source_day ON articles (source, published_day);
CREATE INDEX articles_week ON articles (published_week);

CREATE TABLE entity_mentions (
    article_id   TEXT NOT NULL REFERENCES articles (article_id),
    mention      INTEGER NOT NULL,
    kb_id        TEXT,
    canonical    TEXT,
    type         TEXT,
    text         TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    sentence     INTEGER NOT NULL,
    via          TEXT,
    PRIMARY KEY (article_id, mention)
);
CREATE INDEX entity_mentions_kb ON entity_mentions (kb_id, article_id);

CREATE TABLE narrative_hits (
    article_id     TEXT NOT NULL REFERENCES articles (article_id),
    narrative_id   TEXT NOT NULL,
    title          TEXT,
    score          REAL NOT NULL,
    evidence_count INTEGER NOT NULL,
    PRIMARY KEY (article_id, narrative_id)
);
CREATE INDEX narrative_hits_narrative ON narrative_hits (narrative_id, article_id);

CREATE TABLE evidence (
    article_id    TEXT NOT NULL,
    narrative_id  TEXT NOT NULL,
    evidence      INTEGER NOT NULL,
    rule          TEXT NOT NULL,
    sentence      INTEGER NOT NULL,
    start_offset  INTEGER NOT NULL,
    end_offset    INTEGER NOT NULL,
    text          TEXT NOT NULL,
    attributed_to TEXT,
    weight        REAL NOT NULL,
    PRIMARY KEY (article_id, narrative_id, evidence),
    FOREIGN KEY (article_id, narrative_id) REFERENCES narrative_hits (article_id, narrative_id)
);
CREATE INDEX evidence_narrative ON evidence (narrative_id, article_id);

CREATE TABLE evidence_entities (
    article_id   TEXT NOT NULL,
    narrative_id TEXT NOT NULL,
    evidence     INTEGER NOT NULL,
    kb_id        TEXT NOT NULL,
    PRIMARY KEY (article_id, narrative_id, evidence, kb_id),
    FOREIGN KEY (article_id, narrative_id, evidence) REFERENCES evidence (article_id, narrative_id, evidence)
);
CREATE INDEX evidence_entities_kb ON evidence_entities (kb_id, narrative_id);
