-- Narrative Watch store, schema version 1 (DuckDB). Documented in docs/store.md.
-- Keep tables, columns and keys identical to ../sqlite/V1__init.sql; only types differ, and DuckDB has no
-- foreign keys: it checks them before the end of a transaction, so replacing a changed article (its child
-- rows, then its row, deleted and written again in one transaction) would always fail. StoreWriter keeps
-- the tables consistent itself: every row of an article is written and deleted in one transaction.

CREATE TABLE runs (
    run_id            TEXT PRIMARY KEY,
    command           TEXT NOT NULL,
    started_at        TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    loaded_at         TIMESTAMPTZ NOT NULL,
    inputs            TEXT,
    versions          TEXT,
    threads           INTEGER,
    input_files       BIGINT,
    articles_read     BIGINT,
    articles_analyzed BIGINT,
    articles_skipped  BIGINT,
    errors            BIGINT,
    tokens            BIGINT,
    sentences         BIGINT,
    entity_mentions   BIGINT,
    narrative_hits    BIGINT,
    wall_seconds      DOUBLE PRECISION,
    store_inserted    BIGINT NOT NULL,
    store_replaced    BIGINT NOT NULL,
    store_unchanged   BIGINT NOT NULL,
    store_rejected    BIGINT NOT NULL,
    store_seconds     DOUBLE PRECISION NOT NULL
);

CREATE TABLE articles (
    article_id          TEXT PRIMARY KEY,
    title               TEXT,
    url                 TEXT,
    source              TEXT,
    published           TEXT,
    published_day       DATE,
    published_week      DATE,
    language            TEXT,
    language_confidence DOUBLE PRECISION,
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
    article_id   TEXT NOT NULL,
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
    article_id     TEXT NOT NULL,
    narrative_id   TEXT NOT NULL,
    title          TEXT,
    score          DOUBLE PRECISION NOT NULL,
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
    weight        DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (article_id, narrative_id, evidence)
);
CREATE INDEX evidence_narrative ON evidence (narrative_id, article_id);

CREATE TABLE evidence_entities (
    article_id   TEXT NOT NULL,
    narrative_id TEXT NOT NULL,
    evidence     INTEGER NOT NULL,
    kb_id        TEXT NOT NULL,
    PRIMARY KEY (article_id, narrative_id, evidence, kb_id)
);
CREATE INDEX evidence_entities_kb ON evidence_entities (kb_id, narrative_id);
