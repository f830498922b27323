package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    /** Exit code and what went to stderr. */
    private record Run(int exit, String stderr) {
    }

    private static Run analyze(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            String[] all = new String[args.length + 3];
            all[0] = "analyze";
            System.arraycopy(args, 0, all, 1, args.length);
            all[args.length + 1] = "--quiet";
            all[args.length + 2] = "--no-db";
            exit = Main.run(all);
        } finally {
            System.setErr(saved);
        }
        return new Run(exit, err.toString(StandardCharsets.UTF_8));
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
        assertEquals(ExitCodes.OK, analyze(in.toString(), "--out", out.toString()).exit());
        assertTrue(Files.exists(out.resolve("articles/a.json")) && Files.exists(out.resolve(".cache/a.layers")));
        Map<String, byte[]> before = snapshot(out);

        String typo = in.resolve("typo.txt").toString();
        Run run = analyze(typo, "--out", out.toString());
        assertEquals(ExitCodes.USAGE, run.exit(), run.stderr());
        assertTrue(run.stderr().contains(typo + ": no such file or directory"), run.stderr());
        assertSameFiles(before, snapshot(out));

        // Among good inputs too: nothing is analysed, nothing removed.
        run = analyze(in.toString(), typo, "--out", out.toString());
        assertEquals(ExitCodes.USAGE, run.exit(), run.stderr());
        assertSameFiles(before, snapshot(out));
    }

    @Test
    void theMissingDefaultInputIsAUsageErrorAndTouchesNothing() throws Exception {
        Path in = twoArticles("in");
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.OK, analyze(in.toString(), "--out", out.toString()).exit());
        Map<String, byte[]> before = snapshot(out);
        // The default INPUT is ./corpus: run where there is none.
        Path elsewhere = Files.createDirectories(tmp.resolve("no-corpus-here"));
        Path log = tmp.resolve("run.log");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath(), Main.class.getName(), "analyze", "--out", out.toString(), "--quiet", "--no-db")
                .directory(elsewhere.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = run.waitFor();
        String output = Files.readString(log);
        assertEquals(ExitCodes.USAGE, exit, output);
        assertTrue(output.contains("corpus: no such file or directory (the default INPUT"), output);
        assertSameFiles(before, snapshot(out));
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
        assertEquals(ExitCodes.OK, analyze(in.toString(), "--out", out.toString()).exit());
        byte[] record = Files.readAllBytes(out.resolve("articles/a.json"));
        byte[] layers = Files.readAllBytes(out.resolve(".cache/a.layers"));

        // a.txt now fails on every read (for root too): what it holds is unknown, so its record stays.
        Files.delete(in.resolve("a.txt"));
        Files.createSymbolicLink(in.resolve("a.txt"), Path.of("/proc/self/mem"));
        Run run = analyze(in.toString(), "--out", out.toString());
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, run.exit(), run.stderr());
        assertTrue(run.stderr().contains("a.txt: cannot read"), run.stderr());
        assertTrue(run.stderr().contains("1 record of earlier runs in " + out.resolve("articles")), run.stderr());
        assertTrue(run.stderr().contains("kept, not removed"), run.stderr());
        assertArrayEquals(record, Files.readAllBytes(out.resolve("articles/a.json")));
        assertArrayEquals(layers, Files.readAllBytes(out.resolve(".cache/a.layers")));
        assertTrue(Files.exists(out.resolve("articles/b.json")));

        // Once every input reads again, a record whose article is gone is removed as before.
        Files.delete(in.resolve("a.txt"));
        run = analyze(in.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
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
        assertEquals(ExitCodes.OK, analyze(in.toString(), "--out", out.toString()).exit());
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("---------"));
        try {
            Run run = analyze(in.toString(), "--out", out.toString());
            assertEquals(ExitCodes.SOME_INPUTS_FAILED, run.exit(), run.stderr());
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
            Run run = analyze(in.toString(), "--out", out.toString());
            assertEquals(ExitCodes.OK, run.exit(), "run " + i + ": " + run.stderr());
            assertEquals(2, JSON.readTree(out.resolve("summary.json").toFile()).get("counts").get("articles_read").asInt(),
                    "run " + i);
            try (Stream<Path> records = Files.list(out.resolve("articles"))) {
                assertEquals(List.of("a.json", "b.json"), records.map(p -> p.getFileName().toString()).sorted().toList());
            }
        }
        // Nor is the --jsonl file, when it is written into the input folder.
        Path jsonl = in.resolve("all.jsonl");
        for (int i = 1; i <= 2; i++) {
            Run run = analyze(in.toString(), "--out", out.toString(), "--jsonl", jsonl.toString());
            assertEquals(ExitCodes.OK, run.exit(), "--jsonl run " + i + ": " + run.stderr());
            assertEquals(2, Files.readAllLines(jsonl).size(), "--jsonl run " + i);
        }
        // Named as input, the output folder (or anything in it) is a usage error.
        Map<String, byte[]> before = snapshot(out);
        Run run = analyze(out.resolve("articles").toString(), "--out", out.toString());
        assertEquals(ExitCodes.USAGE, run.exit(), run.stderr());
        assertTrue(run.stderr().contains("is the output folder"), run.stderr());
        assertSameFiles(before, snapshot(out));
    }

    @Test
    void standardInputNamedTwiceIsAUsageError() {
        java.io.InputStream stdin = System.in;
        Run run;
        try {
            System.setIn(new java.io.ByteArrayInputStream("Moscow talks\n\nThe Kremlin said so.\n"
                    .getBytes(StandardCharsets.UTF_8)));
            run = analyze("-", "-", "--out", tmp.resolve("out").toString());
        } finally {
            System.setIn(stdin);
        }
        assertEquals(ExitCodes.USAGE, run.exit(), run.stderr());
        assertTrue(run.stderr().contains("standard input (-) is named 2 times"), run.stderr());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aFieldMappedToTwoCsvColumnsIsAUsageErrorNamingBoth() throws IOException {
        Path in = twoArticles("in");
        Run run = analyze(in.toString(), "--csv-column", "text=body", "--csv-column=title=headline",
                "--csv-column=text=summary", "--out", tmp.resolve("out").toString());
        assertEquals(ExitCodes.USAGE, run.exit(), run.stderr());
        assertTrue(run.stderr().contains("--csv-column maps the field \"text\" twice, to \"body\" and to \"summary\""),
                run.stderr());
        assertTrue(run.stderr().contains("Try 'narrative-watch analyze --help'"), run.stderr());
        assertFalse(Files.exists(tmp.resolve("out")));
        // the same mapping twice is no conflict
        assertEquals(ExitCodes.OK, analyze(in.toString(), "--csv-column", "text=body", "--csv-column", "text=body",
                "--out", tmp.resolve("out").toString()).exit());
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

    @Test
    void aCsvColumnMappingForAnUnknownFieldIsAUsageErrorListingTheFields() throws IOException {
        Path in = twoArticles("in");
        Run run = analyze(in.toString(), "--csv-column", "bogus=x", "--out", tmp.resolve("out").toString());
        assertEquals(ExitCodes.USAGE, run.exit(), run.stderr());
        assertTrue(run.stderr().contains("unknown field \"bogus\"; the fields are id, title, text, url, source, "
                + "published, language"), run.stderr());
        assertFalse(Files.exists(tmp.resolve("out")));
    }
}
