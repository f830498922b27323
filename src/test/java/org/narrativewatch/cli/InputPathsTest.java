package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.Printed;
import org.narrativewatch.TestData;

/**
 * The inputs named on the command line against the output folder: a mistyped or missing input is
 * a usage error that touches nothing; an input that cannot be read never costs the records of
 * earlier runs; the output folder is never read back as input.
 */
class InputPathsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path tmp;

    /** {@code analyze ARGS --quiet --no-db}. */
    private static Printed analyze(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "analyze";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--quiet";
        all[args.length + 2] = "--no-db";
        return Printed.run(all);
    }

    /** Two articles, one long enough for the layer cache. */
    private Path twoArticles(String name) throws IOException {
        Path in = Files.createDirectories(tmp.resolve(name));
        Files.copy(TestData.sampleArticle(), in.resolve("a.txt"));
        Files.writeString(in.resolve("b.txt"), "Moscow talks\n\nThe Kremlin said on Tuesday that it would join talks "
                + "in Istanbul.\n");
        return in;
    }

    /** Every file under a folder (hidden ones included) with its bytes. */
    private static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return files;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
    }

    @Test
    void aMistypedInputIsAUsageErrorAndTouchesNothingInTheOutputFolder() throws IOException {
        Path in = twoArticles("in");
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.OK, analyze(in.toString(), "--out", out.toString()).code());
        assertTrue(Files.exists(out.resolve("articles/a.json")) && Files.exists(out.resolve(".cache/a.layers")));
        Map<String, byte[]> before = snapshot(out);

        String typo = in.resolve("typo.txt").toString();
        Printed run = analyze(typo, "--out", out.toString());
        assertEquals(ExitCodes.USAGE, run.code(), run.stderr());
        assertTrue(run.stderr().contains(typo + ": no such file or directory"), run.stderr());
        assertSameFiles(before, snapshot(out));

        // Among good inputs too: nothing is analysed, nothing removed.
        run = analyze(in.toString(), typo, "--out", out.toString());
        assertEquals(ExitCodes.USAGE, run.code(), run.stderr());
        assertSameFiles(before, snapshot(out));
    }

    @Test
    void theMissingDefaultInputIsAUsageErrorAndTouchesNothing() throws Exception {
        Path in = twoArticles("in");
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.OK, analyze(in.toString(), "--out", out.toString()).code());
        Map<String, byte[]> before = snapshot(out);
        // The default INPUT is ./corpus: run where there is none.
        Path elsewhere = Files.createDirectories(tmp.resolve("no-corpus-here"));
        Run run = runIn(elsewhere, "analyze", "--out", out.toString(), "--quiet", "--no-db");
        assertEquals(ExitCodes.USAGE, run.code(), run.stderr());
        assertTrue(run.stderr().contains("corpus: no such file or directory (the default INPUT"), run.stderr());
        assertSameFiles(before, snapshot(out));
    }

    /** Exit code and what a command in a new JVM printed, stdout and stderr together. */
    private record Run(int code, String stderr) {
    }

    /** Runs the command line in a new JVM whose current folder is {@code dir}; its stdout and stderr together. */
    private Run runIn(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classpath(), Main.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(tmp, "run", ".log");
        Process run = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int exit = run.waitFor();
        return new Run(exit, Files.readString(log));
    }

    /**
     * An empty path would be read by Java as the current folder: analysed as INPUT, written into
     * as --out or --jsonl. Each is a usage error that creates nothing, there or anywhere.
     */
    @Test
    void anEmptyPathIsAUsageErrorThatCreatesNothing() throws Exception {
        Path in = twoArticles("in");
        Path here = Files.createDirectories(tmp.resolve("current-folder"));
        Path out = tmp.resolve("out");
        List<List<String>> commands = List.of(
                List.of("analyze", "", "--out", out.toString()),
                List.of("analyze", in.toString(), "--out", ""),
                List.of("analyze", in.toString(), "--out", out.toString(), "--jsonl", ""),
                List.of("report", "--out", ""),
                List.of("report", "--from", "", "--out", out.toString()));
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--quiet", "--no-db"));
            Run run = runIn(here, args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, run.code(), command + ": " + run.stderr());
            assertTrue(run.stderr().contains("empty"), command + ": " + run.stderr());
            try (Stream<Path> created = Files.list(here)) {
                assertEquals(List.of(), created.toList(), command + " wrote into the current folder");
            }
            assertFalse(Files.exists(out), command + " created " + out);
        }
    }

    /** This JVM's class path with absolute entries, for a JVM started in another folder. */
    private static String classpath() {
        StringBuilder cp = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!cp.isEmpty()) {
                cp.append(java.io.File.pathSeparator);
            }
            cp.append(Path.of(entry).toAbsolutePath());
        }
        return cp.toString();
    }

    @Test
    void anInputThatCannotBeReadKeepsTheRecordsOfEarlierRuns() throws IOException {
        Path in = twoArticles("in");
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.OK, analyze(in.toString(), "--out", out.toString()).code());
        byte[] record = Files.readAllBytes(out.resolve("articles/a.json"));
        byte[] layers = Files.readAllBytes(out.resolve(".cache/a.layers"));

        // a.txt now fails on every read (for root too): what it holds is unknown, so its record stays.
        Files.delete(in.resolve("a.txt"));
        Files.createSymbolicLink(in.resolve("a.txt"), Path.of("/proc/self/mem"));
        Printed run = analyze(in.toString(), "--out", out.toString());
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, run.code(), run.stderr());
        assertTrue(run.stderr().contains("a.txt: cannot read"), run.stderr());
        assertTrue(run.stderr().contains("1 record of earlier runs in " + out.resolve("articles")), run.stderr());
        assertTrue(run.stderr().contains("kept, not removed"), run.stderr());
        assertArrayEquals(record, Files.readAllBytes(out.resolve("articles/a.json")));
        assertArrayEquals(layers, Files.readAllBytes(out.resolve(".cache/a.layers")));
        assertTrue(Files.exists(out.resolve("articles/b.json")));

        // Once every input reads again, a record whose article is gone is removed as before.
        Files.delete(in.resolve("a.txt"));
        run = analyze(in.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.code(), run.stderr());
        assertFalse(Files.exists(out.resolve("articles/a.json")));
        assertFalse(Files.exists(out.resolve(".cache/a.layers")));
        assertTrue(Files.exists(out.resolve("articles/b.json")));
    }

    @Test
    void aFolderThatCannotBeListedKeepsTheRecordsOfEarlierRuns() throws IOException {
        assumeFalse(ROOT, "permission bits do not bind root");
        Path in = twoArticles("in");
        Path sub = Files.createDirectories(in.resolve("sub"));
        Files.move(in.resolve("a.txt"), sub.resolve("a.txt"));
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.OK, analyze(in.toString(), "--out", out.toString()).code());
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("---------"));
        try {
            Printed run = analyze(in.toString(), "--out", out.toString());
            assertEquals(ExitCodes.SOME_INPUTS_FAILED, run.code(), run.stderr());
            assertTrue(run.stderr().contains("kept, not removed"), run.stderr());
            assertTrue(Files.exists(out.resolve("articles/sub__a.json")));
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void theOutputFolderInsideTheInputFolderIsNeverReadBack() throws IOException {
        Path in = twoArticles("in");
        Path out = in.resolve("reports");
        for (int i = 1; i <= 3; i++) {
            Printed run = analyze(in.toString(), "--out", out.toString());
            assertEquals(ExitCodes.OK, run.code(), "run " + i + ": " + run.stderr());
            assertEquals(2, JSON.readTree(out.resolve("summary.json").toFile()).get("counts").get("articles_read").asInt(),
                    "run " + i);
            try (Stream<Path> records = Files.list(out.resolve("articles"))) {
                assertEquals(List.of("a.json", "b.json"), records.map(p -> p.getFileName().toString()).sorted().toList());
            }
        }
        // Nor is the --jsonl file, when it is written into the input folder.
        Path jsonl = in.resolve("all.jsonl");
        for (int i = 1; i <= 2; i++) {
            Printed run = analyze(in.toString(), "--out", out.toString(), "--jsonl", jsonl.toString());
            assertEquals(ExitCodes.OK, run.code(), "--jsonl run " + i + ": " + run.stderr());
            assertEquals(2, Files.readAllLines(jsonl).size(), "--jsonl run " + i);
        }
        // Named as input, the output folder (or anything in it) is a usage error.
        Map<String, byte[]> before = snapshot(out);
        Printed run = analyze(out.resolve("articles").toString(), "--out", out.toString());
        assertEquals(ExitCodes.USAGE, run.code(), run.stderr());
        assertTrue(run.stderr().contains("is the output folder"), run.stderr());
        assertSameFiles(before, snapshot(out));
    }

    /**
     * Yesterday's run folder beside today's, inside the folder analysed: its records, pages, bulk
     * lines and tables are no articles, and must not take the plain ids from the real ones. It is
     * recognised by the lock file every run leaves, passed over with a message, and the run is as
     * if it were not there. A file in it named itself is still read.
     */
    @Test
    void anEarlierRunsOutputFolderInsideTheInputFolderIsNotRead() throws IOException {
        Path in = twoArticles("in");
        Path earlier = in.resolve("a-run1");
        assertEquals(ExitCodes.OK, analyze(in.toString(), "--out", earlier.toString()).code());
        Path out = in.resolve("z-run2");
        Printed run = analyze(in.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.code(), run.stderr());
        assertEquals(List.of("narrative-watch: " + earlier + ": the output folder of a narrative-watch run (it holds "
                + ".narrative-watch.lock); output is never read as input"), run.stderr().lines().toList());
        JsonNode counts = JSON.readTree(out.resolve("summary.json").toFile()).get("counts");
        assertEquals(2, counts.get("articles_read").asInt());
        assertEquals(0, counts.get("errors").asInt());
        try (Stream<Path> records = Files.list(out.resolve("articles"))) {
            assertEquals(List.of("a.json", "b.json"), records.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(in.resolve("a.txt").toString(),
                JSON.readTree(out.resolve("articles/a.json").toFile()).get("origin").get("file").asText());

        // Named on its own beside the folder, a record of the earlier run is read (not "read once": the folder skips it).
        Path record = earlier.resolve("articles/b.json");
        run = analyze(in.toString(), record.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.code(), run.stderr());
        assertFalse(run.stderr().contains("read once"), run.stderr());
        assertEquals(3, JSON.readTree(out.resolve("summary.json").toFile()).get("counts").get("articles_read").asInt());
    }

    /**
     * The --jsonl file named as an INPUT too, by its own name or through a link, would be emptied
     * before it was read: a usage error, and nothing is opened or created. So is a --jsonl file in
     * the --narratives catalog folder, which the run reads.
     */
    @Test
    void theJsonlFileNamedAsAnInputIsAUsageErrorAndStaysWhole() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path feed = Files.writeString(in.resolve("feed.jsonl"), "{\"id\":\"j1\",\"text\":\"Moscow denied the report.\"}\n");
        byte[] bytes = Files.readAllBytes(feed);
        Path link = Files.createSymbolicLink(tmp.resolve("link.jsonl"), feed);
        Path out = tmp.resolve("out");
        for (Path jsonl : List.of(feed, link)) {
            Printed run = analyze(feed.toString(), "--out", out.toString(), "--jsonl", jsonl.toString());
            assertEquals(ExitCodes.USAGE, run.code(), run.stderr());
            assertTrue(run.stderr().contains("--jsonl " + jsonl + ": is read by this command (INPUT " + feed
                    + "); name a file it does not read"), run.stderr());
            assertArrayEquals(bytes, Files.readAllBytes(feed), "--jsonl " + jsonl);
            assertFalse(Files.exists(out));
            try (Stream<Path> files = Files.list(in)) {
                assertEquals(List.of(feed), files.toList(), "no temporary file left beside it");
            }
        }
        Path catalog = Files.createDirectories(tmp.resolve("catalog"));
        Path west = Files.copy(Path.of("models/narratives/west.yaml"), catalog.resolve("west.yaml"));
        byte[] westBytes = Files.readAllBytes(west);
        Printed run = analyze(feed.toString(), "--out", out.toString(), "--narratives", catalog.toString(), "--jsonl",
                west.toString());
        assertEquals(ExitCodes.USAGE, run.code(), run.stderr());
        assertTrue(run.stderr().contains("--jsonl " + west + ": lies in " + catalog + " (--narratives), a folder whose "
                + "files this command reads; name a file outside it"), run.stderr());
        assertArrayEquals(westBytes, Files.readAllBytes(west));
        assertFalse(Files.exists(out));
    }

    /**
     * A --db SQLite file named as an INPUT, or as a --narratives catalog file, would replace it: a
     * usage error before anything is created. In an INPUT folder, like the --jsonl file, it is the
     * run's own output and never read back as an article (a database would be a binary article).
     */
    @Test
    void aStoreFileOnAnInputIsAUsageErrorAndInAnInputFolderIsNotReadBack() throws IOException {
        Path in = twoArticles("in");
        Path article = in.resolve("b.txt");
        byte[] articleBytes = Files.readAllBytes(article);
        Path out = tmp.resolve("out");
        Printed refused = Printed.run("analyze", article.toString(), "--out", out.toString(), "--quiet",
                "--db", "jdbc:sqlite:" + article);
        assertEquals(ExitCodes.USAGE, refused.code(), refused.stderr());
        assertTrue(refused.stderr().contains("--db jdbc:sqlite:" + article + ": is read by this command (INPUT "
                + article + "); name a file it does not read"), refused.stderr());
        assertArrayEquals(articleBytes, Files.readAllBytes(article));
        assertFalse(Files.exists(out));

        Path store = in.resolve("store.db");
        for (int i = 1; i <= 2; i++) {
            Printed run = Printed.run("analyze", in.toString(), "--out", out.toString(), "--quiet",
                    "--db", "jdbc:sqlite:" + store);
            assertEquals(ExitCodes.OK, run.code(), "run " + i + ": " + run.stderr());
            assertEquals(2, JSON.readTree(out.resolve("summary.json").toFile()).get("counts").get("articles_read").asInt(),
                    "run " + i);
            assertTrue(Files.size(store) > 0);
        }
    }

    /** A new --jsonl file in /dev/shm (memory) is a file to write, not a stream that must already exist. */
    @Test
    void aNewJsonlFileUnderDevShmIsWritten() throws IOException {
        Path shm = Path.of("/dev/shm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no /dev/shm");
        Path jsonl = shm.resolve("nw-test-" + java.util.UUID.randomUUID() + ".jsonl");
        try {
            Printed run = analyze(twoArticles("in").toString(), "--out", tmp.resolve("out").toString(), "--jsonl",
                    jsonl.toString());
            assertEquals(ExitCodes.OK, run.code(), run.stderr());
            assertEquals(2, Files.readAllLines(jsonl).size());
        } finally {
            Files.deleteIfExists(jsonl);
        }
    }

    /**
     * "-" is standard output for --jsonl (README), so --out - is a usage error rather than a report
     * folder called "-" in the working folder; ./- still names one.
     */
    @Test
    void anOutputFolderNamedDashIsAUsageError() throws IOException {
        Path in = twoArticles("in");
        Printed analyzed = analyze(in.toString(), "--out", "-");
        assertEquals(ExitCodes.USAGE, analyzed.code(), analyzed.stderr());
        assertTrue(analyzed.stderr().contains("--out -: the output folder cannot be standard output (--jsonl - "
                + "streams the records there); to name a file or folder called -, write ./-"), analyzed.stderr());
        Printed reported = Printed.run("report", "--out", "-", "--no-db");
        assertEquals(ExitCodes.USAGE, reported.code(), reported.stderr());
        assertTrue(reported.stderr().contains("--out -: the report folder cannot be standard output"),
                reported.stderr());
        assertFalse(Files.exists(Path.of("-")), "no folder called - in the working folder");
    }

    /**
     * A --jsonl file that is one of the run's own files in the output folder would wipe it out (the
     * SQL store, which keeps articles no later run produces) or be wiped out by it (index.html):
     * a usage error before anything is opened, created or loaded. So is a SQLite store of --db.
     */
    @Test
    void aJsonlFileThatIsOneOfTheRunsOwnFilesIsAUsageErrorAndTouchesNothing() throws IOException {
        Path in = twoArticles("in");
        Path out = tmp.resolve("out");
        Path team = tmp.resolve("team.sqlite");
        assertEquals(ExitCodes.OK, Main.run("analyze", in.toString(), "--out", out.toString(), "--quiet",
                "--db", "embedded", "--db", "jdbc:sqlite:" + team));
        assertTrue(Files.size(out.resolve("narrative-watch.sqlite")) > 0 && Files.size(team) > 0);
        Map<String, byte[]> before = snapshot(out);
        byte[] teamStore = Files.readAllBytes(team);

        for (String own : List.of("narrative-watch.sqlite", "narrative-watch.sqlite-wal", "summary.json",
                "errors.jsonl", "index.html", ".narrative-watch.lock")) {
            Printed run = analyze(in.toString(), "--out", out.toString(), "--jsonl", out.resolve(own).toString());
            assertEquals(ExitCodes.USAGE, run.code(), own + ": " + run.stderr());
            assertTrue(run.stderr().contains("--jsonl " + out.resolve(own) + ": is the run's own " + own
                    + " in the output folder (--out " + out + "); name another file"), run.stderr());
            assertSameFiles(before, snapshot(out));
        }
        List<String> args = new ArrayList<>(List.of("analyze", in.toString(), "--out", out.toString(), "--quiet",
                "--db", "jdbc:sqlite:" + team, "--jsonl", team.toString()));
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = Main.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err),
                args.toArray(String[]::new));
        assertEquals(ExitCodes.USAGE, exit, err.toString());
        assertTrue(err.toString().contains("--jsonl " + team + ": is a file of the SQL store that the run loads "
                + "(--db); name another file"), err.toString());
        assertArrayEquals(teamStore, Files.readAllBytes(team));
        assertSameFiles(before, snapshot(out));
    }

    /**
     * A SQLite store of --db that is one of the run's own files (audit 8a) was opened, so created,
     * before the analysis: errors.jsonl became a database (exit 0), or summary.json failed to open
     * only after the whole analysis (exit 3). It is a usage error that creates nothing, for analyze
     * and report, checked as --jsonl is; the embedded store spelled as a file and another file in
     * the output folder stay fine.
     */
    @Test
    void aDatabaseFileThatIsOneOfTheRunsOwnFilesIsAUsageErrorThatCreatesNothing() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("c2"));
        Files.writeString(in.resolve("story.txt"), "Story title\n\nRussia betrayed Armenia in 2023, and Moscow "
                + "abandoned its allies again and again over the last decade.\n");
        Path out = tmp.resolve("nd5");
        for (String own : List.of("errors.jsonl", "summary.json", "index.html", ".narrative-watch.lock",
                "narrative-watch.sqlite-journal", "articles/story.sqlite")) {
            String url = "jdbc:sqlite:" + out.resolve(own);
            Printed run = Printed.run("analyze", in.toString(), "--out", out.toString(), "--quiet", "--db", url);
            assertEquals(ExitCodes.USAGE, run.code(), own + ": " + run.stderr());
            assertTrue(run.stderr().startsWith("narrative-watch: --db " + url + ": is "), run.stderr());
            assertFalse(Files.exists(out), own + ": a usage error creates nothing");
        }

        Path team = out.resolve("team.sqlite");
        Printed fine = Printed.run("analyze", in.toString(), "--out", out.toString(), "--quiet",
                "--db", "jdbc:sqlite:" + out.resolve("narrative-watch.sqlite"), "--db", "jdbc:sqlite:" + team);
        assertEquals(ExitCodes.OK, fine.code(), fine.stderr());
        assertTrue(Files.size(out.resolve("narrative-watch.sqlite")) > 0 && Files.size(team) > 0);
        assertTrue(Files.readString(out.resolve("summary.json")).startsWith("{"));

        Map<String, byte[]> before = snapshot(out);
        for (String command : List.of("analyze", "report")) {
            List<String> args = new ArrayList<>(List.of(command, "--out", out.toString(), "--quiet",
                    "--db", "jdbc:sqlite:" + out.resolve("summary.json")));
            if (command.equals("analyze")) {
                args.add(1, in.toString());
            }
            Printed run = Printed.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, run.code(), command + ": " + run.stderr());
            assertTrue(run.stderr().contains("--db jdbc:sqlite:" + out.resolve("summary.json") + ": is the run's "
                    + "own summary.json in the output folder (--out " + out + "); name another file"), run.stderr());
            assertSameFiles(before, snapshot(out));
        }
    }

    /** README: the --jsonl file may be in the output folder itself, also on the run that makes it. */
    @Test
    void aJsonlFileInTheOutputFolderIsFineOnTheRunThatMakesIt() throws IOException {
        Path in = twoArticles("in");
        Path out = tmp.resolve("new/out");
        Path jsonl = out.resolve("all.jsonl");
        for (int i = 1; i <= 2; i++) {
            Printed run = analyze(in.toString(), "--out", out.toString(), "--jsonl", jsonl.toString());
            assertEquals(ExitCodes.OK, run.code(), "run " + i + ": " + run.stderr());
            assertEquals(List.of("a", "b"), Files.readAllLines(jsonl).stream().map(InputPathsTest::id).toList(),
                    "run " + i);
        }
        // Not in a folder the run fills inside it, nor in another folder that does not exist.
        for (Path elsewhere : List.of(tmp.resolve("fresh/articles/all.jsonl"), tmp.resolve("none/all.jsonl"))) {
            Printed run = analyze(in.toString(), "--out", tmp.resolve("fresh").toString(), "--jsonl", elsewhere.toString());
            assertEquals(ExitCodes.USAGE, run.code(), elsewhere + ": " + run.stderr());
            assertFalse(Files.exists(tmp.resolve("fresh")), elsewhere + ": a usage error creates nothing");
        }
    }

    private static String id(String jsonLine) {
        try {
            return JSON.readTree(jsonLine).path("id").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A re-run removes the records of earlier runs whose article is gone, and nothing else: a file
     * in DIR/articles that is no record of this tool, or a record under another name than its id,
     * is named on stderr and kept.
     */
    @Test
    void onlyRecordsOfEarlierRunsAreRemovedFromTheRecordsFolder() throws IOException {
        Path in = twoArticles("in");
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.OK, analyze(in.toString(), "--out", out.toString()).code());
        Path articles = out.resolve("articles");
        Path precious = Files.writeString(articles.resolve("precious.json"), "{\"my\":\"precious\"}\n");
        Path copy = Files.copy(articles.resolve("b.json"), articles.resolve("b-copy.json"));

        Files.delete(in.resolve("b.txt"));
        Printed run = analyze(in.toString(), "--out", out.toString());
        assertFalse(Files.exists(articles.resolve("b.json")), "the record of the removed article is stale");
        assertTrue(Files.exists(precious) && Files.exists(copy), "files the tool did not write are kept");
        assertTrue(run.stderr().contains(precious + ": not a record of an earlier run, so left in place: record has "
                + "no schema_version"), run.stderr());
        assertTrue(run.stderr().contains(copy + ": not a record of an earlier run, so left in place: its id is b"),
                run.stderr());
        // The reports name both as no article and leave them out, so they count what summary.json does:
        // exit code 1, nothing hidden.
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, run.code(), run.stderr());
        assertTrue(run.stderr().contains("report: skipping unreadable " + copy + ": its id is b"), run.stderr());
        assertEquals(1, JSON.readTree(out.resolve("summary.json").toFile()).get("counts").get("articles_read").asInt());
        JsonNode totals = JSON.readTree(out.resolve("aggregates/report.json").toFile()).get("totals");
        assertEquals(List.of(1, 2), List.of(totals.get("articles").asInt(), totals.get("unreadable_files").asInt()));
    }

    /**
     * An input named twice, under another name, or inside a folder also named is read once, with a
     * message; a hidden file named inside a named folder is still read (the folder skips it).
     */
    @Test
    void anInputNamedMoreThanOnceIsReadOnce() throws IOException {
        Path in = twoArticles("in");
        Path hidden = Files.writeString(in.resolve(".hidden.txt"), "Riga talks\n\nLatvia said on Monday that it "
                + "would join the talks.\n");
        Path out = tmp.resolve("out");
        Printed run = analyze(in.toString(), in.resolve("a.txt").toString(), in + "/./", hidden.toString(),
                in.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.code(), run.stderr());
        JsonNode counts = JSON.readTree(out.resolve("summary.json").toFile()).get("counts");
        assertEquals(3, counts.get("articles_read").asInt(), run.stderr());
        try (Stream<Path> records = Files.list(out.resolve("articles"))) {
            List<String> names = records.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(3, names.size(), names.toString());
            assertTrue(names.get(2).startsWith("hidden"), names.toString()); // its id may not start with "."
        }
        assertTrue(run.stderr().contains(in.resolve("a.txt") + ": inside the folder " + in + ", which is also an "
                + "INPUT; read once"), run.stderr());
        assertEquals(2, run.stderr().lines().filter(l -> l.contains(": the same as the INPUT " + in + " before it; "
                + "read once")).count(), run.stderr());
        assertFalse(run.stderr().contains(hidden.toString()), run.stderr());

        // A scraped file's name may hold terminal escapes (audit 12a): the message shows them escaped.
        Path escaping = Files.writeString(in.resolve("e\u001b]0;PWNED\u0007\u001b[31mvil.txt"), "Riga talks\n\nLatvia "
                + "said on Monday that it would join the talks.\n");
        run = analyze(in.toString(), escaping.toString(), "--out", tmp.resolve("out-escape").toString());
        assertEquals(ExitCodes.OK, run.code(), run.stderr());
        assertTrue(run.stderr().contains(in + "/e\\u001b]0;PWNED\\u0007\\u001b[31mvil.txt: inside the folder " + in),
                run.stderr());
        assertFalse(run.stderr().contains("\u001b"), run.stderr());
    }

    @Test
    void standardInputNamedTwiceIsAUsageError() {
        java.io.InputStream stdin = System.in;
        Printed run;
        try {
            System.setIn(new java.io.ByteArrayInputStream("Moscow talks\n\nThe Kremlin said so.\n"
                    .getBytes(StandardCharsets.UTF_8)));
            run = analyze("-", "-", "--out", tmp.resolve("out").toString());
        } finally {
            System.setIn(stdin);
        }
        assertEquals(ExitCodes.USAGE, run.code(), run.stderr());
        assertTrue(run.stderr().contains("standard input (-) is named 2 times"), run.stderr());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aFieldMappedToTwoCsvColumnsIsAUsageErrorNamingBoth() throws IOException {
        Path in = twoArticles("in");
        Printed run = analyze(in.toString(), "--csv-column", "text=body", "--csv-column=title=headline",
                "--csv-column=text=summary", "--out", tmp.resolve("out").toString());
        assertEquals(ExitCodes.USAGE, run.code(), run.stderr());
        assertTrue(run.stderr().contains("--csv-column maps the field \"text\" twice, to \"body\" and to \"summary\""),
                run.stderr());
        assertTrue(run.stderr().contains("Try 'narrative-watch analyze --help'"), run.stderr());
        assertFalse(Files.exists(tmp.resolve("out")));
        // the same mapping twice is no conflict, also in another case, as columns are matched ignoring case
        assertEquals(ExitCodes.OK, analyze(in.toString(), "--csv-column", "text=body", "--csv-column", "text=Body",
                "--out", tmp.resolve("out").toString()).code());
    }

    /** As for analyze (README, exit codes): a mistyped INPUT of train-tagger is a usage error, not a fatal one. */
    @Test
    void aTrainTaggerInputThatDoesNotExistIsAUsageError() {
        java.io.StringWriter err = new java.io.StringWriter();
        Path model = tmp.resolve("tagger.bin.gz");
        int exit = Main.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err),
                "train-tagger", "--out", model.toString(), tmp.resolve("nonexistent").toString());
        assertEquals(ExitCodes.USAGE, exit, err.toString());
        assertTrue(err.toString().contains(tmp.resolve("nonexistent") + ": no such file or directory"), err.toString());
        assertTrue(err.toString().contains("Try 'narrative-watch train-tagger --help' for more information."),
                err.toString());
        assertFalse(Files.exists(model));
    }

    /**
     * train-tagger --out naming one of its own articles, or a file in an INPUT folder, would replace
     * the article with the gzip model (or have the next run read the model as an article): a usage
     * error before CoreNLP loads, the article stays whole. So are a folder (once reported as a hidden
     * temporary file the user never named), "-", and a folder that does not exist. A file elsewhere works.
     */
    @Test
    void aTrainTaggerModelThatWouldReplaceAnInputIsAUsageError() throws IOException {
        Path in = twoArticles("in");
        Path article = in.resolve("b.txt");
        byte[] articleBytes = Files.readAllBytes(article);
        Map<List<String>, String> refused = new java.util.LinkedHashMap<>();
        refused.put(List.of("--out", article.toString(), in.toString()),
                "--out " + article + ": lies in " + in + " (INPUT), a folder whose files this command reads; "
                        + "name a file outside it");
        refused.put(List.of("--out", article.toString(), article.toString()),
                "--out " + article + ": is read by this command (INPUT " + article + "); name a file it does not read");
        refused.put(List.of("--out", in.resolve("tagger.bin.gz").toString(), in.toString()),
                "--out " + in.resolve("tagger.bin.gz") + ": lies in " + in + " (INPUT)");
        refused.put(List.of("--out", tmp.toString(), article.toString()), "--out " + tmp + ": is a folder; name a file");
        refused.put(List.of("--out", "-", article.toString()), "--out -: the model is a binary file, not written to "
                + "standard output; to name a file or folder called -, write ./-");
        refused.put(List.of("--out", tmp.resolve("none/tagger.bin.gz").toString(), article.toString()),
                "--out " + tmp.resolve("none/tagger.bin.gz") + ": no such folder " + tmp.resolve("none"));
        for (Map.Entry<List<String>, String> args : refused.entrySet()) {
            List<String> all = new ArrayList<>(List.of("train-tagger"));
            all.addAll(args.getKey());
            Printed run = Printed.run(all.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, run.code(), args.getKey() + ": " + run.stderr());
            assertTrue(run.stderr().contains(args.getValue()), args.getKey() + ": " + run.stderr());
            assertFalse(run.stderr().contains(".tmp"), run.stderr());
        }
        assertArrayEquals(articleBytes, Files.readAllBytes(article));
        assertEquals(java.util.Set.of("a.txt", "b.txt"), snapshot(in).keySet(), "nothing written into the input folder");
        assertFalse(Files.exists(tmp.resolve("none")) || Files.exists(Path.of("-")));

        Path model = tmp.resolve("tagger.bin.gz");
        Printed trained = Printed.run("train-tagger", "--out", model.toString(), in.toString());
        assertEquals(ExitCodes.OK, trained.code(), trained.stderr());
        byte[] gzip = Files.readAllBytes(model);
        assertEquals(0x1f, gzip[0] & 0xff, "a gzip file");
        assertEquals(0x8b, gzip[1] & 0xff, "a gzip file");
    }

    /**
     * train-tagger names a bad line as analyze does, {@code file:line: reason} (the audit's folder),
     * and shows control characters in a file name as escapes: a name could otherwise clear the
     * screen or forge a message line. The good articles are still trained on.
     */
    @Test
    void trainTaggerNamesTheBadLineAndEscapesFileNames() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("tg"));
        Files.writeString(in.resolve("a.jsonl"), "{\"text\":\"Russia betrayed Armenia in 2023. The Kremlin abandoned "
                + "its CSTO ally.\"}\n{\"text\":\"broken\n{\"text\":\"Moscow left Yerevan alone.\"}\n{\"text\":\"\"}\n");
        Files.writeString(in.resolve("b.csv"), "id,text\nr1,\"Russia betrayed Armenia.\"\nr2\n");
        Files.writeString(in.resolve("evil\u001b[2J\u001b[31mRED\nfake line.txt"), "");
        Printed run = Printed.run("train-tagger", "--out", tmp.resolve("t.bin").toString(), in.toString());
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, run.code(), run.stderr());
        for (String message : List.of(in.resolve("a.jsonl") + ":2: malformed JSON at column 16",
                in.resolve("a.jsonl") + ":4: \"text\" is empty", in.resolve("b.csv") + ":3: row has 1 cells",
                in.resolve("evil") + "\\u001b[2J\\u001b[31mRED\\u000afake line.txt: empty")) {
            assertTrue(run.stderr().contains("narrative-watch: " + message), message + " in " + run.stderr());
        }
        assertFalse(run.stderr().contains("\u001b"), "raw escape character on stderr");
        assertTrue(run.stderr().contains("trained on 4 sentences"), run.stderr());
    }

    /**
     * A usage or fatal error echoes the path it is about, which may hold control characters: they
     * are shown as escapes there too. A catalog's problems keep one line each.
     */
    @Test
    void usageAndFatalErrorsEscapeControlCharactersInPaths() {
        Printed usage = analyze("no\u001b[31msuch", "--out", tmp.resolve("out").toString());
        assertEquals(ExitCodes.USAGE, usage.code(), usage.stderr());
        assertTrue(usage.stderr().contains("narrative-watch: no\\u001b[31msuch: no such file or directory"),
                usage.stderr());
        Printed fatal = Printed.run("entities", "validate", "--entities", tmp.resolve("g\u001b[31m\n.yaml").toString());
        assertEquals(ExitCodes.FATAL, fatal.code(), fatal.stderr());
        assertEquals("narrative-watch: cannot use " + tmp.resolve("g") + "\\u001b[31m\\u000a.yaml: no such file"
                + System.lineSeparator(), fatal.stderr());
    }

    /**
     * A file option that names a folder (the audit's cfg) is a usage error naming the option and the
     * path, before anything loads; a file there still works.
     */
    @Test
    void aFileOptionNamingAFolderIsAUsageErrorNamingOptionAndPath() throws IOException {
        Path cfg = Files.createDirectories(tmp.resolve("cfg"));
        Path in = twoArticles("in");
        Map<List<String>, String> refused = new java.util.LinkedHashMap<>();
        refused.put(List.of("analyze", in.toString(), "--out", tmp.resolve("od").toString(), "--entities", cfg.toString()),
                "--entities");
        refused.put(List.of("analyze", in.toString(), "--out", tmp.resolve("od").toString(), "--boilerplate",
                cfg.toString()), "--boilerplate");
        refused.put(List.of("entities", "validate", "--entities", cfg.toString()), "--entities");
        refused.put(List.of("entities", "list", "--entities", cfg.toString()), "--entities");
        refused.put(List.of("narratives", "test", "--boilerplate", cfg.toString()), "--boilerplate");
        refused.put(List.of("evaluate", "entities", "--gold", cfg.toString(), "--articles", in.toString()), "--gold");
        refused.put(List.of("evaluate", "narratives", "--gold", cfg.toString(), "--to", "2018-12-31"), "--gold");
        for (Map.Entry<List<String>, String> args : refused.entrySet()) {
            Printed run = Printed.run(args.getKey().toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, run.code(), args.getKey() + ": " + run.stderr());
            assertTrue(run.stderr().contains("narrative-watch: Invalid value for option '" + args.getValue() + "': "
                    + cfg + " is a folder, not a file"), args.getKey() + ": " + run.stderr());
        }
        assertFalse(Files.exists(tmp.resolve("od")), "nothing written");
        Printed file = Printed.run("entities", "validate", "--entities", "models/entities.yaml");
        assertEquals(ExitCodes.OK, file.code(), file.stderr());
    }

    @Test
    void aCsvColumnMappingForAnUnknownFieldIsAUsageErrorListingTheFields() throws IOException {
        Path in = twoArticles("in");
        Printed run = analyze(in.toString(), "--csv-column", "bogus=x", "--out", tmp.resolve("out").toString());
        assertEquals(ExitCodes.USAGE, run.code(), run.stderr());
        assertTrue(run.stderr().contains("unknown field \"bogus\"; the fields are id, title, text, url, source, "
                + "published, language"), run.stderr());
        assertFalse(Files.exists(tmp.resolve("out")));
    }
}
