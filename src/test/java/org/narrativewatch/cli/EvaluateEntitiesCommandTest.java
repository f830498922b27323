package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.narrativewatch.TestData;

/** The entity gold set scored end to end, as `narrative-watch evaluate entities` prints it. */
class EvaluateEntitiesCommandTest {
    @Test
    void trackedEntitiesReachF1OfAtLeast095OnTheGoldSet() throws Exception {
        Path shared = TestData.shared();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), "evaluate", "entities",
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
    }
}
