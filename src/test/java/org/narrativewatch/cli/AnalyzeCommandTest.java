package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.Printed;
import org.narrativewatch.TestData;

/** End to end through the command line, on the shipped corpus. */
class AnalyzeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Path out;
    private static int exitCode;

    @BeforeAll
    static void analyzeCorpus() {
        out = tmp.resolve("reports");
        exitCode = Main.run("analyze", "corpus", "--out", out.toString(), "--quiet");
    }

    private static JsonNode article(String id) throws IOException {
        return JSON.readTree(out.resolve("articles").resolve(id + ".json").toFile());
    }

    private static String slice(String text, JsonNode span) {
        int start = text.offsetByCodePoints(0, span.get("start").asInt());
        int end = text.offsetByCodePoints(0, span.get("end").asInt());
        return text.substring(start, end);
    }

    @Test
    void theShippedCorpusRunsCleanly() throws IOException {
        assertEquals(ExitCodes.OK, exitCode);
        long corpusFiles;
        try (Stream<Path> files = Files.list(TestData.corpus())) {
            corpusFiles = files.count();
        }
        try (Stream<Path> files = Files.list(out.resolve("articles"))) {
            assertEquals(corpusFiles, files.count());
        }
        assertEquals(0, Files.size(out.resolve("errors.jsonl")));
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals(corpusFiles, summary.get("counts").get("articles_analyzed").asLong());
        assertTrue(summary.get("counts").get("tokens").asLong() > 5000);
        assertEquals("en", summary.get("languages").fieldNames().next());
    }

    /**
     * summary.json splits the narrative hits by the article's stance, as the records have them: an
     * article that makes a claim, a wire report of someone making it and a fact-check disputing it.
     */
    @Test
    void summaryCountsTheNarrativeHitsByStance() throws IOException {
        Path in = tmp.resolve("stances");
        Files.createDirectories(in);
        // texts of four sentences or more: a shorter one is read as a claim, for attribution only
        Files.writeString(in.resolve("asserts.txt"), "The End of the European Dream\n\nThe European Union is falling "
                + "apart before our eyes. Hungary and Slovakia openly defy Brussels, and polls in Italy show growing "
                + "support for leaving the bloc.\n\nThe bloc will not survive another decade in its current form.\n");
        Files.writeString(in.resolve("reports.txt"), "Zakharova says EU is collapsing\n\nMOSCOW, March 3 - Russian "
                + "Foreign Ministry spokeswoman Maria Zakharova said on Friday that the European Union was falling "
                + "apart.\n\nShe spoke at her weekly briefing in Moscow. The European Commission did not comment.\n");
        Files.writeString(in.resolve("disputes.txt"), "No evidence of US bioweapons labs in Ukraine\n\nThere is no "
                + "evidence that US-funded laboratories in Ukraine develop biological weapons.\n\nThe labs are public "
                + "health facilities that monitor outbreaks. Their work is published.\n");
        Path stanceOut = tmp.resolve("stances-out");
        assertEquals(ExitCodes.OK, Main.run("analyze", in.toString(), "--out", stanceOut.toString(), "--quiet",
                "--no-db"));

        Map<String, String> counted = Map.of("asserts", "asserted", "reports", "reported", "disputes", "disputed");
        Map<String, Long> expected = new TreeMap<>(Map.of("asserted", 0L, "reported", 0L, "disputed", 0L));
        long hits = 0;
        try (Stream<Path> files = Files.list(stanceOut.resolve("articles"))) {
            for (Path f : files.toList()) {
                for (JsonNode hit : JSON.readTree(f.toFile()).get("narratives")) {
                    hits++;
                    expected.merge(counted.get(hit.get("stance").asText()), 1L, Long::sum);
                }
            }
        }
        assertTrue(expected.values().stream().allMatch(n -> n > 0), "every stance is read: " + expected);
        JsonNode counts = JSON.readTree(stanceOut.resolve("summary.json").toFile()).get("counts");
        Map<String, Long> summarised = new TreeMap<>();
        for (String stance : counted.values()) {
            summarised.put(stance, counts.get("narrative_hits_" + stance).asLong());
        }
        assertEquals(expected, summarised);
        assertEquals(hits, counts.get("narrative_hits").asLong());
    }

    @Test
    void sampleArticleHasTitleSentencesAndDroppedBoilerplate() throws IOException {
        JsonNode a = article("russia-abandons-its-allies");
        String text = a.get("text").asText();
        assertEquals(TestData.read(TestData.sampleArticle()), text);
        assertEquals("Russia Abandons Its Allies", a.get("title").asText());
        assertEquals("Russia Abandons Its Allies", slice(text, a.get("title_span")));
        assertEquals("Europe", a.get("dropped").get(0).get("text").asText());
        assertTrue(a.get("dropped").get(1).get("text").asText().startsWith("Past team authors\n\nRecent Posts"));
        int boilerplateStart = a.get("dropped").get(1).get("start").asInt();
        JsonNode sentences = a.get("sentences");
        assertEquals("Russia Abandons Its Allies", slice(text, sentences.get(0)));
        assertEquals("The Russian Federation abandons its allies when the chips are down.", slice(text, sentences.get(1)));
        assertEquals("A new ally or its own regime?", slice(text, sentences.get(sentences.size() - 1)));
        for (JsonNode s : sentences) {
            assertTrue(s.get("end").asInt() <= boilerplateStart, "no sentence in the boilerplate");
        }
        for (JsonNode e : a.get("entities")) {
            assertEquals(e.get("text").asText(), slice(text, e));
            assertTrue(e.get("start").asInt() >= 6 && e.get("end").asInt() <= boilerplateStart,
                    "entity outside the dropped parts: " + e);
        }
        assertEquals("analyzed", a.get("status").asText());
        assertTrue(a.get("content_hash").asText().startsWith("sha256:"));
    }

    /**
     * The sample page saved with classic Mac line ends (CR alone) or NEL between its lines is analysed
     * exactly as with line feeds: the same record but for its id and file. Read as one paragraph, its
     * "Recent Posts" teasers were analysed and gave four narratives the article does not carry, it had
     * no title, and each NEL was a token.
     */
    @Test
    void aPageWithOtherLineBreaksIsAnalysedAsWithLineFeeds() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("line-breaks"));
        String page = TestData.read(TestData.sampleArticle());
        Files.writeString(in.resolve("lf.txt"), page);
        Files.writeString(in.resolve("cr.txt"), page.replace("\n", "\r"));
        Files.writeString(in.resolve("nel.txt"), page.replace("\n", "\u0085"));
        Path records = tmp.resolve("line-breaks-out");
        assertEquals(ExitCodes.OK, Main.run("analyze", in.toString(), "--out", records.toString(), "--quiet", "--no-db",
                "--tokens"));
        JsonNode lf = JSON.readTree(records.resolve("articles/lf.json").toFile());
        assertEquals("Russia Abandons Its Allies", lf.get("title").asText());
        List<String> narratives = new java.util.ArrayList<>();
        lf.get("narratives").forEach(n -> narratives.add(n.get("id").asText()));
        assertEquals(List.of("russia-abandons-allies"), narratives);
        List<String> fields = new java.util.ArrayList<>();
        lf.fieldNames().forEachRemaining(fields::add);
        fields.removeAll(List.of("id", "origin"));
        for (String id : List.of("cr", "nel")) {
            JsonNode other = JSON.readTree(records.resolve("articles/" + id + ".json").toFile());
            for (String field : fields) {
                assertEquals(lf.get(field), other.get(field), id + ": " + field);
            }
        }
    }

    @Test
    void everyRecordRoundTripsAndItsOffsetsPointIntoItsText() throws IOException {
        try (Stream<Path> files = Files.list(out.resolve("articles"))) {
            for (Path f : files.toList()) {
                JsonNode a = JSON.readTree(f.toFile());
                String text = a.get("text").asText();
                assertEquals(1, a.get("schema_version").asInt());
                assertEquals(a.get("id").asText() + ".json", f.getFileName().toString());
                assertEquals(a.get("counts").get("sentences").asInt(), a.get("sentences").size());
                JsonNode previous = null;
                for (JsonNode s : a.get("sentences")) {
                    assertFalse(slice(text, s).isBlank());
                    assertTrue(previous == null || previous.get("end").asInt() <= s.get("start").asInt());
                    previous = s;
                }
                assertEquals(a, JSON.readTree(JSON.writeValueAsBytes(a)));
            }
        }
    }

    @Test
    void jsonlToStdoutStreamsOneRecordPerArticle() throws IOException {
        Printed run = Printed.run("analyze", TestData.sampleArticle().toString(), "--out",
                tmp.resolve("jsonl").toString(), "--jsonl", "-", "--quiet");
        assertEquals(ExitCodes.OK, run.code());
        List<String> lines = run.stdout().lines().toList();
        assertEquals(1, lines.size());
        assertEquals(article("russia-abandons-its-allies").get("title"), JSON.readTree(lines.get(0)).get("title"));
    }

    /** As with --jsonl naming a file on a full disk: the records are lost, so the run fails and says why. */
    @Test
    void jsonlToStdoutThatCannotBeWrittenFailsTheRun() throws IOException {
        Path fullDisk = Path.of("/dev/full");
        assumeTrue(Files.exists(fullDisk), "no /dev/full on this system");
        Printed run = Printed.runWithStdoutTo(fullDisk, "analyze", TestData.sampleArticle().toString(), "--out",
                tmp.resolve("jsonl-full").toString(), "--jsonl", "-", "--quiet", "--no-db");
        assertEquals(ExitCodes.FATAL, run.code(), run.stderr());
        assertEquals("narrative-watch: writing results failed: cannot write to standard output", run.stderr().strip());
    }

    @Test
    void badInputsAreReportedAndGoodOnesStillWritten() throws IOException {
        Path in = tmp.resolve("mixed");
        Files.createDirectories(in);
        Files.copy(TestData.sampleArticle(), in.resolve("good.txt"));
        Files.writeString(in.resolve("feed.jsonl"), "{\"id\": \"ok\", \"text\": \"NATO met in Vilnius.\"}\n{broken\n");
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Path mixedOut = tmp.resolve("mixed-out");
        int code = Main.run("analyze", in.toString(), "--out", mixedOut.toString(), "--quiet");
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, code);
        assertTrue(Files.exists(mixedOut.resolve("articles/good.json")));
        assertTrue(Files.exists(mixedOut.resolve("articles/ok.json")));
        List<JsonNode> errors = Files.readAllLines(mixedOut.resolve("errors.jsonl")).stream()
                .map(l -> {
                    try {
                        return JSON.readTree(l);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();
        assertEquals(2, errors.size());
        assertTrue(errors.get(0).get("file").asText().endsWith("empty.txt"));
        assertTrue(errors.get(1).get("file").asText().endsWith("feed.jsonl"));
        assertEquals(2, errors.get(1).get("line").asInt());
    }

    /**
     * The audit's records (audit 11b #5) through analyze: each record names what was not read in its
     * {@code warnings}, also when a re-run reuses its analysis, and a Python epoch keeps its digits
     * and is dated; the run itself succeeds.
     */
    @Test
    void recordsNameTheFieldsThatWereNotRead() throws IOException {
        Path in = tmp.resolve("unread.jsonl");
        String text = "\"text\":\"Russia betrayed Armenia again. Russia abandons its allies when the chips are down.\"";
        Files.writeString(in, String.join("\n",
                "{\"id\":\"feb30\"," + text + ",\"published\":\"2015-02-30\"}",
                "{\"id\":\"mongo\"," + text + ",\"published\":{\"$date\":\"2015-03-03T10:00:00Z\"}}",
                "{\"id\":\"pyfloat\"," + text + ",\"published\":1425366000.25}",
                "{\"id\":\"newsapi\"," + text + ",\"source\":{\"id\":\"reuters\",\"name\":\"Reuters\"},"
                        + "\"published\":\"2015-03-03\"}") + "\n");
        Path unreadOut = tmp.resolve("unread-out");
        for (int run = 0; run < 2; run++) {
            assertEquals(ExitCodes.OK, Main.run("analyze", in.toString(), "--out", unreadOut.toString(), "--no-db", "--quiet"));
            Map<String, String> records = new TreeMap<>();
            for (String id : List.of("feb30", "mongo", "pyfloat", "newsapi")) {
                JsonNode r = JSON.readTree(unreadOut.resolve("articles/" + id + ".json").toFile());
                records.put(id, r.get("published").asText() + " " + r.get("warnings"));
            }
            assertEquals(Map.of(
                    "feb30", "2015-02-30 [\"\\\"published\\\" \\\"2015-02-30\\\" is not a date this tool reads "
                            + "(docs/reports.md, \\\"Dates that are read\\\"): the article counts as undated\"]",
                    "mongo", "null [\"\\\"published\\\" {\\\"$date\\\":\\\"2015-03-03T10:00:00Z\\\"} is an object, "
                            + "not text: left out\"]",
                    "pyfloat", "1425366000.25 []",
                    "newsapi", "2015-03-03 [\"\\\"source\\\" {\\\"id\\\":\\\"reuters\\\",\\\"name\\\":"
                            + "\\\"Reuters\\\"} is an object, not text: left out\"]"), records, "run " + run);
            JsonNode totals = JSON.readTree(unreadOut.resolve("aggregates/report.json").toFile()).get("totals");
            assertEquals(2, totals.get("undated").asInt(), "the float epoch is dated");
        }
    }

    @Test
    void usageErrorsHaveTheirOwnExitCode() {
        assertEquals(ExitCodes.USAGE, Printed.run("analyze", "--threads").code());
        assertEquals(ExitCodes.USAGE, Printed.run("analyze", "--no-such-option").code());
    }
}
