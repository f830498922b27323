package org.narrativewatch.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.output.AtomicFiles;

/**
 * Runs the command line as a separate process over 120 PTC articles and a few bad inputs:
 * killed with SIGKILL half-way and run again, it leaves exactly the bytes of a clean run; and
 * one thread or two give the same bytes. Only summary.json may differ, in its timestamps,
 * timings and thread count.
 */
class CrashSafetyTest {
    /** Files that record the run itself (its time), not its results. */
    private static final java.util.Set<String> RUN_RECORDS =
            java.util.Set.of("aggregates/run-info.json", "narrative-watch.sqlite");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ARTICLES = 120;
    /** AtomicFileSet's test hook. */
    private static final String HALT_PROPERTY = "narrative-watch.test.halt-at-commit-step";

    @TempDir
    static Path tmp;
    static Path corpus;
    static Path clean;
    static String killedLog;

    @BeforeAll
    static void buildCorpusAndCleanRun() throws Exception {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        Path ptc = Path.of(System.getProperty("nw.shared", "../shared"), "data/ptc/articles");
        try (Stream<Path> files = Files.list(ptc)) {
            for (Path f : files.sorted().limit(ARTICLES).toList()) {
                Files.copy(f, corpus.resolve(f.getFileName()));
            }
        }
        Files.write(corpus.resolve("empty.txt"), new byte[0]);
        Files.write(corpus.resolve("latin1.txt"), "Caf\u00e9 in Moscow".getBytes("ISO-8859-1"));
        Files.writeString(corpus.resolve("lines.jsonl"), "{\"id\":\"j1\",\"text\":\"Moscow denied the report.\"}\n"
                + "{broken\n{\"id\":\"j3\",\"text\":\"Riga said nothing.\"}\n");
        clean = tmp.resolve("clean");
        assertEquals(1, analyze(clean, "2").waitFor(), "clean run: some inputs failed, exit code 1");
    }

    /** Starts {@code narrative-watch analyze} on the corpus in a new JVM, as an analyst would. */
    private static Process analyze(Path out, String threads) throws IOException {
        return start(tmp.resolve(out.getFileName() + ".log"), "analyze", corpus.toString(), "--out", out.toString(),
                "--jsonl", out + ".jsonl", "--threads", threads, "--no-ner", "--quiet");
    }

    /** Starts a narrative-watch command in a new JVM; its stdout and stderr go to {@code log}. */
    private static Process start(Path log, String... args) throws IOException {
        return start(log, -1, args);
    }

    /**
     * Starts a narrative-watch command in a new JVM that halts as {@code kill -9} would before step
     * {@code haltAt} of putting its reports in place (-1: never).
     */
    private static Process start(Path log, int haltAt, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx2g", "-D" + HALT_PROPERTY + "=" + haltAt, "-cp", System.getProperty("java.class.path"),
                "org.narrativewatch.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * The audit's case: an article is removed from the corpus, and the run that follows is killed once
     * everything but the reports' commit is done (the SQL store loaded, every report file written
     * beside the previous ones). The previous run's bulk files and state are left, so the same command
     * run again writes the delete of the removed article, as one clean run does: the bytes of one
     * clean run. (When the bulk files were renamed as soon as they were written, the run again
     * compared with files never loaded, and the delete was in no file.)
     */
    @Test
    void analyzeKilledJustBeforeItsReportsArePutInPlaceLeavesThePreviousOnes() throws Exception {
        Path smaller = Files.createDirectories(tmp.resolve("corpus-less-one"));
        List<Path> files;
        try (Stream<Path> all = Files.list(corpus)) {
            files = all.sorted().toList();
        }
        Path removed = files.get(0);
        for (Path f : files.subList(1, files.size())) {
            Files.copy(f, smaller.resolve(f.getFileName()));
        }
        Path reference = copyOf(clean, "less-one-clean");
        Path killed = copyOf(clean, "less-one-killed");
        assertEquals(1, analyzeInto(smaller, reference, -1).waitFor(), "clean second run");
        assertEquals(137, analyzeInto(smaller, killed, 0).waitFor(), "halted before its commit");
        assertArrayEquals(Files.readAllBytes(clean.resolve("elasticsearch/bulk-0001.ndjson")),
                Files.readAllBytes(killed.resolve("elasticsearch/bulk-0001.ndjson")), "the previous bulk file is left");
        assertEquals(1, analyzeInto(smaller, killed, -1).waitFor(), "run again");
        String id = removed.getFileName().toString().replaceFirst("\\.txt$", "");
        assertTrue(Files.readString(reference.resolve("elasticsearch/bulk-0001.ndjson")).contains(
                "{\"delete\":{\"_index\":\"narrative-watch-articles\",\"_id\":\"" + id + "\"}}"), id);
        assertSameOutputs(reference, killed, false);
    }

    private static Process analyzeInto(Path input, Path out, int haltAt) throws IOException {
        return start(tmp.resolve(out.getFileName() + "-" + haltAt + ".log"), haltAt, "analyze", input.toString(),
                "--out", out.toString(), "--jsonl", out + ".jsonl", "--threads", "2", "--no-ner", "--quiet");
    }

    /**
     * A report killed before any step of putting its files in place (writing the journal, setting
     * each previous file aside, moving each new one in, removing a surplus bulk part and list page,
     * deleting the journal), then run again, gives the bytes of one clean run: the deletes of the
     * removed article and of the surplus part's document included. A step past the last one is never
     * reached: the run ends normally.
     */
    @Test
    void reportKilledAtEachStepOfItsCommitThenRunAgainGivesTheBytesOfACleanRun() throws Exception {
        // Twelve records, as a completed run left them, then one removed: 80 short runs, not 80 long ones.
        Path before = copyOf(clean, "report-before");
        Files.delete(before.resolve("narrative-watch.sqlite"));
        List<Path> records;
        try (Stream<Path> all = Files.list(before.resolve("articles"))) {
            records = all.sorted().toList();
        }
        for (Path record : records.subList(12, records.size())) {
            Files.delete(record);
        }
        assertEquals(0, report(before, -1).waitFor());
        Files.delete(records.get(0));
        // As an earlier, larger run left them: a second bulk part (its document is gone now) and list page.
        Files.writeString(before.resolve("elasticsearch/bulk-0002.ndjson"),
                "{\"index\":{\"_index\":\"narrative-watch-articles\",\"_id\":\"zz-gone\"}}\n{\"id\":\"zz-gone\"}\n");
        Files.copy(before.resolve("html/list-0001.html"), before.resolve("html/list-0002.html"));
        Path reference = copyOf(before, "report-clean");
        assertEquals(0, report(reference, -1).waitFor());
        String bulk = Files.readString(reference.resolve("elasticsearch/bulk-0001.ndjson"));
        assertTrue(bulk.contains("\"_id\":\"zz-gone\""), "the surplus part's document is deleted");
        assertTrue(Files.notExists(reference.resolve("elasticsearch/bulk-0002.ndjson")));

        int steps = 0;
        while (true) {
            Path killed = copyOf(before, "report-killed-" + steps);
            int exit = report(killed, steps).waitFor();
            if (exit == 0) {
                break;
            }
            assertEquals(137, exit, "halted before step " + steps);
            assertEquals(0, report(killed, -1).waitFor(), "run again after a halt before step " + steps);
            assertSameOutputs(reference, killed, false);
            steps++;
        }
        System.out.println("report killed before each of the " + steps + " steps of its commit, then run again");
        assertTrue(steps > 20, steps + " steps: the journal, two per report file replaced, the removals");
    }

    private static Process report(Path out, int haltAt) throws IOException {
        return start(tmp.resolve(out.getFileName() + "-" + haltAt + ".log"), haltAt, "report", "--out", out.toString(),
                "--no-db", "--quiet");
    }

    /** A copy of the output folder {@code dir} and of its --jsonl file, as {@code name} beside it. */
    private static Path copyOf(Path dir, String name) throws IOException {
        Path copy = tmp.resolve(name);
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.toList()) {
                Path to = copy.resolve(dir.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else if (!f.getFileName().toString().equals(".narrative-watch.lock")) {
                    Files.copy(f, to);
                }
            }
        }
        Files.copy(Path.of(dir + ".jsonl"), Path.of(copy + ".jsonl"));
        return copy;
    }

    /**
     * Killed half-way, a run leaves every earlier output whole, the --jsonl file too; run again, it
     * removes the temporary files of the killed run, the report folders' and the --jsonl file's
     * included, and leaves the bytes of a clean run.
     */
    @Test
    void killedMidRunThenRunAgainGivesTheBytesOfACleanRun() throws Exception {
        Path out = tmp.resolve("killed");
        Path jsonl = Path.of(out + ".jsonl");
        byte[] earlierJsonl = Files.readAllBytes(Path.of(clean + ".jsonl"));
        Files.write(jsonl, earlierJsonl); // as a complete earlier run left it
        Process first = analyze(out, "2");
        Path articles = out.resolve("articles");
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (count(articles) < ARTICLES / 3 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(first.isAlive(), "the run ended before it could be killed half-way");
        assertEquals(0, new ProcessBuilder("kill", "-KILL", Long.toString(first.pid())).start().waitFor());
        assertEquals(137, first.waitFor(), "killed by SIGKILL");
        assertArrayEquals(earlierJsonl, Files.readAllBytes(jsonl), "the --jsonl file is replaced only when a run ends");
        assertEquals(1, jsonlLeftovers().size(), "the killed run's --jsonl file, under its temporary name");
        // Killed in the report step, a run leaves temporary files in the report folders as well.
        for (String dir : List.of("csv", "aggregates", "html", "html/articles", "elasticsearch")) {
            AtomicFiles.temporaryFor(out.resolve(dir).resolve("left-by-a-killed-report"));
        }
        long writtenBeforeKill = count(articles);
        assertTrue(writtenBeforeKill < ARTICLES, "killed after " + writtenBeforeKill + " articles");
        List<Path> left = files(out);
        System.out.println("kill -9 after " + writtenBeforeKill + " of " + ARTICLES + " article files; left behind: "
                + left.stream().filter(f -> f.getFileName().toString().endsWith(".tmp")).count() + " temporary files, "
                + (left.contains(Path.of(AnalyzeJob.ERRORS_FILE)) ? "an" : "no") + " errors.jsonl, "
                + (left.contains(Path.of(AnalyzeJob.SUMMARY_FILE)) ? "a" : "no") + " summary.json");

        assertEquals(1, analyze(out, "2").waitFor(), "rerun");
        assertSameOutputs(clean, out, false);
        assertEquals(List.of(), jsonlLeftovers());
    }

    /**
     * While a run writes into its folder, a second analyze (of other articles) and a report into the
     * same folder stop at once, with exit code 3 and a message naming the folder, and touch nothing:
     * the first run ends as a clean run does, byte for byte. (Without the lock, the second run
     * deleted the first one's temporary files as a killed run's leftovers, and the first failed at
     * its end, its records pruned as stale.)
     */
    @Test
    void aSecondCommandIntoTheFolderOfARunningOneStopsAtOnceAndTouchesNothing() throws Exception {
        Path out = tmp.resolve("held");
        Process first = analyze(out, "2");
        Path articles = out.resolve("articles");
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (count(articles) == 0 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Path other = Files.createDirectories(tmp.resolve("other-articles"));
        Files.writeString(other.resolve("riga.txt"), "Riga talks\n\nLatvia said on Monday that it would join the "
                + "talks in Istanbul.\n");
        Path analyzeLog = tmp.resolve("second-analyze.log");
        Path reportLog = tmp.resolve("second-report.log");
        Process analyze = start(analyzeLog, "analyze", other.toString(), "--out", out.toString(), "--quiet");
        Process report = start(reportLog, "report", "--out", out.toString(), "--quiet");
        for (Process second : List.of(analyze, report)) {
            assertTrue(second.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the second command waited");
        }
        assertTrue(first.isAlive(), "the first run ended before the second commands did: nothing was tested");
        for (Path log : List.of(analyzeLog, reportLog)) {
            String said = Files.readString(log);
            assertTrue(said.contains("narrative-watch: " + out + ": another narrative-watch command is writing into "
                    + "this folder (it holds " + out.resolve(".narrative-watch.lock") + ")"), said);
        }
        assertEquals(List.of(3, 3), List.of(analyze.exitValue(), report.exitValue()));

        assertEquals(1, first.waitFor(), "the first run: some inputs failed, exit code 1, as the clean run");
        assertSameOutputs(clean, out, false);
    }

    /** Temporary files of the killed run's --jsonl file, beside it. */
    private static List<Path> jsonlLeftovers() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".killed.jsonl.")).toList();
        }
    }

    @Test
    void oneThreadOrTwoGiveTheSameBytes() throws Exception {
        Path single = tmp.resolve("single");
        assertEquals(1, analyze(single, "1").waitFor());
        assertSameOutputs(clean, single, true);
    }

    private static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
        }
    }

    private static void assertSameOutputs(Path expected, Path actual, boolean threadsDiffer) throws IOException {
        List<Path> expectedFiles = files(expected);
        assertEquals(new TreeSet<>(expectedFiles), new TreeSet<>(files(actual)), "same file names, no leftovers");
        assertTrue(expectedFiles.size() > 30, expectedFiles.size() + " files: a run's outputs");
        for (Path f : expectedFiles) {
            if (f.toString().equals(AnalyzeJob.SUMMARY_FILE)) {
                assertEquals(stable(expected.resolve(f), threadsDiffer), stable(actual.resolve(f), threadsDiffer));
            } else if (RUN_RECORDS.contains(f.toString())) {
                continue; // when each run happened: the report's run-info and the SQL store's runs table
            } else {
                assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)),
                        f.toString());
            }
        }
        assertArrayEquals(Files.readAllBytes(Path.of(expected + ".jsonl")), Files.readAllBytes(Path.of(actual + ".jsonl")),
                "--jsonl stream");
    }

    /** Every file under dir, relative to it, hidden temporary files included. */
    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return new ArrayList<>(all.filter(Files::isRegularFile).map(dir::relativize).sorted().toList());
        }
    }

    /** summary.json without what may differ between runs: when it ran, how fast, with how many threads, what it reused. */
    private static ObjectNode stable(Path summary, boolean threadsDiffer) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(summary.toFile());
        root.remove(List.of("started_at", "finished_at", "timings"));
        // How much an earlier (killed) run's work was reused says how the run went, not what it produced.
        ((ObjectNode) root.get("counts")).remove(List.of("articles_reused", "articles_partly_reused"));
        if (threadsDiffer) {
            root.remove("threads");
        }
        return root;
    }
}
