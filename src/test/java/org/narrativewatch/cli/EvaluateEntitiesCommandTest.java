package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
}
