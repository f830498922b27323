package org.narrativewatch.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.narrativewatch.output.ArticleRecord;
import org.narrativewatch.output.ArticleRecord.EvidenceItem;
import org.narrativewatch.output.ArticleRecord.Mention;
import org.narrativewatch.output.ArticleRecord.Narrative;

/**
 * Upserts article records in batches. Each batch is one transaction holding whole articles only,
 * so a run killed at any point leaves every article either as it was or fully replaced. An
 * article whose {@linkplain StoredArticle#fingerprint() fingerprint} is already stored is skipped;
 * a changed one has all its old rows deleted and its new rows inserted in the same transaction.
 * Every article of a batch, skipped ones included, gets this run as its {@code last_seen_run_id}
 * (one {@code UPDATE} for the skipped ones of a batch); {@code run_id} is only written with a row.
 * Not thread-safe: one writer per connection.
 */
public final class StoreWriter implements AutoCloseable {
    /** Articles per transaction: large enough for fast batches, small enough to hold in memory. */
    public static final int DEFAULT_BATCH_ARTICLES = 500;
    /** Bind parameters per existence query, under every driver's limit. */
    private static final int LOOKUP_CHUNK = 500;
    /** Child tables first, so deletes never break a foreign key. */
    private static final List<String> CHILD_TABLES =
            List.of("evidence_entities", "evidence", "narrative_hits", "entity_mentions");

    private final Connection connection;
    private final Dialect dialect;
    private final String runId;
    private final int batchArticles;
    private final Consumer<LoadCounts> onCommit;
    private final Map<String, StoredArticle> pending = new LinkedHashMap<>();
    private final Statements statements;
    private long inserted;
    private long replaced;
    private long unchanged;
    private long rows;

    /** {@code onCommit} is told what each committed batch wrote. */
    StoreWriter(Connection connection, Dialect dialect, String runId, int batchArticles,
                Consumer<LoadCounts> onCommit) throws SQLException {
        if (batchArticles < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        this.connection = connection;
        this.dialect = dialect;
        this.runId = runId;
        this.batchArticles = batchArticles;
        this.onCommit = onCommit;
        this.statements = new Statements(connection);
    }

    /**
     * Queues a record; writes the batch when it is full. A later record with the same id wins.
     *
     * @throws IllegalArgumentException when the record fails {@link ArticleRecord#checked()}
     */
    public void upsert(ArticleRecord record) throws SQLException {
        record.checked();
        pending.remove(record.id());
        pending.put(record.id(), StoredArticle.of(record));
        if (pending.size() >= batchArticles) {
            flush();
        }
    }

    /** Queues a per-article JSON record (docs/article-schema.md); see {@link #upsert(ArticleRecord)}. */
    public void upsert(JsonNode record) throws SQLException {
        upsert(ArticleRecord.read(record));
    }

    /** Writes the queued records in one transaction. */
    public void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        List<StoredArticle> batch = new ArrayList<>(pending.values());
        pending.clear();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Map<String, String> stored = storedFingerprints(batch);
            List<String> toDelete = new ArrayList<>();
            List<String> unchangedIds = new ArrayList<>();
            long batchInserted = 0;
            long batchUnchanged = 0;
            long batchRows = 0;
            for (StoredArticle r : batch) {
                String fingerprint = r.fingerprint();
                String old = stored.get(r.record().id());
                if (fingerprint.equals(old)) {
                    batchUnchanged++;
                    unchangedIds.add(r.record().id());
                    continue;
                }
                if (old == null) {
                    batchInserted++;
                } else {
                    toDelete.add(r.record().id());
                }
                batchRows += addRows(r, fingerprint);
            }
            statements.delete(toDelete);
            statements.executeInserts();
            markSeen(unchangedIds);
            connection.commit();
            inserted += batchInserted;
            replaced += toDelete.size();
            unchanged += batchUnchanged;
            rows += batchRows;
            onCommit.accept(new LoadCounts(batchInserted, toDelete.size(), batchUnchanged, batchRows));
        } catch (SQLException | RuntimeException e) {
            // A driver may close its statements on the error (DuckDB does): the error is what the user must see.
            try {
                statements.clearBatches();
                connection.rollback();
            } catch (SQLException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Articles inserted, replaced and skipped so far, and rows written. */
    public LoadCounts counts() {
        return new LoadCounts(inserted, replaced, unchanged, rows);
    }

    /** What a writer did: articles new, replaced (changed) and unchanged (skipped), and rows written. */
    public record LoadCounts(long inserted, long replaced, long unchanged, long rows) {
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            statements.close();
        }
    }

    private Map<String, String> storedFingerprints(List<StoredArticle> batch) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        for (int from = 0; from < batch.size(); from += LOOKUP_CHUNK) {
            List<StoredArticle> chunk = batch.subList(from, Math.min(batch.size(), from + LOOKUP_CHUNK));
            String sql = "SELECT article_id, record_hash FROM articles WHERE article_id IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i).record().id());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return stored;
    }

    /**
     * Sets {@code last_seen_run_id} to this run on the unchanged articles of a batch, which are not
     * written otherwise (the written ones get it with their row): one {@code UPDATE} per
     * {@link #LOOKUP_CHUNK} articles, so one per batch of the default size, on every database.
     */
    private void markSeen(List<String> unchanged) throws SQLException {
        for (int from = 0; from < unchanged.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = unchanged.subList(from, Math.min(unchanged.size(), from + LOOKUP_CHUNK));
            String sql = "UPDATE articles SET last_seen_run_id = ? WHERE article_id IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, runId);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 2, chunk.get(i));
                }
                ps.executeUpdate();
            }
        }
    }

    private long addRows(StoredArticle stored, String fingerprint) throws SQLException {
        ArticleRecord r = stored.record();
        PreparedStatement a = statements.article;
        int i = 1;
        a.setString(i++, r.id());
        a.setString(i++, r.title());
        a.setString(i++, r.url());
        a.setString(i++, r.source());
        a.setString(i++, stored.outlet());
        a.setString(i++, r.published());
        dialect.setDate(a, i++, stored.publishedDay());
        dialect.setDate(a, i++, stored.publishedWeek());
        a.setString(i++, r.language());
        setDouble(a, i++, r.languageConfidence());
        a.setString(i++, stored.status());
        a.setString(i++, r.skipReason());
        a.setString(i++, r.contentHash());
        a.setString(i++, fingerprint);
        a.setString(i++, r.origin().file());
        setInt(a, i++, r.origin().line());
        ArticleRecord.Counts c = r.counts();
        a.setInt(i++, c.characters());
        a.setInt(i++, c.tokens());
        a.setInt(i++, c.sentences());
        a.setInt(i++, c.entities());
        a.setInt(i++, c.trackedEntities());
        a.setInt(i++, c.narratives());
        a.setString(i++, stored.versions());
        a.setString(i++, runId);
        a.setString(i, runId);
        a.addBatch();
        long n = 1;

        PreparedStatement m = statements.mention;
        for (int k = 0; k < r.entities().size(); k++) {
            Mention e = r.entities().get(k);
            m.setString(1, r.id());
            m.setInt(2, k);
            m.setString(3, e.kbId());
            m.setString(4, e.canonical());
            m.setString(5, e.type());
            m.setString(6, e.text());
            m.setInt(7, e.start());
            m.setInt(8, e.end());
            m.setInt(9, e.sentence());
            m.setString(10, e.via());
            m.addBatch();
            n++;
        }
        for (Narrative h : r.narratives()) {
            PreparedStatement hit = statements.hit;
            hit.setString(1, r.id());
            hit.setString(2, h.id());
            hit.setString(3, h.title());
            hit.setDouble(4, h.score());
            hit.setInt(5, h.evidence().size());
            hit.setString(6, h.stance());
            hit.addBatch();
            n++;
            for (int k = 0; k < h.evidence().size(); k++) {
                EvidenceItem ev = h.evidence().get(k);
                PreparedStatement e = statements.evidence;
                e.setString(1, r.id());
                e.setString(2, h.id());
                e.setInt(3, k);
                e.setString(4, ev.rule());
                e.setInt(5, ev.sentence());
                e.setInt(6, ev.start());
                e.setInt(7, ev.end());
                e.setString(8, ev.text());
                e.setString(9, ev.attributedTo());
                e.setDouble(10, ev.weight());
                e.setString(11, ev.stance());
                e.addBatch();
                n++;
                for (String kbId : ev.entities()) {
                    PreparedStatement ee = statements.evidenceEntity;
                    ee.setString(1, r.id());
                    ee.setString(2, h.id());
                    ee.setInt(3, k);
                    ee.setString(4, kbId);
                    ee.addBatch();
                    n++;
                }
            }
        }
        return n;
    }

    private static void setDouble(PreparedStatement ps, int index, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, v);
        }
    }

    private static void setInt(PreparedStatement ps, int index, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, v);
        }
    }

    /** The prepared statements, made once per writer; inserts run parents first. */
    private static final class Statements implements AutoCloseable {
        final PreparedStatement article;
        final PreparedStatement mention;
        final PreparedStatement hit;
        final PreparedStatement evidence;
        final PreparedStatement evidenceEntity;
        private final List<PreparedStatement> deletes = new ArrayList<>();
        private final List<PreparedStatement> inserts;

        Statements(Connection c) throws SQLException {
            article = c.prepareStatement("INSERT INTO articles (article_id, title, url, source, outlet, published, "
                    + "published_day, published_week, language, language_confidence, status, skip_reason, "
                    + "content_hash, record_hash, origin_file, origin_line, characters, tokens, sentences, "
                    + "entities, tracked_entities, narratives, versions, run_id, last_seen_run_id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            mention = c.prepareStatement("INSERT INTO entity_mentions (article_id, mention, kb_id, canonical, "
                    + "type, text, start_offset, end_offset, sentence, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            hit = c.prepareStatement("INSERT INTO narrative_hits (article_id, narrative_id, title, score, "
                    + "evidence_count, stance) VALUES (?, ?, ?, ?, ?, ?)");
            evidence = c.prepareStatement("INSERT INTO evidence (article_id, narrative_id, evidence, rule, "
                    + "sentence, start_offset, end_offset, text, attributed_to, weight, stance) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            evidenceEntity = c.prepareStatement("INSERT INTO evidence_entities (article_id, narrative_id, "
                    + "evidence, kb_id) VALUES (?, ?, ?, ?)");
            inserts = List.of(article, mention, hit, evidence, evidenceEntity);
            for (String table : CHILD_TABLES) {
                deletes.add(c.prepareStatement("DELETE FROM " + table + " WHERE article_id = ?"));
            }
            deletes.add(c.prepareStatement("DELETE FROM articles WHERE article_id = ?"));
        }

        /** Deletes every row of these articles, children first. */
        void delete(List<String> articleIds) throws SQLException {
            if (articleIds.isEmpty()) {
                return;
            }
            for (PreparedStatement delete : deletes) {
                for (String id : articleIds) {
                    delete.setString(1, id);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        }

        void executeInserts() throws SQLException {
            for (PreparedStatement ps : inserts) {
                ps.executeBatch();
            }
        }

        void clearBatches() throws SQLException {
            for (PreparedStatement ps : inserts) {
                ps.clearBatch();
            }
            for (PreparedStatement ps : deletes) {
                ps.clearBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            SQLException first = null;
            for (PreparedStatement ps : concat()) {
                try {
                    ps.close();
                } catch (SQLException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }

        private List<PreparedStatement> concat() {
            List<PreparedStatement> all = new ArrayList<>(inserts);
            all.addAll(deletes);
            return all;
        }
    }
}
