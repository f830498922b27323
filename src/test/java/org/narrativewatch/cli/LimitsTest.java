package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run-level limits: a per-article time budget, and a corpus of very many tiny articles in one file. */
class LimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lines of the many-articles test; the README has the run with 1,000,000. */
    private static final int MANY = Integer.getInteger("nw.manyArticles", 20_000);

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

    @Test
    void oneJsonlFileOfVeryManyTinyArticlesStreamsThrough() throws Exception {
        Path jsonl = tmp.resolve("many.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(jsonl)) {
            for (int i = 1; i <= MANY; i++) {
                w.write("{\"id\":\"m" + i + "\",\"text\":\"Item " + i + ": Moscow denied the report.\"}\n");
            }
        }
        Path out = tmp.resolve("out");
        long t0 = System.nanoTime();
        int exit = Main.run("analyze", jsonl.toString(), "--out", out.toString(), "--threads", "2", "--no-ner", "--quiet");
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%d tiny articles in one JSONL: %.1f s (%.0f articles/s, model load included)%n",
                MANY, seconds, MANY / seconds);

        assertEquals(ExitCodes.OK, exit);
        assertEquals(0, Files.size(out.resolve("errors.jsonl")));
        JsonNode counts = JSON.readTree(out.resolve("summary.json").toFile()).get("counts");
        assertEquals(MANY, counts.get("articles_analyzed").asInt());
        try (Stream<Path> files = Files.list(out.resolve("articles"))) {
            assertEquals(MANY, files.count());
        }
        JsonNode last = JSON.readTree(out.resolve("articles/m" + MANY + ".json").toFile());
        assertEquals(MANY, last.get("origin").get("line").asInt());
    }
}
