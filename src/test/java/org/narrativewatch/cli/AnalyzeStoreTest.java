package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.Printed;

/** {@code analyze} loads its results into the SQL store: by default the embedded file under --out. */
class AnalyzeStoreTest {
    @TempDir
    Path tmp;

    @Test
    void analyzeFillsTheEmbeddedStoreAndARerunChangesNoArticle() throws Exception {
        Path out = tmp.resolve("reports");
        assertEquals(ExitCodes.OK, Main.run("analyze", "corpus", "--out", out.toString(), "-q", "-j", "2"));
        Path db = out.resolve("narrative-watch.sqlite");
        assertTrue(Files.isRegularFile(db));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        long articles;
        try (Stream<Path> files = Files.list(out.resolve("articles"))) {
            articles = files.count();
        }
        assertTrue(articles >= 7);

        String url = "jdbc:sqlite:" + db;
        List<List<String>> firstArticles = rows(url, "SELECT article_id, content_hash, tokens, sentences, run_id "
                + "FROM articles ORDER BY article_id");
        assertEquals(articles, firstArticles.size());
        assertEquals(List.of(List.of("analyze", summary.path("counts").path("tokens").asText(), "" + articles, "0")),
                rows(url, "SELECT command, tokens, store_inserted, store_unchanged FROM runs"));
        JsonNode sample = new ObjectMapper().readTree(out.resolve("articles/russia-abandons-its-allies.json").toFile());
        assertEquals(List.of(List.of(sample.path("content_hash").asText(), sample.path("counts").path("tokens").asText())),
                rows(url, "SELECT content_hash, tokens FROM articles WHERE article_id = 'russia-abandons-its-allies'"));

        assertEquals(ExitCodes.OK, Main.run("analyze", "corpus", "--out", out.toString(), "-q", "-j", "2"));
        assertEquals(firstArticles, rows(url, "SELECT article_id, content_hash, tokens, sentences, run_id "
                + "FROM articles ORDER BY article_id"));
        assertEquals(List.of("0", "" + articles), rows(url,
                "SELECT store_inserted, store_unchanged FROM runs ORDER BY loaded_at DESC LIMIT 1").get(0));
        // the second run found every article unchanged and saw them all
        assertEquals(List.of(List.of("" + articles)), rows(url, "SELECT COUNT(*) FROM articles "
                + "WHERE last_seen_run_id = (SELECT run_id FROM runs ORDER BY loaded_at DESC LIMIT 1) "
                + "AND run_id = (SELECT run_id FROM runs ORDER BY loaded_at LIMIT 1)"));
    }

    @Test
    void dbOptionsChooseTheStores() throws Exception {
        Path sample = Path.of("corpus", "russia-abandons-its-allies.txt");
        Path none = tmp.resolve("none");
        assertEquals(ExitCodes.OK, Main.run("analyze", sample.toString(), "--out", none.toString(), "-q", "--no-db"));
        assertFalse(Files.exists(none.resolve("narrative-watch.sqlite")));

        Path both = tmp.resolve("both");
        Path other = tmp.resolve("team.sqlite");
        assertEquals(ExitCodes.OK, Main.run("analyze", sample.toString(), "--out", both.toString(), "-q",
                "--db", "embedded", "--db", "jdbc:sqlite:" + other));
        for (Path db : List.of(both.resolve("narrative-watch.sqlite"), other)) {
            assertEquals(List.of(List.of("russia-abandons-its-allies")),
                    rows("jdbc:sqlite:" + db, "SELECT article_id FROM articles"));
        }

        assertEquals(ExitCodes.USAGE, Main.run("analyze", sample.toString(), "--out", none.toString(), "-q",
                "--no-db", "--db", "embedded"));
        // a database URL the tool cannot use is a usage error before the output folder is made
        Path rejected = tmp.resolve("rejected");
        assertEquals(ExitCodes.USAGE, Main.run("analyze", sample.toString(), "--out", rejected.toString(), "-q",
                "--db", "jdbc:mysql://localhost/nw"));
        assertEquals(ExitCodes.USAGE, Main.run("report", "--from", none.resolve("articles").toString(), "--out",
                rejected.toString(), "-q", "--db", "jdbc:mysql://localhost/nw"));
        assertFalse(Files.exists(rejected));
        // a server that is not there stops the run before any analysis
        Path refused = tmp.resolve("refused");
        assertEquals(ExitCodes.FATAL, Main.run("analyze", sample.toString(), "--out", refused.toString(), "-q",
                "--db", "jdbc:postgresql://127.0.0.1:1/nw?connectTimeout=5"));
        assertFalse(Files.exists(refused.resolve("articles")));
    }

    /**
     * A database that cannot be opened stops the run before any analysis, and the message says which
     * one: with the embedded store and a --db file, or several --db, the driver's words alone do not.
     */
    @Test
    void aDatabaseThatCannotBeOpenedIsNamed() throws Exception {
        String sample = Path.of("corpus", "russia-abandons-its-allies.txt").toString();
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "Sources to check this week:\n"
                + "- the Politico piece on the Istanbul talks about Nagorno-Karabakh\n".repeat(20));
        Path out = tmp.resolve("not-a-db");
        Printed notADatabase = Printed.run("analyze", sample, "--out", out.toString(), "-q",
                "--db", "embedded", "--db", "jdbc:sqlite:" + notes);
        assertEquals(ExitCodes.FATAL, notADatabase.code(), notADatabase.stderr());
        assertEquals("narrative-watch: jdbc:sqlite:" + notes + ": [SQLITE_NOTADB] File opened that is not a database "
                + "file (file is not a database)", notADatabase.stderr().strip());
        assertFalse(Files.exists(out.resolve("articles")));

        Path inMissingFolder = tmp.resolve("no-such-folder").resolve("team.sqlite");
        Printed cannotOpen = Printed.run("analyze", sample, "--out", tmp.resolve("cannot-open").toString(), "-q",
                "--db", "jdbc:sqlite:" + inMissingFolder);
        assertEquals(ExitCodes.FATAL, cannotOpen.code(), cannotOpen.stderr());
        assertTrue(cannotOpen.stderr().startsWith("narrative-watch: jdbc:sqlite:" + inMissingFolder + ": [SQLITE_CANTOPEN]"),
                cannotOpen.stderr());
    }

    /**
     * No message shows a PostgreSQL password (docs/store.md): not the URL's user-info, which the driver
     * cannot use (a usage error naming the form it takes), nor a URL the driver quotes in its own words.
     */
    @Test
    void noMessageShowsADatabasePassword() throws Exception {
        String sample = Path.of("corpus", "russia-abandons-its-allies.txt").toString();
        Printed userInfo = Printed.run("analyze", sample, "--out", tmp.resolve("user-info").toString(), "-q",
                "--db", "jdbc:postgresql://nw:s3cret@127.0.0.1:1/nw");
        assertEquals(ExitCodes.USAGE, userInfo.code(), userInfo.stderr());
        assertFalse(userInfo.stderr().contains("s3cret"), userInfo.stderr());
        assertTrue(userInfo.stderr().contains("jdbc:postgresql://nw:***@127.0.0.1:1/nw names the user before the host"),
                userInfo.stderr());
        assertFalse(Files.exists(tmp.resolve("user-info")));

        Printed badPort = Printed.run("analyze", sample, "--out", tmp.resolve("bad-port").toString(), "-q",
                "--db", "jdbc:postgresql://127.0.0.1:x/nw?user=nw&password=s3cret");
        assertEquals(ExitCodes.FATAL, badPort.code(), badPort.stderr());
        assertEquals("narrative-watch: jdbc:postgresql://127.0.0.1:x/nw?user=nw&password=***: Unable to parse URL "
                + "jdbc:postgresql://127.0.0.1:x/nw?user=nw&password=***", badPort.stderr().strip());
    }

    /**
     * A dashboard on the store and one on report.json or Elasticsearch name the same outlets: an
     * article with a URL and no source under the URL's host, one with neither under unknown. The
     * audit's records: an internationalised host in punycode and in Unicode is one outlet, a URL with
     * a raw space or | in its path or query has its host, and a source with a no-break space is the
     * outlet of the plain one.
     */
    @Test
    void theStoreNamesTheSameOutletsAsTheReportsAndElasticsearch() throws Exception {
        String text = "Russia betrayed Armenia. The Kremlin agreed in advance, according to Politico.";
        Path feed = Files.writeString(tmp.resolve("feed.jsonl"), String.join("\n",
                "{\"id\":\"url-only\",\"url\":\"https://www.zerohedge.com/geopolitical/x\",\"published\":\"2024-01-02\","
                        + "\"text\":\"" + text + "\"}",
                "{\"id\":\"sourced\",\"source\":\"  RT \\n News \",\"published\":\"2024-01-02\",\"text\":\"" + text + "\"}",
                "{\"id\":\"neither\",\"published\":\"2024-01-02\",\"text\":\"" + text + "\"}",
                "{\"id\":\"a1\",\"url\":\"https://xn--e1afmkfd.xn--p1ai/news/1\",\"published\":\"2024-01-02\",\"text\":\""
                        + text + "\"}",
                "{\"id\":\"a2\",\"url\":\"https://пример.рф/news/2\",\"published\":\"2024-01-02\",\"text\":\"" + text + "\"}",
                "{\"id\":\"a3\",\"url\":\"https://www.rt.com/news/some article\",\"published\":\"2024-01-02\",\"text\":\""
                        + text + "\"}",
                "{\"id\":\"a4\",\"url\":\"https://www.rt.com/news/?tags=a|b\",\"published\":\"2024-01-02\",\"text\":\""
                        + text + "\"}",
                "{\"id\":\"a5\",\"source\":\"Global\\u00a0Times\",\"published\":\"2024-01-02\",\"text\":\"" + text + "\"}",
                "{\"id\":\"a6\",\"source\":\"Global Times\",\"published\":\"2024-01-02\",\"text\":\"" + text + "\"}")
                + "\n");
        Path out = tmp.resolve("outlets");
        assertEquals(ExitCodes.OK, Main.run("analyze", feed.toString(), "--out", out.toString(), "-q"));

        ObjectMapper json = new ObjectMapper();
        List<List<String>> reported = new ArrayList<>();
        for (JsonNode row : json.readTree(out.resolve("aggregates/report.json").toFile()).path("tables")
                .path("narratives_by_source")) {
            reported.add(List.of(row.path("source").asText(), row.path("narrative").asText(),
                    row.path("articles").asText()));
        }
        List<List<String>> stored = new ArrayList<>();
        for (List<String> row : rows("jdbc:sqlite:" + out.resolve("narrative-watch.sqlite"),
                Files.readString(Path.of("docs/queries/narratives-per-day-by-source.sql")))) {
            stored.add(List.of(row.get(1), row.get(2), row.get(3)));
        }
        assertEquals(sorted(List.of(List.of("Global Times", "russia-abandons-allies", "2"),
                List.of("RT News", "russia-abandons-allies", "1"),
                List.of("rt.com", "russia-abandons-allies", "2"),
                List.of("unknown", "russia-abandons-allies", "1"),
                List.of("zerohedge.com", "russia-abandons-allies", "1"),
                List.of("пример.рф", "russia-abandons-allies", "2"))), sorted(stored));
        assertEquals(sorted(stored), sorted(reported));

        List<String> indexed = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("elasticsearch/bulk-0001.ndjson"))) {
            JsonNode doc = json.readTree(line);
            if (doc.has("narratives")) { // an article document, not an action line or a piece of evidence
                indexed.add(doc.path("source").asText());
            }
        }
        assertEquals(List.of("Global Times", "Global Times", "RT News", "rt.com", "rt.com", "unknown", "zerohedge.com",
                "пример.рф", "пример.рф"), indexed.stream().sorted().toList());
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing(r -> String.join("\u0000", r))).toList();
    }

    /**
     * A database named twice would be loaded twice and record the run twice: also when the two
     * names spell one SQLite file differently (relative and absolute, ./, a URI, a link to its
     * folder, the file of {@code embedded}), whether the file exists yet or not, for analyze and
     * report alike.
     */
    @Test
    void theSameDatabaseNamedTwiceIsAUsageError() throws IOException {
        String sample = Path.of("corpus", "russia-abandons-its-allies.txt").toString();
        Path out = tmp.resolve("twice");
        Path folder = Files.createDirectories(tmp.resolve("team data"));
        Path team = folder.resolve("team.sqlite");
        String relative = Path.of("").toAbsolutePath().relativize(team).toString();
        Path link = Files.createSymbolicLink(tmp.resolve("link"), folder);
        String[][] twice = {{"--db", "embedded", "--db", "embedded"},
            {"--db", "jdbc:sqlite:" + team, "--db", "jdbc:sqlite:" + team},
            {"--db", "embedded", "--db", "jdbc:sqlite:" + out.toAbsolutePath().resolve("narrative-watch.sqlite")},
            {"--db", "embedded", "--db", "jdbc:sqlite:" + Path.of("").toAbsolutePath().relativize(
                    out.toAbsolutePath().resolve("narrative-watch.sqlite"))},
            {"--db", "jdbc:sqlite:" + team, "--db", "jdbc:sqlite:" + relative},
            {"--db", "jdbc:sqlite:" + relative, "--db", "jdbc:sqlite:./" + relative},
            {"--db", "jdbc:sqlite:" + relative, "--db", "jdbc:sqlite:file:" + relative},
            {"--db", "jdbc:sqlite:" + team, "--db", "jdbc:sqlite:file://" + team.toString().replace(" ", "%20")
                    + "?mode=rwc"},
            {"--db", "jdbc:sqlite:" + link.resolve("team.sqlite"), "--db", "jdbc:sqlite:" + team}};
        for (String command : List.of("analyze", "report")) {
            for (String[] dbs : twice) {
                StringWriter err = new StringWriter();
                List<String> args = new ArrayList<>(command.equals("analyze")
                        ? List.of("analyze", sample, "--out", out.toString(), "-q")
                        : List.of("report", "--from", "corpus", "--out", out.toString(), "-q"));
                args.addAll(List.of(dbs));
                int exit = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
                assertEquals(ExitCodes.USAGE, exit, command + " " + String.join(" ", dbs) + ": " + err);
                assertTrue(err.toString().contains("--db names the same database twice: jdbc:sqlite:"), err.toString());
                assertTrue(err.toString().contains("Try 'narrative-watch " + command + " --help'"), err.toString());
            }
        }
        assertFalse(Files.exists(team));
        assertFalse(Files.exists(out));
    }

    /** Different files, and PostgreSQL URLs, are told apart as before: two SQLite files are both loaded. */
    @Test
    void differentDatabasesAreEachLoadedOnce() throws Exception {
        String sample = Path.of("corpus", "russia-abandons-its-allies.txt").toString();
        Path out = tmp.resolve("two");
        Path team = tmp.resolve("team.sqlite");
        Path archive = tmp.resolve("team.sqlite.bak");
        assertEquals(ExitCodes.OK, Main.run("analyze", sample, "--out", out.toString(), "-q", "--db", "embedded",
                "--db", "jdbc:sqlite:" + team, "--db", "jdbc:sqlite:file:" + archive));
        for (Path db : List.of(out.resolve("narrative-watch.sqlite"), team, archive)) {
            assertEquals(List.of(List.of("1")), rows("jdbc:sqlite:" + db, "SELECT COUNT(*) FROM runs"), db.toString());
        }
        StringWriter err = new StringWriter();
        String postgres = "jdbc:postgresql://localhost:1/nw?user=nw";
        int exit = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "analyze", sample, "--out",
                tmp.resolve("pg").toString(), "-q", "--db", postgres, "--db", postgres + "&ssl=false");
        assertEquals(ExitCodes.FATAL, exit, "two PostgreSQL URLs are two databases: connected to, not refused: " + err);
        assertFalse(err.toString().contains("twice"), err.toString());
    }

    /** Every row of a query on a store, as strings (null for SQL NULL); shared with {@link ReportStoreTest}. */
    static List<List<String>> rows(String url, String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** A failed batch's message quotes its first statement, cut short: the database's reason comes first. */
    @Test
    void aFailedBatchIsDescribedByTheDatabasesReason() {
        java.sql.BatchUpdateException batch = new java.sql.BatchUpdateException("Batch entry 0 INSERT INTO articles "
                + "(article_id, title) VALUES (('c1'), ('Fine')) was aborted. Call getNextException to see other errors "
                + "in the batch.", new int[0]);
        batch.setNextException(new java.sql.SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00"));
        assertEquals("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00 (" + batch.getMessage() + ")",
                Main.describe(new java.sql.SQLException(batch)));
        assertEquals("connection refused", Main.describe(new java.sql.SQLException("connection refused")));
    }
}
