package org.narrativewatch.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.Printed;

/** The run-level limits: a per-article time budget, and a corpus of very many tiny articles in one file. */
class LimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Good lines of the many-articles test (a smaller number for a quick run: -Dnw.manyArticles=20000). */
    private static final int MANY = Integer.getInteger("nw.manyArticles", 1_000_000);
    /** Heap of the JVM that runs the many-articles test. */
    private static final int HEAP_MB = 512;

    @TempDir
    Path tmp;

    @Test
    void oneSlowArticleCostsItsBudgetNotTheRun() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        // 300 KB of quote marks in runs just short of the unbroken-run limit: CoreNLP's tokenizer
        // needs seconds for it (quadratic in each run) and never checks for interrupts, so the
        // worker is stuck for real and cannot be stopped.
        Files.writeString(corpus.resolve("a-slow.txt"), "Wall of quotes\n\n" + ("\"".repeat(199) + " ").repeat(1500));
        for (String name : List.of("b-first.txt", "c-second.txt", "d-third.txt")) {
            Files.writeString(corpus.resolve(name), "Quick note\n\nMoscow denied the report on Tuesday.\n");
        }
        Path out = tmp.resolve("out");

        int exit = Main.run("analyze", corpus.toString(), "--out", out.toString(), "--threads", "1",
                "--article-timeout", "1", "--no-ner", "--quiet");

        assertEquals(ExitCodes.SOME_INPUTS_FAILED, exit);
        List<String> errors = Files.readAllLines(out.resolve("errors.jsonl"));
        assertEquals(1, errors.size(), errors.toString());
        JsonNode error = JSON.readTree(errors.get(0));
        assertTrue(error.get("file").asText().endsWith("a-slow.txt"), error.toString());
        assertTrue(error.get("reason").asText().contains("per-article time budget of 1 s"), error.toString());
        for (String id : List.of("b-first", "c-second", "d-third")) {
            assertTrue(Files.exists(out.resolve("articles/" + id + ".json")), id);
        }
        // With one thread, the articles after the slow one ran on a replacement worker while the
        // stuck one was still tokenizing; the run did not wait for it.
        boolean stillTokenizing = Thread.getAllStackTraces().entrySet().stream()
                .anyMatch(e -> e.getKey().getName().equals("nw-worker") && Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().startsWith("edu.stanford.nlp.process")));
        assertTrue(stillTokenizing, "the slow article's worker should still be busy after the run");
        assertEquals(1, JSON.readTree(out.resolve("summary.json").toFile()).get("article_timeout_seconds").asInt());
    }

    /**
     * A budget beyond a day is no budget but a mistyped 0 or a unit mix-up, and in nanoseconds it
     * overflowed once the run had read everything: a usage error before any work.
     */
    @Test
    void anAbsurdArticleTimeoutIsAUsageErrorBeforeAnyWork() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), "Quick note\n\nMoscow denied the report on Tuesday.\n");
        Path out = tmp.resolve("out");
        Printed run = Printed.run("analyze", corpus.toString(), "--out", out.toString(), "--article-timeout",
                "99999999999999", "--quiet", "--no-db");
        assertEquals(ExitCodes.USAGE, run.code(), run.stderr());
        assertTrue(run.stderr().contains("--article-timeout must be 0 (no limit) to 86400 seconds, not "
                + "99999999999999"), run.stderr());
        assertTrue(Files.notExists(out));
    }

    /**
     * --max-article-bytes holds each article, not the file: a JSON array and a JSONL file of 200
     * articles, each file over five times the limit, are read article by article; the one article over
     * the limit in each gets an error record with its element or line, and every other is written.
     */
    @Test
    void jsonAndJsonlFilesLargerThanTheArticleLimitAreReadArticleByArticle() throws Exception {
        List<String> outlets = List.of("Politico", "Reuters", "TASS", "RT");
        List<String> arrayElements = new java.util.ArrayList<>();
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            String text = i == 101 ? "Moscow denied the report. ".repeat(200)
                    : "In " + (2000 + i) + ", Russia betrayed Armenia, which lost Nagorno-Karabakh, according to "
                    + outlets.get(i % outlets.size()) + ". The Kremlin said on Tuesday that it would join talks in Istanbul.";
            arrayElements.add(JSON.writeValueAsString(java.util.Map.of("id", "a" + i, "text", text)));
            lines.add(JSON.writeValueAsString(java.util.Map.of("id", "l" + i, "text", text)));
        }
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Path array = Files.writeString(corpus.resolve("feed.json"), "[\n" + String.join(",\n", arrayElements) + "\n]\n");
        Path jsonl = Files.writeString(corpus.resolve("feed.jsonl"), String.join("\n", lines) + "\n");
        int limit = 4096;
        assertTrue(Files.size(array) > 5 * limit && Files.size(jsonl) > 5 * limit);
        Path out = tmp.resolve("out");
        Printed run = Printed.run("analyze", corpus.toString(), "--out", out.toString(), "--max-article-bytes",
                String.valueOf(limit), "--threads", "2", "--no-db", "--no-article-pages");

        String stderr = run.stderr();
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, run.code(), stderr);
        try (Stream<Path> records = Files.list(out.resolve("articles"))) {
            assertEquals(398, records.count());
        }
        assertEquals(102, JSON.readTree(out.resolve("articles/a102.json").toFile()).get("origin").get("line").asInt());
        List<String> errors = Files.readAllLines(out.resolve("errors.jsonl"));
        assertEquals(List.of(
                "{\"file\":\"" + array + "\",\"line\":101,\"article\":null,\"stage\":\"read\",\"reason\":\"array element "
                        + "larger than the maximum article size of 4096 bytes (raise it with --max-article-bytes)\"}",
                "{\"file\":\"" + jsonl + "\",\"line\":101,\"article\":null,\"stage\":\"read\",\"reason\":\"line longer "
                        + "than the maximum article size of 4096 bytes (raise it with --max-article-bytes)\"}"), errors);
        assertTrue(stderr.contains("narrative-watch: " + array + ":101: array element larger than the maximum article "
                + "size of 4096 bytes (raise it with --max-article-bytes)\n"), stderr);
    }

    /**
     * A million tiny articles and a few broken lines in one JSONL file, analysed by a separate JVM
     * with a 512 MB heap: every good line becomes a record, every bad line one error record with
     * its line number, and the heap the run keeps stays bounded. Per-article HTML pages and the
     * SQL store are left out (two more files' worth of work per article; ReportJobTest and
     * AnalyzeStoreTest cover them); the per-article JSON files, the layer cache, the JSONL stream
     * and the aggregate reports are all written.
     */
    @Test
    void oneJsonlFileOfVeryManyTinyArticlesStreamsThrough() throws Exception {
        Path jsonl = tmp.resolve("many.jsonl");
        Set<Integer> badLines = new TreeSet<>();
        int line = 0;
        try (OutputStream w = new BufferedOutputStream(Files.newOutputStream(jsonl), 1 << 16)) {
            for (int i = 1; i <= MANY; i++) {
                if (i % (MANY / 10) == MANY / 20) {
                    line++;
                    badLines.add(line);
                    // alternately a truncated JSON object and a line that is not UTF-8
                    w.write(badLines.size() % 2 == 1 ? "{\"id\":\"cut\",\"text\":\"Moscow den\n".getBytes(UTF_8)
                            : new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
                }
                line++;
                w.write(("{\"id\":\"m" + i + "\",\"text\":\"Item " + i + ": Moscow denied the report.\"}\n").getBytes(UTF_8));
            }
        }
        Path out = tmp.resolve("out");
        Path records = tmp.resolve("records.jsonl");
        Path gcLog = tmp.resolve("gc.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "analyze", jsonl.toString(), "--out", out.toString(), "--jsonl", records.toString(),
                "--threads", "2", "--no-article-pages", "--no-db", "--quiet");
        long t0 = System.nanoTime();
        Process run = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("run.log").toFile()).start();
        int exit = run.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long liveMb = maxHeapAfterGcMb(gcLog);
        System.out.printf("%d tiny articles and %d bad lines in one JSONL: %.1f s (%.0f articles/s, JVM start and "
                + "model load included), -Xmx%dm, largest heap after a GC %d MB%n",
                MANY, badLines.size(), seconds, MANY / seconds, HEAP_MB, liveMb);

        assertEquals(ExitCodes.SOME_INPUTS_FAILED, exit, Files.readString(tmp.resolve("run.log")));
        List<String> errors = Files.readAllLines(out.resolve("errors.jsonl"));
        Set<Integer> errorLines = new TreeSet<>();
        for (String e : errors) {
            JsonNode error = JSON.readTree(e);
            assertTrue(error.get("file").asText().endsWith("many.jsonl"), e);
            assertEquals("read", error.get("stage").asText(), e);
            errorLines.add(error.get("line").asInt());
        }
        assertEquals(badLines.size(), errors.size(), "one error record per bad line");
        assertEquals(badLines, errorLines);
        JsonNode counts = JSON.readTree(out.resolve("summary.json").toFile()).get("counts");
        assertEquals(MANY, counts.get("articles_analyzed").asInt());
        try (Stream<String> lines = Files.lines(records)) {
            assertEquals(MANY, lines.count());
        }
        try (Stream<Path> files = Files.list(out.resolve("articles"))) {
            assertEquals(MANY, files.count());
        }
        JsonNode last = JSON.readTree(out.resolve("articles/m" + MANY + ".json").toFile());
        assertEquals(line, last.get("origin").get("line").asInt());
    }

    /** The largest heap occupancy right after a garbage collection, from a -Xlog:gc file ("320M->100M(380M)"). */
    private static long maxHeapAfterGcMb(Path gcLog) throws IOException {
        Matcher m = Pattern.compile("\\d+M->(\\d+)M\\(").matcher(Files.readString(gcLog));
        long max = 0;
        while (m.find()) {
            max = Math.max(max, Long.parseLong(m.group(1)));
        }
        return max;
    }
}
