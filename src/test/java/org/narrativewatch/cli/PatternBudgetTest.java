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
 * Analyst patterns that backtrack catastrophically: {@code narratives validate} and {@code analyze}
 * refuse them, and a slow pattern that the probes pass costs the article that triggers it its time
 * budget, its worker really stops (or, on the reader thread, its match does), and the run goes on.
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

    /** Audit 12a, defect 3: analyze probes an analyst's catalog as validate does, before it reads any input. */
    @Test
    void analyzeRefusesACatalogWithACatastrophicPatternBeforeReadingInput() throws Exception {
        Path catalog = Files.writeString(tmp.resolve("runaway.yaml"), CATALOG.replace("/((a+)+)+b/", "/x((a+)+)+b/"));
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), "He wrote x" + "a".repeat(42) + " on the wall.\n");
        Path out = tmp.resolve("out");

        Printed run = Printed.run("analyze", corpus.toString(), "--out", out.toString(), "--article-timeout", "5",
                "--narratives", catalog.toString(), "--no-db", "--quiet");

        assertEquals(ExitCodes.FATAL, run.code(), run.stderr());
        assertTrue(run.stderr().contains(catalog + ":7: runaway-word: rule 'word-regex': pattern /x((a+)+)+b/"
                + " (its repetition ((a+)+)+, probed on its own) takes > 250 ms"), run.stderr());
        assertTrue(run.stderr().contains(catalog + ":15: runaway-sequence: rule 'nested': TokensRegex pattern"), run.stderr());
        assertFalse(Files.exists(out.resolve("errors.jsonl")));
    }

    /**
     * A sequence the probes pass (no repetition of a repetition) that is still slow, O(n^3) in
     * CoreNLP's matcher: 300 tokens take minutes. The article costs its budget, its worker really
     * stops, the run goes on, and a {@code /regex/} rule still matches in the other articles.
     */
    @Test
    void anArticleThatTriggersASlowSequenceCostsItsBudgetAndFreesItsWorker() throws Exception {
        Path catalog = Files.writeString(tmp.resolve("slow.yaml"), """
                version: 1
                narratives:
                  - id: slow-sequence
                    title: A token sequence that is slow on long runs
                    rules:
                      - id: cubic
                        tokensregex: "[{word:a}]* [{word:a}]* [{word:b}]"
                    examples:
                      positive: [a a b]
                  - id: fine
                    title: A sane rule with a regex on a word
                    rules:
                      - id: abandon
                        tokensregex: "[{word:/abandon(?:ed|s)?/}] [{lemma:its}] [{lemma:ally}]"
                    examples:
                      positive: [Moscow abandoned its allies.]
                """);
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("a-trigger.txt"), "Many letters\n\n" + "a ".repeat(300) + "c.\n");
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
        // The interrupt stopped the match: within a few seconds no thread is left in the matcher.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (matching() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(matching(), "a thread is still running the slow pattern");
    }

    /**
     * Audit 12a, defect 1: a page-layout pattern runs on the reader thread, which nothing
     * interrupts. One the probes pass but that is slow on a real paragraph (O(n^7) on 300 digits)
     * costs its article the per-article budget, with an error that names it, and the next article
     * is read and analysed. The audit's own pattern is refused when the file is loaded.
     */
    @Test
    void aSlowPageLayoutPatternCostsItsArticleTheBudgetAndTheRunGoesOn() throws Exception {
        String packaged = new String(org.narrativewatch.pipeline.Resources.read(null, "boilerplate.yaml"),
                java.nio.charset.StandardCharsets.UTF_8);
        Path audited = Files.writeString(tmp.resolve("audited.yaml"),
                packaged.replaceFirst("(?m)^relative_date: .*$", "relative_date: '(?i)^x((a+)+)+b\\$'"));
        Path slow = Files.writeString(tmp.resolve("slow.yaml"),
                packaged.replaceFirst("(?m)^relative_date: .*$", "relative_date: '^x\\\\d*\\\\d*\\\\d*\\\\d*\\\\d*\\\\d*\\\\d*y'"));
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        String trigger = "Russia abandons its allies\n\nRussia has abandoned its allies, the minister said.\n\nx%s\n\n"
                + "More text here about Armenia.\n";
        Files.writeString(corpus.resolve("a-trigger.txt"), trigger.formatted("7".repeat(300)));
        Files.writeString(corpus.resolve("b-next.txt"), "Quick note\n\nMoscow abandoned its allies on Tuesday.\n");
        Path out = tmp.resolve("out");

        Printed refused = Printed.run("analyze", corpus.toString(), "--out", out.toString(), "--boilerplate",
                audited.toString(), "--no-db", "--quiet");
        assertEquals(ExitCodes.FATAL, refused.code(), refused.stderr());
        assertTrue(refused.stderr().contains("relative_date: pattern /(?i)^x((a+)+)+b$/ (its repetition ((a+)+)+,"
                + " probed on its own) takes > 250 ms"), refused.stderr());

        long t0 = System.nanoTime();
        Printed run = Printed.run("analyze", corpus.toString(), "--out", out.toString(), "--boilerplate", slow.toString(),
                "--article-timeout", "2", "--no-db", "--quiet");
        double seconds = (System.nanoTime() - t0) / 1e9;

        assertEquals(ExitCodes.SOME_INPUTS_FAILED, run.code(), run.stderr());
        List<String> errors = Files.readAllLines(out.resolve("errors.jsonl"));
        assertEquals(1, errors.size(), errors.toString());
        JsonNode error = JSON.readTree(errors.get(0));
        assertTrue(error.get("file").asText().endsWith("a-trigger.txt"), error.toString());
        assertEquals("read", error.get("stage").asText());
        assertTrue(error.get("reason").asText().startsWith("page-layout rules: pattern /^x"), error.toString());
        assertTrue(error.get("reason").asText().contains("took longer than the time budget of 2 s on a text of 301 characters"),
                error.toString());
        assertTrue(Files.exists(out.resolve("articles/b-next.json")));
        assertTrue(seconds < 30, "the run took " + seconds + " s");

        // The same files with the packaged rules: the paragraph is no date, both articles are analysed.
        Printed packagedRun = Printed.run("analyze", corpus.toString(), "--out", tmp.resolve("out2").toString(),
                "--no-db", "--quiet");
        assertEquals(ExitCodes.OK, packagedRun.code(), packagedRun.stderr());
    }

    private static boolean matching() {
        return Thread.getAllStackTraces().values().stream().anyMatch(frames -> Arrays.stream(frames)
                .anyMatch(f -> f.getClassName().startsWith("edu.stanford.nlp.ling.tokensregex.SequenceMatcher")));
    }
}
