package org.narrativewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.output.ArticleRecord;
import org.narrativewatch.output.Outlets;

/**
 * What every store must do, run against each database by a subclass: migrations, idempotent
 * upserts, replacement of a changed article, no half-written article after a kill, and the
 * documented queries answering what the records say. The records are the 7,197 real EUvsDisinfo
 * claims, one article each (see {@link ClaimCorpus}).
 */
abstract class StoreContract {
    /** Tables and their keys, children after parents. */
    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("articles", "article_id");
        TABLES.put("entity_mentions", "article_id, mention");
        TABLES.put("narrative_hits", "article_id, narrative_id");
        TABLES.put("evidence", "article_id, narrative_id, evidence");
        TABLES.put("evidence_entities", "article_id, narrative_id, evidence, kb_id");
    }

    /** The stance of every hit, then of every piece of evidence, by article and narrative. */
    private static final String STANCES = "SELECT article_id, narrative_id, stance FROM narrative_hits UNION ALL "
            + "SELECT article_id, narrative_id, stance FROM evidence ORDER BY 1, 2, 3";

    /** The articles by the run that last wrote them and the last run that read their record. */
    private static final String RUNS_OF_ARTICLES =
            "SELECT run_id, last_seen_run_id, COUNT(*) FROM articles GROUP BY run_id, last_seen_run_id";

    /** The stances the queries count in their own columns, in the order of those columns. */
    private static final List<String> STANCE_KEYS = List.of("asserts", "reports", "disputes");

    static ClaimCorpus corpus;
    static List<JsonNode> records;

    @TempDir
    Path tmp;

    /** A new, empty database for one test. */
    abstract String newStoreUrl() throws Exception;

    @BeforeAll
    static void loadClaims() throws IOException {
        Assumptions.assumeTrue(ClaimCorpus.available(), "needs ../shared/data/euvsdisinfo");
        if (records == null) {
            corpus = ClaimCorpus.load();
            List<JsonNode> all = new ArrayList<>();
            for (int n = 0; n < corpus.claims().size(); n++) {
                all.add(corpus.record(n, 1));
            }
            records = List.copyOf(all);
        }
    }

    @Test
    void migratesOnceAndRefusesASchemaNewerThanItKnows() throws Exception {
        String url = newStoreUrl();
        try (Store store = Store.open(url)) {
            assertEquals(List.of(List.of("1", "V1__init"), List.of("2", "V2__stance"), List.of("3", "V3__outlet"),
                    List.of("4", "V4__last_seen")),
                    SqlRows.query(store.connection(), "SELECT version, name FROM schema_version ORDER BY version"));
        }
        try (Store store = Store.open(url); Statement st = store.connection().createStatement()) {
            assertEquals(4, SqlRows.count(store.connection(), "SELECT COUNT(*) FROM schema_version"));
            st.executeUpdate("INSERT INTO schema_version (version, name, applied_at) VALUES (5, 'V5__future', 'x')");
        }
        SQLException e = assertThrows(SQLException.class, () -> Store.open(url));
        assertTrue(e.getMessage().contains("schema version 5"), e.getMessage());
    }

    /**
     * A store that a build before 0.4.0 made and loaded (schema version 1) gains the stance columns
     * when it is opened, keeps its rows, finds the records it was loaded from unchanged, and takes
     * the stances of records that have them.
     */
    @Test
    void aVersion1StoreGainsTheStanceColumnsAndKeepsItsArticles() throws Exception {
        String url = newStoreUrl();
        ObjectNode current = (ObjectNode) records.stream()
                .filter(r -> r.path("narratives").path(0).path("stance").asText().equals("reports"))
                .findFirst().orElseThrow();
        ArticleRecord before040 = ArticleRecord.read(StoredArticleTest.withoutStances(current));
        try (Store store = Store.open(url); Statement st = store.connection().createStatement()) {
            store.upsert(before040);
            backToVersion2(st);
            // back to what version 1 left: V2__stance only added these two columns
            dropColumn(st, "narrative_hits", "stance");
            dropColumn(st, "evidence", "stance");
            st.executeUpdate("DELETE FROM schema_version WHERE version = 2");
        }
        try (Store store = Store.open(url)) {
            Connection c = store.connection();
            assertEquals(Migrations.LATEST, Migrations.currentVersion(c));
            List<List<String>> rows = SqlRows.query(c, STANCES);
            assertEquals(1 + before040.narratives().get(0).evidence().size(), rows.size());
            assertTrue(rows.stream().allMatch(r -> r.get(2).equals("null")), rows.toString());

            assertEquals(List.of(0L, 0L, 1L), upsert(store, before040), "a record without stances is unchanged");
            assertEquals(List.of(0L, 1L, 0L), upsert(store, ArticleRecord.read(current)), "one with stances replaces it");
            assertEquals(expectedStances(List.of(ArticleRecord.read(current))), SqlRows.query(c, STANCES));
            assertEquals(0, inconsistentArticles(c));
        }
    }

    /** Drops a column, as a test that rebuilds an older store needs to. */
    void dropColumn(Statement st, String table, String column) throws SQLException {
        st.executeUpdate("ALTER TABLE " + table + " DROP COLUMN " + column);
    }

    /** Undoes V4__last_seen and V3__outlet: what a store that version 2 made and loaded holds. */
    private void backToVersion2(Statement st) throws SQLException {
        // first, since DuckDB drops a column by copying the table, which loses its indexes
        st.executeUpdate("DROP INDEX articles_day_outlet");
        st.executeUpdate("DROP INDEX articles_outlet_day");
        backToVersion3(st);
        dropColumn(st, "articles", "outlet");
        st.executeUpdate("DELETE FROM schema_version WHERE version = 3");
    }

    /** Undoes V4__last_seen: what a store that version 3 made and loaded holds. */
    private void backToVersion3(Statement st) throws SQLException {
        dropColumn(st, "articles", "last_seen_run_id");
        st.executeUpdate("DELETE FROM schema_version WHERE version = 4");
    }

    /**
     * A store that version 3 made and loaded gains last_seen_run_id when it is opened, as the run that
     * last wrote each article (the last run known to have seen it), and the next load sets it to that
     * run for every record it reads, unchanged ones included.
     */
    @Test
    void aVersion3StoreGainsTheLastSeenRunOfEveryArticleItHolds() throws Exception {
        String url = newStoreUrl();
        List<JsonNode> some = records.subList(0, 40);
        String firstRun;
        String secondRun;
        try (Store store = Store.open(url)) {
            firstRun = store.runId();
            load(store, some.subList(0, 30));
        }
        try (Store store = Store.open(url); Statement st = store.connection().createStatement()) {
            secondRun = store.runId();
            load(store, some.subList(20, 40));
            backToVersion3(st);
        }
        try (Store store = Store.open(url)) {
            Connection c = store.connection();
            assertEquals(Migrations.LATEST, Migrations.currentVersion(c));
            assertEquals(Set.of(List.of(firstRun, firstRun, "30"), List.of(secondRun, secondRun, "10")),
                    Set.copyOf(SqlRows.query(c, RUNS_OF_ARTICLES)), "last_seen_run_id is the run that wrote them");
            load(store, some.subList(0, 10));
            assertEquals(Set.of(List.of(firstRun, firstRun, "20"), List.of(firstRun, store.runId(), "10"),
                    List.of(secondRun, secondRun, "10")), Set.copyOf(SqlRows.query(c, RUNS_OF_ARTICLES)));
            assertEquals(0, inconsistentArticles(c));
        }
    }

    /**
     * A run sets last_seen_run_id on every article whose record it reads, the unchanged ones it skips
     * included, and leaves it on an article whose record is gone: what tells a current article from
     * one deleted from the corpus, which run_id (the run that last wrote the article) cannot.
     */
    @Test
    void aLoadMarksEveryRecordItReadsAsSeenAndNotTheDeletedOnes() throws Exception {
        Path articles = tmp.resolve("articles");
        corpus.writeRecords(articles, 20, 1);
        String url = newStoreUrl();
        String firstRun;
        try (Store store = Store.open(url)) {
            firstRun = store.runId();
            assertEquals(20, store.load(articles).inserted());
        }
        Files.delete(articles.resolve("claims-7.json"));
        try (Store store = Store.open(url)) {
            String secondRun = store.runId();
            LoadResult again = store.load(articles);
            assertEquals(List.of(0L, 0L, 19L), List.of(again.inserted(), again.replaced(), again.unchanged()));
            Connection c = store.connection();
            assertEquals(List.of(List.of("claims-7", firstRun, firstRun)), SqlRows.query(c,
                    "SELECT article_id, run_id, last_seen_run_id FROM articles WHERE last_seen_run_id <> '"
                            + secondRun + "'"));
            assertEquals(19, SqlRows.count(c, "SELECT COUNT(*) FROM articles WHERE run_id = '" + firstRun
                    + "' AND last_seen_run_id = '" + secondRun + "'"));
            assertEquals(20, SqlRows.count(c, "SELECT COUNT(*) FROM articles"));
        }
    }

    /**
     * A store that version 2 made and loaded gains the outlet column when it is opened, filled for
     * every article it holds as the reports count it: the 223 claims that name no outlet under
     * their URL's host (euvsdisinfo.eu), not under a bucket of their own.
     */
    @Test
    void aVersion2StoreGainsTheOutletOfEveryArticleItHolds() throws Exception {
        String url = newStoreUrl();
        try (Store store = Store.open(url); Statement st = store.connection().createStatement()) {
            loadAll(store);
            backToVersion2(st);
        }
        List<List<String>> expected = new ArrayList<>();
        for (ArticleRecord a : parsed().stream().sorted(Comparator.comparing(ArticleRecord::id)).toList()) {
            expected.add(List.of(a.id(), Outlets.of(a)));
        }
        try (Store store = Store.open(url)) {
            Connection c = store.connection();
            assertEquals(Migrations.LATEST, Migrations.currentVersion(c));
            assertEquals(expected, SqlRows.query(c, "SELECT article_id, outlet FROM articles ORDER BY article_id"));
            assertEquals(223, SqlRows.count(c, "SELECT COUNT(*) FROM articles WHERE source IS NULL"));
            assertEquals(223, SqlRows.count(c, "SELECT COUNT(*) FROM articles WHERE source IS NULL "
                    + "AND outlet = 'euvsdisinfo.eu'"));
            assertEquals(List.of(0L, 0L, 1L), upsert(store, parsed().get(0)), "its records are found unchanged");
        }
    }

    @Test
    void storesTheStanceOfEveryHitAndPieceOfEvidence() throws Exception {
        try (Store store = Store.open(newStoreUrl())) {
            loadAll(store);
            List<List<String>> expected = expectedStances(parsed());
            assertEquals(expected, SqlRows.query(store.connection(), STANCES));
            assertEquals(Set.of("asserts", "reports", "disputes"), Set.copyOf(expected.stream().map(r -> r.get(2)).toList()));
        }
    }

    /** The stance of every hit and piece of evidence the records hold, as {@link #STANCES} lists them. */
    private static List<List<String>> expectedStances(List<ArticleRecord> records) {
        List<List<String>> rows = new ArrayList<>();
        for (ArticleRecord a : records) {
            for (ArticleRecord.Narrative h : a.narratives()) {
                rows.add(List.of(a.id(), h.id(), h.stance()));
                h.evidence().forEach(e -> rows.add(List.of(a.id(), h.id(), e.stance())));
            }
        }
        rows.sort(Comparator.comparing((List<String> r) -> r.get(0)).thenComparing(r -> r.get(1))
                .thenComparing(r -> r.get(2)));
        return rows;
    }

    /** Upserts one record in its own batch: articles inserted, replaced and unchanged. */
    private static List<Long> upsert(Store store, ArticleRecord record) throws SQLException {
        try (StoreWriter w = store.writer()) {
            w.upsert(record);
            w.flush();
            StoreWriter.LoadCounts counts = w.counts();
            return List.of(counts.inserted(), counts.replaced(), counts.unchanged());
        }
    }

    @Test
    void loadsAFolderOfRecordsAndARerunChangesNothing() throws Exception {
        Path articles = tmp.resolve("articles");
        corpus.writeRecords(articles, corpus.claims().size(), 1);
        String url = newStoreUrl();
        List<List<List<String>>> first;
        try (Store store = Store.open(url)) {
            LoadResult result = store.load(articles);
            // every record carries the versions ClaimCorpus writes them with, so they are not listed as differing
            assertEquals(new LoadResult(records.size(), 0, 0, 0, expectedRows(records), result.seconds(), List.of(),
                    "{\"catalog\":\"euvsdisinfo-keywords\",\"narrative-watch\":\"test\"}"), result);
            first = dumpWrites(store.connection());
            assertEquals(records.size(), first.get(0).size());
            assertEquals(0, inconsistentArticles(store.connection()));
        }
        try (Store store = Store.open(url)) {
            LoadResult again = store.load(articles);
            assertEquals(List.of(0L, 0L, (long) records.size(), 0L),
                    List.of(again.inserted(), again.replaced(), again.unchanged(), again.rows()));
            assertEquals(first, dumpWrites(store.connection()), "a rerun on the same records changed rows");
            assertEquals(List.of(List.of(store.runId(), String.valueOf(records.size()))), SqlRows.query(
                    store.connection(), "SELECT last_seen_run_id, COUNT(*) FROM articles GROUP BY last_seen_run_id"),
                    "the rerun read every record");
        }
    }

    @Test
    void aChangedArticleReplacesAllItsRowsAndNoOthers() throws Exception {
        try (Store store = Store.open(newStoreUrl())) {
            try (StoreWriter w = store.writer()) {
                for (JsonNode r : records.subList(0, 300)) {
                    w.upsert(ArticleRecord.read(r));
                }
            }
            List<List<List<String>>> before = dump(store.connection());
            // claims-7 now carries the text, entities and narratives of claims 40..44
            ObjectNode changed = (ObjectNode) corpus.record(8, 5);
            changed.put("id", "claims-7");
            ArticleRecord record = ArticleRecord.read(changed);
            assertNotEquals(ArticleRecord.read(records.get(7)).contentHash(), record.contentHash());
            store.upsert(record);

            List<List<List<String>>> after = dump(store.connection());
            for (int t = 0; t < before.size(); t++) {
                assertEquals(without(before.get(t), "claims-7"), without(after.get(t), "claims-7"));
            }
            Connection c = store.connection();
            assertEquals(record.entities().size(),
                    SqlRows.count(c, "SELECT COUNT(*) FROM entity_mentions WHERE article_id = 'claims-7'"));
            assertEquals(record.narratives().stream().map(ArticleRecord.Narrative::id).sorted().toList(),
                    SqlRows.query(c, "SELECT narrative_id FROM narrative_hits WHERE article_id = 'claims-7' "
                            + "ORDER BY narrative_id").stream().map(row -> row.get(0)).toList());
            assertEquals(List.of(List.of(record.contentHash(), "5", record.title())), SqlRows.query(c,
                    "SELECT content_hash, sentences, title FROM articles WHERE article_id = 'claims-7'"));
            assertEquals(0, inconsistentArticles(c));
        }
    }

    @Test
    void aLoadKilledMidWayLeavesOnlyWholeArticles() throws Exception {
        String url = newStoreUrl();
        try (Store store = Store.open(url)) {
            assertEquals(0, SqlRows.count(store.connection(), "SELECT COUNT(*) FROM articles"));
        }
        Process loader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dnw.shared=" + System.getProperty("nw.shared"),
                LoadBenchmark.class.getName(), "--db", url, "--articles", "50000", "--claims-per-article", "3",
                "--passes", "1")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("loader.log").toFile()).start();
        long committed;
        try (Store store = Store.open(url)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            do {
                Thread.sleep(100);
                committed = SqlRows.count(store.connection(), "SELECT COUNT(*) FROM articles");
            } while (committed < 2 * StoreWriter.DEFAULT_BATCH_ARTICLES && loader.isAlive()
                    && System.nanoTime() < deadline);
        } finally {
            loader.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(committed >= 2 * StoreWriter.DEFAULT_BATCH_ARTICLES,
                "the loader did not get going: " + Files.readString(tmp.resolve("loader.log")));

        try (Store store = Store.open(url)) {
            Connection c = store.connection();
            long loaded = SqlRows.count(c, "SELECT COUNT(*) FROM articles");
            assertTrue(loaded < 50_000, "the loader finished before it was killed");
            assertEquals(0, loaded % StoreWriter.DEFAULT_BATCH_ARTICLES, "a batch was committed in part");
            assertEquals(0, inconsistentArticles(c));
            // the next run completes the work: what was committed is found unchanged
            long total = loaded + StoreWriter.DEFAULT_BATCH_ARTICLES;
            StoreWriter.LoadCounts counts;
            try (StoreWriter w = store.writer()) {
                for (long n = 0; n < total; n++) {
                    w.upsert(ArticleRecord.read(corpus.record(n, 3)));
                }
                w.flush();
                counts = w.counts();
            }
            assertEquals(List.of(StoreWriter.DEFAULT_BATCH_ARTICLES * 1L, 0L, loaded),
                    List.of(counts.inserted(), counts.replaced(), counts.unchanged()));
            assertEquals(0, inconsistentArticles(c));
        }
    }

    @Test
    void documentedQueriesAnswerWhatTheRecordsSay() throws Exception {
        try (Store store = Store.open(newStoreUrl())) {
            List<JsonNode> loaded = withRecordsBefore040();
            load(store, loaded);
            List<ArticleRecord> articles = loaded.stream().map(ArticleRecord::read).toList();
            Connection c = store.connection();

            List<List<String>> top = SqlRows.query(c, DocumentedQueries.read("top-narratives-by-source-this-week"));
            assertFalse(top.isEmpty());
            assertEquals(expectedTopNarrativesOfLatestWeek(articles), top);

            List<List<String>> outlets = SqlRows.query(c,
                    DocumentedQueries.read("outlets-pushing-narrative-about-entity"));
            assertTrue(outlets.size() >= 5, outlets.toString());
            assertEquals(expectedOutlets(articles, "nazi-ukraine-europe", "Q212"), outlets);

            List<List<String>> first = SqlRows.query(c, DocumentedQueries.read("first-appearance-of-narrative"));
            assertEquals(ClaimCorpus.NARRATIVES.size(), first.size());
            assertEquals(expectedFirstAppearances(articles), first);

            List<List<String>> byStance = SqlRows.query(c, DocumentedQueries.read("articles-asserting-each-narrative"));
            assertEquals(ClaimCorpus.NARRATIVES.size(), byStance.size());
            assertEquals(expectedArticlesByStance(articles), byStance);

            assertEquals(expectedNarrativesPerDayBySource(articles),
                    SqlRows.query(c, DocumentedQueries.read("narratives-per-day-by-source")));
            assertEquals(expectedEvidence(articles, "russophobia"),
                    SqlRows.query(c, DocumentedQueries.read("evidence-for-narrative")));

            for (String name : DocumentedQueries.names()) {
                assertFalse(SqlRows.query(c, DocumentedQueries.read(name)).isEmpty(), name + " returned no rows");
            }
        }
    }

    /**
     * A store that holds articles since deleted from the corpus answers every documented query as a
     * store loaded with the current articles alone: the queries read the articles the last run still had.
     */
    @Test
    void documentedQueriesLeaveOutTheArticlesTheLastRunNoLongerHad() throws Exception {
        // articles that carry a narrative, so that every week in the store has some to count
        List<JsonNode> all = withRecordsBefore040().stream().filter(r -> !r.path("narratives").isEmpty())
                .limit(2000).toList();
        // every third article and the newest are deleted, so that the latest week changes too
        String newest = all.stream().max(Comparator.comparing((JsonNode r) -> r.path("published").asText())
                .thenComparing(r -> r.path("id").asText())).orElseThrow().path("id").asText();
        List<JsonNode> current = new ArrayList<>();
        for (int n = 0; n < all.size(); n++) {
            if (n % 3 != 0 && !all.get(n).path("id").asText().equals(newest)) {
                current.add(all.get(n));
            }
        }
        String url = newStoreUrl();
        Map<String, List<List<String>>> before = new TreeMap<>();
        try (Store firstRun = Store.open(url)) {
            load(firstRun, all);
            for (String name : DocumentedQueries.names()) {
                before.put(name, SqlRows.query(firstRun.connection(), DocumentedQueries.read(name)));
            }
        }
        try (Store accumulated = Store.open(url); Store fresh = Store.open(newStoreUrl())) {
            load(accumulated, current);
            load(fresh, current);
            assertEquals(all.size(), SqlRows.count(accumulated.connection(), "SELECT COUNT(*) FROM articles"));
            List<String> unchanged = new ArrayList<>();
            for (String name : DocumentedQueries.names()) {
                List<List<String>> answer = SqlRows.query(accumulated.connection(), DocumentedQueries.read(name));
                assertFalse(answer.isEmpty(), name);
                assertEquals(SqlRows.query(fresh.connection(), DocumentedQueries.read(name)), answer, name);
                if (answer.equals(before.get(name))) {
                    unchanged.add(name);
                }
            }
            assertEquals(List.of(), unchanged, "queries whose answer the deleted articles did not change");
        }
    }

    /**
     * One outlet with three articles carrying the same narrative about the same entity on the same day: one
     * asserting it, one disputing it and one loaded from a record written before 0.4.0. The outlet pushes the
     * narrative in one article; the queries about all coverage count three, split by stance.
     */
    @Test
    void queriesTellTheArticlesAssertingANarrativeFromAllThatCarryIt() throws Exception {
        ObjectNode about = (ObjectNode) records.stream().filter(r -> {
            JsonNode hits = r.path("narratives");
            return r.path("source").isTextual() && hits.size() == 1
                    && hits.path(0).path("id").asText().equals("nazi-ukraine-europe")
                    && hits.path(0).path("evidence").path(0).path("entities").toString().contains("\"Q212\"");
        }).findFirst().orElseThrow();
        List<JsonNode> loaded = List.of(withStance(about, "a-asserts", "asserts"),
                withStance(about, "b-disputes", "disputes"),
                StoredArticleTest.withoutStances(withStance(about, "c-before-040", "asserts")));
        String source = about.path("source").asText();
        String day = about.path("published").asText();
        try (Store store = Store.open(newStoreUrl())) {
            load(store, loaded);
            Connection c = store.connection();
            assertEquals(List.of(List.of(source, "1", day, day)),
                    SqlRows.query(c, DocumentedQueries.read("outlets-pushing-narrative-about-entity")));
            assertEquals(List.of(List.of(day, source, "nazi-ukraine-europe", "3", "1", "0", "1")),
                    SqlRows.query(c, DocumentedQueries.read("narratives-per-day-by-source")));
            assertEquals(List.of(source, "nazi-ukraine-europe", "3", "1", "0", "1"),
                    SqlRows.query(c, DocumentedQueries.read("top-narratives-by-source-this-week")).get(0).subList(0, 6));
            assertEquals(List.of(List.of("nazi-ukraine-europe", day, source, "a-asserts", about.path("url").asText(),
                    "asserts")),
                    SqlRows.query(c, DocumentedQueries.read("first-appearance-of-narrative")));
        }
    }

    /**
     * The queries name the outlet as the reports do: an article's source with its white space
     * collapsed, else its URL's host without "www.", else unknown; never a bucket of its own for
     * an article that has a URL but no source.
     */
    @Test
    void queriesNameTheOutletAsTheReportsDo() throws Exception {
        ObjectNode about = (ObjectNode) records.stream().filter(r -> r.path("narratives").size() == 1
                && r.path("narratives").path(0).path("id").asText().equals("nazi-ukraine-europe")
                && r.path("narratives").path(0).path("evidence").path(0).path("entities").toString().contains("\"Q212\""))
                .findFirst().orElseThrow();
        ObjectNode sourced = withStance(about, "a-sourced", "asserts").put("source", "  Sputnik \n Italia ");
        ObjectNode urlOnly = withStance(about, "b-url-only", "asserts").putNull("source")
                .put("url", "https://www.ZeroHedge.com/geopolitical/kremlin-says");
        ObjectNode neither = withStance(about, "c-neither", "asserts").putNull("source").putNull("url");
        String day = about.path("published").asText();
        try (Store store = Store.open(newStoreUrl())) {
            load(store, List.of(sourced, urlOnly, neither));
            Connection c = store.connection();
            assertEquals(List.of(List.of("Sputnik Italia", "1", day, day), List.of("unknown", "1", day, day),
                    List.of("zerohedge.com", "1", day, day)),
                    SqlRows.query(c, DocumentedQueries.read("outlets-pushing-narrative-about-entity")));
            assertEquals(List.of(List.of(day, "Sputnik Italia", "nazi-ukraine-europe", "1", "1", "0", "0"),
                    List.of(day, "unknown", "nazi-ukraine-europe", "1", "1", "0", "0"),
                    List.of(day, "zerohedge.com", "nazi-ukraine-europe", "1", "1", "0", "0")),
                    SqlRows.query(c, DocumentedQueries.read("narratives-per-day-by-source")));
            assertEquals(List.of(List.of("a-sourced", "  Sputnik \n Italia ", "Sputnik Italia"),
                    List.of("b-url-only", "null", "zerohedge.com"), List.of("c-neither", "null", "unknown")),
                    SqlRows.query(c, "SELECT article_id, source, outlet FROM articles ORDER BY article_id"),
                    "source stays as the record has it");
        }
    }

    /** A copy of the record under another id, whose one hit and all its evidence take {@code stance}. */
    private static ObjectNode withStance(ObjectNode record, String id, String stance) {
        ObjectNode copy = record.deepCopy();
        copy.put("id", id);
        for (JsonNode hit : copy.get("narratives")) {
            ((ObjectNode) hit).put("stance", stance);
            hit.get("evidence").forEach(e -> ((ObjectNode) e).put("stance", stance).putNull("attributed_to"));
        }
        return copy;
    }

    /**
     * A record under another name than its id (a file manager's copy, maybe of an older version) is
     * rejected as the reports leave it out, so it cannot replace the article's own record.
     */
    @Test
    void aCopyOfARecordUnderAnotherNameIsRejected() throws Exception {
        Path articles = tmp.resolve("articles");
        corpus.writeRecords(articles, 20, 1);
        Files.copy(articles.resolve("claims-3.json"), articles.resolve("claims-3 (copy).json"));
        try (Store store = Store.open(newStoreUrl())) {
            LoadResult result = store.load(articles);
            assertEquals(List.of(20L, 0L, 1L), List.of(result.inserted(), result.replaced(), result.rejected()));
            assertEquals(List.of("claims-3 (copy).json: its id is claims-3: a record is named after its id, "
                    + "claims-3.json"), result.rejections());
        }
    }

    @Test
    void recordsTheRunAndRejectsRecordsItCannotRead() throws Exception {
        Path articles = tmp.resolve("articles");
        corpus.writeRecords(articles, 20, 2);
        Files.writeString(articles.resolve("broken.json"), "{\"id\": \"broken\", ", StandardCharsets.UTF_8);
        ObjectNode newer = (ObjectNode) corpus.record(0, 1);
        newer.put("schema_version", 2);
        newer.put("id", "from-the-future");
        Files.writeString(articles.resolve("from-the-future.json"), newer.toString(), StandardCharsets.UTF_8);
        ObjectNode twice = (ObjectNode) corpus.record(1, 1);
        twice.put("id", "twice");
        ((com.fasterxml.jackson.databind.node.ArrayNode) twice.get("narratives")).add(twice.get("narratives").get(0));
        Files.writeString(articles.resolve("twice.json"), twice.toString(), StandardCharsets.UTF_8);
        assertFalse(twice.get("narratives").isEmpty());

        try (Store store = Store.open(newStoreUrl())) {
            LoadResult result = store.load(articles);
            assertEquals(List.of(20L, 3L), List.of(result.inserted(), result.rejected()));
            assertEquals(3, result.rejections().size());
            assertTrue(result.rejections().stream().anyMatch(r -> r.startsWith("twice.json: ")
                    && r.contains("twice")), result.rejections().toString());
            store.recordRun(new RunRecord("analyze", java.time.Instant.parse("2024-05-01T10:00:00Z"),
                    java.time.Instant.parse("2024-05-01T10:05:00Z"), List.of("corpus"), "{\"corenlp\":\"4.5.10\"}",
                    2, 23L, 23L, 20L, 0L, 3L, 1234L, 40L, 17L, 9L, 300.5));
            List<List<String>> runs = SqlRows.query(store.connection(), "SELECT run_id, command, inputs, "
                    + "articles_analyzed, errors, store_inserted, store_replaced, store_unchanged, store_rejected "
                    + "FROM runs");
            assertEquals(List.of(List.of(store.runId(), "analyze", "[\"corpus\"]", "20", "3", "20", "0", "0", "3")),
                    runs);
            assertEquals(20, SqlRows.count(store.connection(),
                    "SELECT COUNT(*) FROM articles WHERE run_id = '" + store.runId() + "'"));
            assertTrue(SqlRows.query(store.connection(), "SELECT started_at FROM runs").get(0).get(0)
                    .startsWith("2024-05-01"));
        }
    }

    static void loadAll(Store store) throws SQLException {
        load(store, records);
    }

    /** Loads the records as one run of the command line does: written, then the run recorded. */
    static void load(Store store, List<JsonNode> records) throws SQLException {
        try (StoreWriter w = store.writer()) {
            for (JsonNode r : records) {
                w.upsert(r);
            }
        }
        store.recordRun(RunRecord.of("load"));
    }

    /**
     * The records with every tenth as a version before 0.4.0 wrote it, without stances: a store loaded
     * before and after 0.4.0 holds both, and the queries count the old articles under no stance.
     */
    static List<JsonNode> withRecordsBefore040() {
        List<JsonNode> out = new ArrayList<>(records.size());
        for (int n = 0; n < records.size(); n++) {
            out.add(n % 10 == 3 ? StoredArticleTest.withoutStances((ObjectNode) records.get(n)) : records.get(n));
        }
        return out;
    }

    /** Rows a record becomes: the article, its mentions, hits, evidence and evidence entities. */
    static long expectedRows(List<JsonNode> records) {
        long rows = 0;
        for (JsonNode r : records) {
            ArticleRecord a = ArticleRecord.read(r);
            rows += 1 + a.entities().size() + a.narratives().size();
            for (ArticleRecord.Narrative h : a.narratives()) {
                rows += h.evidence().size();
                rows += h.evidence().stream().mapToLong(e -> e.entities().size()).sum();
            }
        }
        return rows;
    }

    /** Articles whose child rows disagree with the counts stored with them, plus orphaned child rows. */
    static long inconsistentArticles(Connection c) throws SQLException {
        return SqlRows.count(c, "SELECT COUNT(*) FROM articles a WHERE "
                + "a.entities <> (SELECT COUNT(*) FROM entity_mentions m WHERE m.article_id = a.article_id) "
                + "OR a.narratives <> (SELECT COUNT(*) FROM narrative_hits h WHERE h.article_id = a.article_id) "
                + "OR (SELECT COALESCE(SUM(h.evidence_count), 0) FROM narrative_hits h WHERE h.article_id = a.article_id)"
                + " <> (SELECT COUNT(*) FROM evidence e WHERE e.article_id = a.article_id)")
                + SqlRows.count(c, "SELECT COUNT(*) FROM entity_mentions m WHERE NOT EXISTS "
                + "(SELECT 1 FROM articles a WHERE a.article_id = m.article_id)")
                + SqlRows.count(c, "SELECT COUNT(*) FROM evidence_entities x WHERE NOT EXISTS "
                + "(SELECT 1 FROM articles a WHERE a.article_id = x.article_id)");
    }

    static List<List<List<String>>> dump(Connection c) throws SQLException {
        List<List<List<String>>> tables = new ArrayList<>();
        for (Map.Entry<String, String> t : TABLES.entrySet()) {
            tables.add(SqlRows.query(c, "SELECT * FROM " + t.getKey() + " ORDER BY " + t.getValue()));
        }
        return tables;
    }

    /**
     * {@link #dump} without {@code articles.last_seen_run_id}, which every load sets, unchanged
     * articles included: what a load writes of the records.
     */
    static List<List<List<String>>> dumpWrites(Connection c) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT * FROM articles LIMIT 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnName(i));
            }
        }
        assertTrue(columns.remove("last_seen_run_id"), columns.toString());
        List<List<List<String>>> tables = dump(c);
        tables.set(0, SqlRows.query(c, "SELECT " + String.join(", ", columns) + " FROM articles ORDER BY "
                + TABLES.get("articles")));
        return tables;
    }

    private static List<List<String>> without(List<List<String>> rows, String articleId) {
        return rows.stream().filter(r -> !r.get(0).equals(articleId)).toList();
    }

    /** The outlet the queries name as source: the reports' ({@link Outlets}). */
    private static String source(ArticleRecord a) {
        return Outlets.of(a);
    }

    private static LocalDate day(ArticleRecord a) {
        return new StoredArticle(a).publishedDay();
    }

    private static LocalDate week(ArticleRecord a) {
        return new StoredArticle(a).publishedWeek();
    }

    private static List<ArticleRecord> parsed() {
        return records.stream().map(ArticleRecord::read).toList();
    }

    /** The articles among {@code hits} whose hit asserts, reports and disputes the narrative, as query columns. */
    private static List<String> stanceColumns(List<ArticleRecord.Narrative> hits) {
        return STANCE_KEYS.stream().map(k -> String.valueOf(hits.stream().filter(h -> k.equals(h.stance())).count()))
                .toList();
    }

    private static List<List<String>> expectedTopNarrativesOfLatestWeek(List<ArticleRecord> all) {
        LocalDate week = all.stream().map(StoreContract::week).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElseThrow();
        Map<List<String>, List<ArticleRecord.Narrative>> hits = new TreeMap<>(
                Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        for (ArticleRecord a : all) {
            if (week.equals(week(a))) {
                for (ArticleRecord.Narrative h : a.narratives()) {
                    hits.computeIfAbsent(List.of(source(a), h.id()), k -> new ArrayList<>()).add(h);
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        hits.forEach((k, h) -> {
            List<String> row = new ArrayList<>(List.of(k.get(0), k.get(1), String.valueOf(h.size())));
            row.addAll(stanceColumns(h));
            row.add(SqlRows.number(BigDecimal.valueOf(h.stream().mapToDouble(ArticleRecord.Narrative::score)
                    .average().orElseThrow()).setScale(3, RoundingMode.HALF_UP)));
            rows.add(row);
        });
        rows.sort(Comparator.comparing((List<String> r) -> -Integer.parseInt(r.get(2)))
                .thenComparing(r -> r.get(0)).thenComparing(r -> r.get(1)));
        return rows.subList(0, Math.min(20, rows.size()));
    }

    /** Per day, source and narrative: the articles carrying it, and those asserting, reporting and disputing it. */
    private static List<List<String>> expectedNarrativesPerDayBySource(List<ArticleRecord> all) {
        Map<List<String>, List<ArticleRecord.Narrative>> hits = new TreeMap<>(
                Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1))
                        .thenComparing(k -> k.get(2)));
        for (ArticleRecord a : all) {
            if (day(a) != null) {
                for (ArticleRecord.Narrative h : a.narratives()) {
                    hits.computeIfAbsent(List.of(day(a).toString(), source(a), h.id()), k -> new ArrayList<>()).add(h);
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        hits.forEach((k, h) -> {
            List<String> row = new ArrayList<>(k);
            row.add(String.valueOf(h.size()));
            row.addAll(stanceColumns(h));
            rows.add(row);
        });
        return rows;
    }

    /** The newest 100 pieces of evidence for a narrative, with who the claim is attributed to and their stance. */
    private static List<List<String>> expectedEvidence(List<ArticleRecord> all, String narrative) {
        List<List<String>> rows = new ArrayList<>();
        Comparator<ArticleRecord> newestFirst = Comparator.comparing(StoreContract::day,
                Comparator.nullsLast(Comparator.<LocalDate>reverseOrder())).thenComparing(ArticleRecord::id);
        for (ArticleRecord a : all.stream().sorted(newestFirst).toList()) {
            for (ArticleRecord.Narrative h : a.narratives()) {
                if (h.id().equals(narrative)) {
                    for (ArticleRecord.EvidenceItem e : h.evidence()) {
                        rows.add(List.of(String.valueOf(day(a)), source(a), a.id(), e.rule(),
                                String.valueOf(e.sentence()), String.valueOf(e.start()), String.valueOf(e.end()),
                                e.text(), String.valueOf(e.attributedTo()), String.valueOf(e.stance())));
                    }
                }
            }
        }
        return rows.subList(0, Math.min(100, rows.size()));
    }

    /** Per source, the articles asserting the narrative whose evidence for it involves the entity. */
    private static List<List<String>> expectedOutlets(List<ArticleRecord> all, String narrative, String kbId) {
        Map<String, List<LocalDate>> days = new TreeMap<>();
        for (ArticleRecord a : all) {
            boolean pushes = a.narratives().stream().filter(h -> h.id().equals(narrative) && "asserts".equals(h.stance()))
                    .flatMap(h -> h.evidence().stream()).anyMatch(e -> e.entities().contains(kbId));
            if (pushes) {
                days.computeIfAbsent(source(a), k -> new ArrayList<>()).add(day(a));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        days.forEach((source, d) -> rows.add(List.of(source, String.valueOf(d.size()),
                d.stream().min(Comparator.naturalOrder()).orElseThrow().toString(),
                d.stream().max(Comparator.naturalOrder()).orElseThrow().toString())));
        rows.sort(Comparator.comparing((List<String> r) -> -Integer.parseInt(r.get(1))).thenComparing(r -> r.get(0)));
        return rows.subList(0, Math.min(20, rows.size()));
    }

    /** Per narrative: articles carrying it, and those asserting, reporting and disputing it. */
    private static List<List<String>> expectedArticlesByStance(List<ArticleRecord> all) {
        Map<String, List<ArticleRecord.Narrative>> hits = new TreeMap<>();
        for (ArticleRecord a : all) {
            for (ArticleRecord.Narrative h : a.narratives()) {
                hits.computeIfAbsent(h.id(), k -> new ArrayList<>()).add(h);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        hits.forEach((narrative, h) -> {
            List<String> row = new ArrayList<>(List.of(narrative, String.valueOf(h.size())));
            row.addAll(stanceColumns(h));
            rows.add(row);
        });
        rows.sort(Comparator.comparing((List<String> r) -> -Long.parseLong(r.get(2))).thenComparing(r -> r.get(0)));
        return rows;
    }

    private static List<List<String>> expectedFirstAppearances(List<ArticleRecord> all) {
        Map<String, ArticleRecord> first = new TreeMap<>();
        Comparator<ArticleRecord> earliest = Comparator.comparing(StoreContract::day)
                .thenComparing(ArticleRecord::id);
        for (ArticleRecord a : all) {
            for (ArticleRecord.Narrative h : a.narratives()) {
                first.merge(h.id(), a, (x, y) -> earliest.compare(x, y) <= 0 ? x : y);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        first.forEach((narrative, a) -> rows.add(List.of(narrative, day(a).toString(), source(a), a.id(), a.url(),
                String.valueOf(a.narratives().stream().filter(h -> h.id().equals(narrative)).findFirst()
                        .orElseThrow().stance()))));
        rows.sort(Comparator.comparing((List<String> r) -> r.get(1)).thenComparing(r -> r.get(0)));
        return rows;
    }
}
