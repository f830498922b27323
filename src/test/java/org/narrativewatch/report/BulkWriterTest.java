package org.narrativewatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.output.ArticleRecord;
import org.narrativewatch.output.AtomicFileSet;

/**
 * The bulk files delete what the previous run's files in the folder indexed and this run does not,
 * so that loading every run's files leaves the indices as the last run describes; the previous
 * files are read while the new ones are written under other names.
 */
class BulkWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** Writes the bulk files of the records, one part per article (parts of one byte). */
    private List<String> write(Path out, List<Path> records) throws IOException {
        try (AtomicFileSet files = new AtomicFileSet(out, out.resolve("journal.json"));
             BulkWriter bulk = new BulkWriter(out.resolve("elasticsearch"), "narrative-watch", 1, files)) {
            for (Path file : records.stream().sorted().toList()) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - ".json".length());
                bulk.add(new ReportArticle(ArticleRecord.read(Files.readAllBytes(file)).checkedAs(name), id), id, null);
            }
            List<String> parts = bulk.finish();
            files.commit();
            return parts;
        }
    }

    /**
     * Day 1 has three articles late in record order, day 2 all of them, each in a part of its own, so
     * that the new parts outrun the previous ones they are compared with; day 3 keeps two.
     */
    @Test
    void loadingEveryRunLeavesWhatTheLastRunDescribesAcrossParts() throws IOException {
        List<Path> records = ArticleFixtures.writeCorpus(tmp.resolve("articles")).stream().sorted().toList();
        Path out = tmp.resolve("out");
        BulkLoad indices = new BulkLoad();

        write(out, records.subList(records.size() - 3, records.size()));
        indices.load(out);
        List<String> parts = write(out, records);
        assertEquals(records.size(), parts.size());
        assertEquals(docsOf(records), indices.load(out).docs().keySet().stream().toList());
        assertEquals(new BulkLoad().load(out).docs(), indices.docs());

        parts = write(out, records.subList(0, 2));
        assertEquals(docsOf(records.subList(0, 2)), indices.load(out).docs().keySet().stream().toList());
        try (Stream<Path> files = Files.list(out.resolve("elasticsearch"))) {
            assertEquals(parts, files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "the parts of the larger run before are removed, no temporary file is left");
        }
    }

    /** The documents the records describe: {@code _index/_id}, sorted. */
    private static List<String> docsOf(List<Path> records) throws IOException {
        List<String> docs = new ArrayList<>();
        for (Path file : records) {
            JsonNode record = JSON.readTree(file.toFile());
            String id = record.path("id").asText();
            docs.add("narrative-watch-articles/" + id);
            for (JsonNode narrative : record.path("narratives")) {
                for (int e = 0; e < narrative.path("evidence").size(); e++) {
                    docs.add("narrative-watch-evidence/" + id + ":" + narrative.path("id").asText() + ":" + e);
                }
            }
        }
        docs.sort(null);
        return docs;
    }

    /**
     * Previous files out of record order (hand-made) cannot be walked alongside the records: no
     * delete then names a document this run indexes, and the run says the indices need a reload.
     */
    @Test
    void previousFilesOutOfOrderNeverDeleteWhatThisRunIndexes() throws IOException {
        String log = reportOverPreviousBulk("""
                {"index":{"_index":"narrative-watch-articles","_id":"zzz-gone"}}
                {"id":"zzz-gone"}
                {"index":{"_index":"narrative-watch-articles","_id":"emoji-offsets"}}
                {"id":"emoji-offsets"}
                {"index":{"_index":"narrative-watch-evidence","_id":"emoji-offsets:russia-abandons-allies:0"}}
                {"article_id":"emoji-offsets"}
                """);
        assertTrue(log.contains("are not in record order"), log);
        Map<String, JsonNode> loaded = new BulkLoad().load(out()).docs();
        assertTrue(loaded.containsKey("narrative-watch-evidence/emoji-offsets:russia-abandons-allies:0"), loaded.keySet().toString());
        assertTrue(loaded.containsKey("narrative-watch-articles/emoji-offsets"));
        assertFalse(loaded.containsKey("narrative-watch-articles/zzz-gone"), "read before the disorder: deleted");
        assertEquals(1, Files.readString(out().resolve(PREVIOUS_BULK)).split("\"delete\"", -1).length - 1);
    }

    /** A line that is no action of this tool's (an update) stops the walk, not the report. */
    @Test
    void aForeignPreviousFileDoesNotStopTheReport() throws IOException {
        String log = reportOverPreviousBulk("{\"update\":{\"_index\":\"x\",\"_id\":\"1\"}}\n{\"doc\":{}}\nnot json\n");
        assertTrue(log.contains("are not in record order"), log);
        assertEquals(docsOf(Files.list(records()).sorted().toList()), new BulkLoad().load(out()).docs().keySet().stream().toList());
    }

    /** Deletes name the index the document was loaded into: another --index-prefix empties the old indices. */
    @Test
    void anotherIndexPrefixDeletesTheDocumentsOfTheOldIndices() throws IOException {
        Path records = tmp.resolve("articles");
        ArticleFixtures.writeCorpus(records);
        Path out = tmp.resolve("out");
        BulkLoad indices = new BulkLoad();
        indices.load(reportRun(records, out, "narrative-watch"));
        Map<String, JsonNode> loaded = indices.load(reportRun(records, out, "nw")).docs();
        assertFalse(loaded.isEmpty());
        assertTrue(loaded.keySet().stream().allMatch(k -> k.startsWith("nw-")), loaded.keySet().toString());
    }

    private static final String PREVIOUS_BULK = "elasticsearch/bulk-0001.ndjson";

    private Path records() {
        return tmp.resolve("articles");
    }

    private Path out() {
        return tmp.resolve("out");
    }

    /**
     * Reports the fixture records into a folder whose previous run left a bulk file with these
     * lines; returns the report's log.
     */
    private String reportOverPreviousBulk(String previousBulkLines) throws IOException {
        ArticleFixtures.writeCorpus(records());
        Path bulk = out().resolve(PREVIOUS_BULK);
        Files.createDirectories(bulk.getParent());
        Files.writeString(bulk, previousBulkLines);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new ReportJob(ReportJob.Options.DEFAULTS, new PrintStream(log, true, StandardCharsets.UTF_8)).run(records(), out());
        return log.toString(StandardCharsets.UTF_8);
    }

    private Path reportRun(Path records, Path out, String prefix) throws IOException {
        new ReportJob(new ReportJob.Options(10, false, prefix), new PrintStream(new ByteArrayOutputStream()))
                .run(records, out);
        return out;
    }
}
