package org.narrativewatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small version of the 100,000-record benchmark (bench/report-100k.sh): 2,000 generated
 * records, 77 MB of JSON, reported by the command line in a JVM limited to a 64 MB heap, which
 * only works if records are streamed rather than held.
 */
class ReportScaleTest {
    static final int RECORDS = 2000;

    @TempDir
    Path tmp;

    @Test
    void twoThousandRecordsStreamThroughA64MegabyteHeap() throws Exception {
        Path records = tmp.resolve("articles");
        GenerateArticles.write(RECORDS, records);
        Path out = tmp.resolve("reports");
        Process report = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), "org.narrativewatch.cli.Main",
                "report", "--from", records.toString(), "--out", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(report.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(report.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, report.exitValue(), log);

        JsonNode totals = new ObjectMapper().readTree(out.resolve("aggregates/report.json").toFile()).path("totals");
        assertEquals(RECORDS, totals.path("articles").asInt());
        assertTrue(totals.path("undated").asInt() > 0, "the generator leaves 5% undated");
        assertEquals(GenerateArticles.OUTLETS, totals.path("sources").asInt(), 40);
        try (Stream<Path> pages = Files.list(out.resolve("html/articles"))) {
            assertEquals(RECORDS, pages.count());
        }
        try (Stream<Path> lists = Files.list(out.resolve("html"))) {
            assertEquals(RECORDS / ArticleLists.PAGE_SIZE, lists.filter(p -> p.toString().endsWith(".html")).count());
        }
        long articleDocs;
        try (Stream<String> lines = Files.lines(out.resolve("elasticsearch/bulk-0001.ndjson"))) {
            articleDocs = lines.filter(l -> l.contains("\"_index\":\"narrative-watch-articles\"")).count();
        }
        assertEquals(RECORDS, articleDocs);
    }
}
