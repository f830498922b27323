package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.Printed;
import org.narrativewatch.TestData;

/** The entity gold set scored end to end, as `narrative-watch evaluate entities` prints it. */
class EvaluateEntitiesCommandTest {
    private static final String GOLD = "src/test/resources/gold/entities/gold.jsonl";

    @Test
    void trackedEntitiesReachF1OfAtLeast095OnTheGoldSet() throws Exception {
        Path shared = TestData.shared();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), "evaluate", "entities", "--gold", GOLD,
                "--articles", shared.resolve("ptc/articles").toString(),
                "--articles", shared.resolve("sample").toString(),
                "--errors", "20", "--min-f1", "0.95");
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertEquals(ExitCodes.OK, exit, out + "\n" + err);
        assertEquals(0, result.get("articles_missing").size(), result.toString());
        assertTrue(result.get("articles").asInt() >= 21, result.toString());
        assertTrue(result.get("gold_mentions").asInt() >= 900, result.toString());
        for (String level : new String[] {"spans", "ids"}) {
            for (String score : new String[] {"precision", "recall", "f1"}) {
                assertTrue(result.get(level).get(score).asDouble() >= 0.95, level + " " + score + ": " + result);
            }
        }
        assertTrue(result.has("missed") && result.has("spurious") && result.has("wrong_id"));
    }

    /** The blind held-out set was annotated without looking at the matcher: a floor, not the tuned result. */
    @Test
    void trackedEntitiesReachF1OfAtLeast090OnTheHeldOutSet() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), "evaluate", "entities",
                "--gold", "src/test/resources/gold/entities/heldout.jsonl",
                "--articles", TestData.shared().resolve("ptc/articles").toString(),
                "--min-f1", "0.90");
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertEquals(ExitCodes.OK, exit, out + "\n" + err);
        assertEquals(0, result.get("articles_missing").size(), result.toString());
        assertTrue(result.get("articles").asInt() >= 8, result.toString());
        assertTrue(result.get("gold_mentions").asInt() >= 300, result.toString());

        // A floor copied from the printed scores passes on the same tool; one step above fails, naming the score.
        double printed = Math.min(result.get("spans").get("f1").asDouble(), result.get("ids").get("f1").asDouble());
        assertEquals(ExitCodes.OK, heldOut(printed, new StringWriter()));
        StringWriter above = new StringWriter();
        assertEquals(ExitCodes.CHECK_FAILED, heldOut(printed + 0.0001, above));
        assertTrue(above.toString().contains("F1 " + printed + " is below --min-f1 " + (printed + 0.0001)), above.toString());
    }

    private static int heldOut(double minF1, StringWriter err) {
        return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "evaluate", "entities",
                "--gold", "src/test/resources/gold/entities/heldout.jsonl",
                "--articles", TestData.shared().resolve("ptc/articles").toString(), "--min-f1", String.valueOf(minF1));
    }

    /** The gold sets are in the source checkout, not the jar: no default path could work from any folder. */
    @Test
    void withoutGoldItIsAUsageError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.USAGE, Main.run(new PrintWriter(out), new PrintWriter(err), "evaluate", "entities"));
        assertEquals("", out.toString());
        assertEquals(List.of("narrative-watch: Missing required option: '--gold=FILE'",
                "Try 'narrative-watch evaluate entities --help' for more information."), err.toString().lines().toList());
    }

    @Test
    void anArticlesFolderThatDoesNotExistIsAUsageErrorNamingIt(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        String missing = tmp.resolve("ptc").toString();
        assertEquals(ExitCodes.USAGE, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "evaluate",
                "entities", "--gold", GOLD, "--articles", "corpus", "--articles", missing));
        assertEquals("narrative-watch: " + missing + ": no such folder", err.toString().lines().findFirst().orElse(""));
    }

    /** Run where there is no corpus/ (here: a new JVM in an empty folder), the default --articles is named as such. */
    @Test
    void runOutsideTheCheckoutTheMissingDefaultArticlesFolderIsAUsageError(@TempDir Path elsewhere) throws Exception {
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.narrativewatch.cli.Main",
                "evaluate", "entities", "--gold", Path.of(GOLD).toAbsolutePath().toString())
                .directory(elsewhere.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(2, TimeUnit.MINUTES));
        assertEquals(ExitCodes.USAGE, run.exitValue(), err);
        assertEquals(List.of("narrative-watch: corpus: no such folder (the default --articles; name the folders that "
                + "hold the gold articles)", "Try 'narrative-watch evaluate entities --help' for more information."),
                err.lines().toList());
    }

    /** The first rows of the gold set, all in the sample article shipped in corpus/. */
    private static List<String> sampleRows() throws Exception {
        return Files.readAllLines(Path.of(GOLD)).subList(0, 3);
    }

    private static Printed evaluate(Path gold) {
        return Printed.run("evaluate", "entities", "--gold", gold.toString(), "--articles", TestData.corpus().toString());
    }

    /**
     * Rows pasted twice, and a second row for a span with another id, would halve recall or turn the
     * hit at that span into a miss: each is named once on stderr and the scores are those of the rows
     * without them.
     */
    @Test
    void repeatedGoldRowsAreNamedOnceAndCountedOnce(@TempDir Path dir) throws Exception {
        List<String> rows = sampleRows();
        Path once = Files.write(dir.resolve("once.jsonl"), rows);
        List<String> repeated = new ArrayList<>(rows);
        repeated.addAll(rows);
        repeated.add(rows.get(0).replace("\"Q159\"", "\"Q999999\""));
        Path twice = Files.write(dir.resolve("twice.jsonl"), repeated);

        Printed clean = evaluate(once);
        Printed run = evaluate(twice);
        assertEquals(ExitCodes.OK, clean.code(), clean.stderr());
        assertEquals(ExitCodes.OK, run.code(), run.stderr());
        JsonNode expected = new ObjectMapper().readTree(clean.stdout());
        JsonNode result = new ObjectMapper().readTree(run.stdout());
        assertEquals(3, result.get("gold_mentions").asInt(), result.toString());
        assertEquals(expected.get("spans"), result.get("spans"));
        assertEquals(expected.get("ids"), result.get("ids"));
        assertEquals(List.of("narrative-watch: warning: " + twice + ":4: the same mention as line 1, counted once",
                "narrative-watch: warning: " + twice + ":5: the same mention as line 2, counted once",
                "narrative-watch: warning: " + twice + ":6: the same mention as line 3, counted once",
                "narrative-watch: warning: " + twice + ":7: russia-abandons-its-allies.txt [8, 14) is annotated at "
                        + "line 1 already, as 'Russia' Q159; this row's 'Russia' Q999999 is ignored"),
                run.stderr().lines().toList());
    }

    /** A gold file is scraped data too: a mention text is quoted on stderr with its control characters escaped. */
    @Test
    void controlCharactersOfAGoldMentionReachStderrEscaped(@TempDir Path dir) throws Exception {
        Path gold = Files.writeString(dir.resolve("ctl.jsonl"), "{\"article\": \"russia-abandons-its-allies.txt\", "
                + "\"start\": 8, \"end\": 14, \"text\": \"\\u001b]0;pwned\\u0007\\u001b[31mRu\", \"kb_id\": \"Q159\"}\n");
        Printed run = evaluate(gold);
        assertEquals(ExitCodes.FATAL, run.code(), run.stderr());
        assertEquals("narrative-watch: " + gold + ":1: gold mention russia-abandons-its-allies.txt [8, 14) says "
                + "'\\u001b]0;pwned\\u0007\\u001b[31mRu' but the article has 'Russia' there\n", run.stderr());
    }

    /**
     * Audit 8b, 6: a kb_id that is no catalog id at all (a typo: "q801") and a span past the article's
     * end are fatal errors naming file and line; a well-formed id the catalog does not have is named
     * on stderr and scored, as a rerun with an older catalog needs.
     */
    @Test
    void badIdsAndSpansOutsideTheArticleAreNamedByFileAndLine(@TempDir Path dir) throws Exception {
        List<String> rows = sampleRows();
        Path typo = Files.write(dir.resolve("typo.jsonl"), List.of(rows.get(0), rows.get(1).replace("\"Q159\"", "\"q159\"")));
        Printed run = evaluate(typo);
        assertEquals(ExitCodes.FATAL, run.code(), run.stderr());
        assertEquals("narrative-watch: " + typo + ":2: kb_id 'q159' is no catalog id: expected a Wikidata QID "
                + "(Q followed by digits) or nw: and a lower-case slug\n", run.stderr());

        Path unknown = Files.write(dir.resolve("unknown.jsonl"), List.of(rows.get(0), rows.get(1).replace("\"Q159\"",
                "\"Q999999\"")));
        run = evaluate(unknown);
        assertEquals(ExitCodes.OK, run.code(), run.stderr());
        assertEquals("narrative-watch: warning: " + unknown + ":2: kb_id 'Q999999' is not in the entity catalog; the "
                + "mention counts as one the matcher cannot link\n", run.stderr());
        assertEquals(1, new ObjectMapper().readTree(run.stdout()).get("ids").get("true_positives").asInt());

        Path outside = Files.write(dir.resolve("outside.jsonl"), List.of(rows.get(0), "{\"article\": "
                + "\"russia-abandons-its-allies.txt\", \"start\": 50800, \"end\": 50806, \"text\": \"Russia\", \"kb_id\": \"Q159\"}"));
        run = evaluate(outside);
        assertEquals(ExitCodes.FATAL, run.code(), run.stderr());
        assertTrue(run.stderr().matches("narrative-watch: " + Pattern.quote(outside.toString()) + ":2: gold mention "
                + "russia-abandons-its-allies\\.txt \\[50800, 50806\\) is outside the article \\(\\d+ characters\\)\n"),
                run.stderr());
    }

    /** As a Windows editor saves it: a byte order mark and CRLF line ends. Scored as the plain file is. */
    @Test
    void aGoldFileWithAByteOrderMarkIsRead(@TempDir Path dir) throws Exception {
        List<String> rows = sampleRows();
        Path plain = Files.write(dir.resolve("plain.jsonl"), rows);
        Path bom = Files.writeString(dir.resolve("bom.jsonl"), "\uFEFF" + String.join("\r\n", rows) + "\r\n");
        Printed expected = evaluate(plain);
        Printed run = evaluate(bom);
        assertEquals(ExitCodes.OK, run.code(), run.stderr());
        assertEquals("", run.stderr());
        assertEquals(new ObjectMapper().readTree(expected.stdout()).get("spans"),
                new ObjectMapper().readTree(run.stdout()).get("spans"));
    }

    /**
     * A gold file that is not UTF-8 (the audit's gold-latin1.jsonl, or one saved as UTF-16) is a fatal
     * error naming file, line, byte and what to do, not "Input length = 1" naming nothing.
     */
    @Test
    void aLineThatIsNotUtf8IsAFatalErrorNamingFileAndLine(@TempDir Path dir) throws Exception {
        List<String> rows = sampleRows();
        Path latin1 = Files.write(dir.resolve("gold-latin1.jsonl"), (rows.get(0) + "\n{\"article\": \"a.txt\", \"start\": 0, "
                + "\"end\": 6, \"text\": \"Russia\", \"kb_id\": \"Q159\", \"note\": \"caf\u00e9\"}\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Printed run = evaluate(latin1);
        assertEquals(ExitCodes.FATAL, run.code(), run.stderr());
        assertEquals("narrative-watch: " + latin1 + ":2: byte 0xE9 (column 91) is not UTF-8; save the file as UTF-8\n",
                run.stderr());
        Path utf16 = Files.writeString(dir.resolve("gold-utf16.jsonl"), "\uFEFF" + rows.get(0) + "\n",
                StandardCharsets.UTF_16LE);
        run = evaluate(utf16);
        assertEquals(ExitCodes.FATAL, run.code(), run.stderr());
        assertEquals("narrative-watch: " + utf16 + ":1: byte 0xFF (column 1) is not UTF-8; save the file as UTF-8\n",
                run.stderr());
    }

    /** A line cut short is named by file and line (blank and comment lines counted), not by Jackson's "line: 1". */
    @Test
    void aMalformedLineIsAFatalErrorNamingFileAndLine(@TempDir Path dir) throws Exception {
        List<String> rows = sampleRows();
        Path gold = Files.write(dir.resolve("bad.jsonl"), List.of("# the sample article", rows.get(0), "",
                "{\"article\": \"russia-abandons-its-allies.txt\", \"start\": 8, \"end\": 14", rows.get(1)));
        Printed run = evaluate(gold);
        assertEquals(ExitCodes.FATAL, run.code(), run.stderr());
        assertEquals("narrative-watch: " + gold + ":4: malformed JSON at column 68: Unexpected end-of-input: expected "
                + "close marker for Object (start marker at column 1)\n", run.stderr());
        assertEquals("", run.stdout());
    }
}
