package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.Printed;

/**
 * Analyst patterns that backtrack catastrophically: {@code narratives validate} refuses them, and
 * if a catalog with one is used anyway, the article that triggers it costs its time budget, its
 * worker really stops, and the run goes on.
 */
class PatternBudgetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Line 7: a regex on one token's text; line 15: a repetition of a repetition of tokens. */
    private static final String CATALOG = """
            version: 1
            narratives:
              - id: runaway-word
                title: A word regex that backtracks
                rules:
                  - id: word-regex
                    tokensregex: "[{word:/((a+)+)+b/}]"
                examples:
                  positive: [aab]
              - id: runaway-sequence
                title: A token sequence that backtracks
                rules:
                  - id: nested
                    weight: 2
                    tokensregex: "([{word:a}]+)+ [{word:b}]"
                examples:
                  positive: [a a b]
              - id: fine
                title: A sane rule
                rules:
                  - id: abandon
                    trigger: ["abandon ... ally"]
                examples:
                  positive: [Moscow abandoned its allies.]
            """;

    @TempDir
    Path tmp;

    @Test
    void validateNamesEachCatastrophicPatternWithFileLineAndNarrative() throws Exception {
        Path catalog = Files.writeString(tmp.resolve("runaway.yaml"), CATALOG);
        long t0 = System.nanoTime();
        Printed run = Printed.run("narratives", "validate", "--narratives", catalog.toString());
        double seconds = (System.nanoTime() - t0) / 1e9;

        assertEquals(ExitCodes.CHECK_FAILED, run.code(), run.stdout());
        assertTrue(run.stdout().contains(catalog
                + ":7: runaway-word: rule 'word-regex': pattern /((a+)+)+b/ takes > 250 ms"
                + " on a 30-character probe: catastrophic backtracking"), run.stdout());
        assertTrue(run.stdout().contains(catalog
                + ":15: runaway-sequence: rule 'nested': TokensRegex pattern takes > 250 ms"
                + " on a 30-token probe: catastrophic backtracking"), run.stdout());
        assertFalse(run.stdout().contains(": fine:"), run.stdout());
        assertTrue(run.stdout().contains("2 problem(s) in 1 file(s)"), run.stdout());
        assertTrue(seconds < 10, "validate took " + seconds + " s");
    }

    @Test
    void thePackagedCatalogPassesTheProbesQuickly() throws Exception {
        Printed.run("narratives", "validate"); // warm up: class loading, as any first command pays
        long t0 = System.nanoTime();
        Printed probed = Printed.run("narratives", "validate");
        long probedNanos = System.nanoTime() - t0;
        t0 = System.nanoTime();
        org.narrativewatch.narratives.Catalog.check(null, false);
        long plainNanos = System.nanoTime() - t0;

        assertEquals(ExitCodes.OK, probed.code(), probed.stdout());
        System.out.printf("narratives validate on the packaged catalog: %.2f s with probes, %.2f s compile only%n",
                probedNanos / 1e9, plainNanos / 1e9);
        assertTrue(probedNanos - plainNanos < 2_000_000_000L, "the probes added " + (probedNanos - plainNanos) / 1e9 + " s");
    }

    @Test
    void anArticleThatTriggersARunawayPatternCostsItsBudgetAndFreesItsWorker() throws Exception {
        Path catalog = Files.writeString(tmp.resolve("runaway.yaml"), CATALOG);
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        // 40 tokens "a" and no "b": the nested repetition tries every way to split them (2^40).
        Files.writeString(corpus.resolve("a-trigger.txt"), "Many letters\n\n" + "a ".repeat(40) + "c.\n");
        for (String name : List.of("b-first.txt", "c-second.txt", "d-third.txt")) {
            Files.writeString(corpus.resolve(name), "Quick note\n\nMoscow abandoned its allies on Tuesday.\n");
        }
        Path out = tmp.resolve("out");

        long t0 = System.nanoTime();
        int exit = Main.run("analyze", corpus.toString(), "--out", out.toString(), "--threads", "1",
                "--article-timeout", "1", "--narratives", catalog.toString(), "--no-db", "--quiet");
        double seconds = (System.nanoTime() - t0) / 1e9;

        assertEquals(ExitCodes.SOME_INPUTS_FAILED, exit);
        List<String> errors = Files.readAllLines(out.resolve("errors.jsonl"));
        assertEquals(1, errors.size(), errors.toString());
        JsonNode error = JSON.readTree(errors.get(0));
        assertTrue(error.get("file").asText().endsWith("a-trigger.txt"), error.toString());
        assertEquals("analyze", error.get("stage").asText());
        assertTrue(error.get("reason").asText().contains("per-article time budget of 1 s"), error.toString());
        for (String id : List.of("b-first", "c-second", "d-third")) {
            JsonNode article = JSON.readTree(out.resolve("articles/" + id + ".json").toFile());
            assertEquals("fine", article.get("narratives").get(0).get("id").asText(), id);
        }
        assertTrue(seconds < 60, "the run took " + seconds + " s");
        // The interrupt stopped the match: within a few seconds no thread is left in the matcher
        // (2^40 steps would keep it busy for days).
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (matching() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(matching(), "a thread is still running the runaway pattern");
    }

    private static boolean matching() {
        return Thread.getAllStackTraces().values().stream().anyMatch(frames -> Arrays.stream(frames)
                .anyMatch(f -> f.getClassName().startsWith("edu.stanford.nlp.ling.tokensregex.SequenceMatcher")));
    }
}
