package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `evaluate narratives`: what cannot score anything is a usage error; an undated line in a date range is named. */
class EvaluateNarrativesCommandTest {
    @TempDir
    static Path dir;
    static Path gold;

    /** Exit code, the report on stdout and the messages on stderr of one run. */
    record Run(int exit, String out, String err) {
        JsonNode report() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    @BeforeAll
    static void writeGold() throws Exception {
        gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, String.join("\n",
                "{\"id\": \"a\", \"date\": \"2019-03-01\", \"text\": \"Ukraine is ruled by neo-Nazis.\", \"labels\": [\"Nazi/Fascist\"]}",
                "{\"id\": \"b\", \"text\": \"There was a coup in Kyiv in 2014.\", \"labels\": [\"Coup\"]}",
                "{\"id\": \"c\", \"date\": \"2019-05-02\", \"text\": \"The EU is falling apart.\", \"labels\": []}",
                ""));
    }

    private static Run run(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "evaluate";
        all[1] = "narratives";
        all[2] = "--gold";
        all[3] = gold.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aSchemeNoNarrativeHasIsAUsageErrorNamingTheSchemes() {
        Run r = run("--scheme", "nope");
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains("--scheme nope: no narrative of the catalog has labels in that scheme; "
                + "schemes in the catalog: euvsdisinfo, euvsdisinfo-topics"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aLabelNoNarrativeMapsIsAUsageErrorNamingTheLabels() throws Exception {
        Run r = run("--labels", "Nazi/Fascist,Nonexistent label");
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains("--labels: no narrative maps 'Nonexistent label' in scheme euvsdisinfo; "
                + "labels the catalog maps in it: "), r.err());
        assertTrue(r.err().contains("Nazi/Fascist"), r.err());
        assertEquals("", r.out());

        Run respelt = run("--labels", "nazi / fascist,COUP"); // labels compare as the scores do
        assertEquals(ExitCodes.OK, respelt.exit(), respelt.err());
        assertEquals(2, respelt.report().path("label_count").asInt(), respelt.out() + "\n" + respelt.err());
    }

    @Test
    void aNegativeErrorCountOrAMinimumOutsideZeroToOneIsAUsageError() {
        Run errors = run("--errors", "-1");
        assertEquals(ExitCodes.USAGE, errors.exit(), errors.err());
        assertTrue(errors.err().contains("--errors must be 0 or more, not -1"), errors.err());
        Run min = run("--min-macro-f1", "45");
        assertEquals(ExitCodes.USAGE, min.exit(), min.err());
        assertTrue(min.err().contains("--min-macro-f1 is an F1 score between 0 and 1, not 45.0"), min.err());
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.USAGE, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "evaluate",
                "entities", "--gold", "gold.jsonl", "--min-f1", "5"));
        assertTrue(err.toString().contains("--min-f1 is an F1 score between 0 and 1, not 5.0"), err.toString());
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsAUsageError() {
        Run r = run("--from", "2019-06-01", "--to", "2019-01-01");
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains("--from 2019-06-01 is after --to 2019-01-01"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void anUndatedLineLeftOutOfADateRangeIsNamedAndTheExitCodeSaysSo() throws Exception {
        Run ranged = run("--from", "2019-01-01");
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, ranged.exit(), ranged.err());
        assertTrue(ranged.err().contains(gold + ":2: no date, the item is left out of the date range"), ranged.err());
        assertEquals(2, ranged.report().path("documents").asInt());

        Run all = run(); // without a range an undated line is scored like any other
        assertEquals(ExitCodes.OK, all.exit(), all.err());
        assertEquals("", all.err());
        assertEquals(3, all.report().path("documents").asInt());
    }
}
