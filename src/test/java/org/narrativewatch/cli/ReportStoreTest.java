package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.report.ArticleFixtures;

/**
 * {@code report} loads the records into the SQL store and records its own run: the folder of records
 * it read as its input, the versions the records carry, and no counts of an analysis (docs/store.md,
 * "runs").
 */
class ReportStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = "SELECT command, started_at, inputs, versions, threads, tokens, articles_read, "
            + "finished_at, wall_seconds, store_inserted FROM runs";

    @TempDir
    Path tmp;

    /**
     * A report into the folder of an analyze run reads no summary.json: that file describes the
     * analyze run, whose inputs, start and counts (tokens analysed once) the report's row must not
     * repeat as its own. The records there all carry the analyze run's versions.
     */
    @Test
    void aReportIntoTheFolderOfAnAnalyzeRunRecordsItselfNotTheAnalyzeRun() throws Exception {
        Path out = tmp.resolve("reports");
        assertEquals(ExitCodes.OK, Main.run("analyze", Path.of("corpus", "russia-abandons-its-allies.txt").toString(),
                "--out", out.toString(), "-q", "--no-db"));
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.path("versions").size() > 3, summary.toString());

        assertEquals(ExitCodes.OK, Main.run("report", "--out", out.toString(), "-q"));
        List<List<String>> runs = AnalyzeStoreTest.rows("jdbc:sqlite:" + out.resolve("narrative-watch.sqlite"), RUN);
        assertEquals(1, runs.size());
        List<String> run = runs.get(0);
        assertEquals("report", run.get(0));
        assertFalse(Instant.parse(run.get(1)).isBefore(Instant.parse(summary.path("finished_at").asText())),
                "the report's start, not the analyze run's: " + run.get(1));
        assertEquals(JSON.writeValueAsString(List.of(out.resolve("articles").toString())), run.get(2),
                "the records folder read (OUT/articles when --from is not given)");
        assertEquals(summary.path("versions"), JSON.readTree(run.get(3)));
        assertEquals(Arrays.asList(null, null, null, null, null, "1"), run.subList(4, run.size()),
                "no threads, tokens, articles read, end of analysis or analysis time: a report analyses nothing");
    }

    /**
     * A report from a folder of records written with different releases and catalogs lists, for each
     * component, the one version every record agrees on or all the versions found, sorted.
     */
    @Test
    void aReportFromAFolderNamesItAndListsTheVersionsItsRecordsCarry() throws Exception {
        Path records = tmp.resolve("records");
        for (String id : List.of("a", "b", "c")) {
            ArticleFixtures.write(records, "Moscow will abandon its allies in the Caucasus.\n", id + ".txt",
                    new ArticleFixtures.Meta(id, null, null, "Outlet A", "2018-01-10"));
        }
        assertEquals("{\"narrative-watch\":\"test\"}", versions(records.resolve("a.json")).toString());
        setVersions(records.resolve("b.json"), "{\"narrative-watch\":\"0.4.2\",\"narratives\":\"sha256:bbbb\","
                + "\"ner\":\"off\"}");
        setVersions(records.resolve("c.json"), "{\"narrative-watch\":\"0.4.2\",\"narratives\":\"sha256:aaaa\"}");

        Path out = tmp.resolve("rebuilt");
        assertEquals(ExitCodes.OK, Main.run("report", "--from", records.toString(), "--out", out.toString(), "-q"));
        List<List<String>> runs = AnalyzeStoreTest.rows("jdbc:sqlite:" + out.resolve("narrative-watch.sqlite"), RUN);
        assertEquals(1, runs.size());
        List<String> run = runs.get(0);
        assertEquals("report", run.get(0));
        assertEquals(JSON.writeValueAsString(List.of(records.toString())), run.get(2), "the --from folder, as given");
        assertEquals(JSON.readTree("{\"narrative-watch\":[\"0.4.2\",\"test\"],\"narratives\":[\"sha256:aaaa\","
                + "\"sha256:bbbb\"],\"ner\":\"off\"}"), JSON.readTree(run.get(3)));
        assertEquals(Arrays.asList(null, null, null, null, null, "3"), run.subList(4, run.size()));
    }

    private static JsonNode versions(Path record) throws Exception {
        return JSON.readTree(record.toFile()).path("versions");
    }

    private static void setVersions(Path record, String versions) throws Exception {
        ObjectNode json = (ObjectNode) JSON.readTree(record.toFile());
        json.set("versions", JSON.readTree(versions));
        JSON.writeValue(record.toFile(), json);
    }
}
