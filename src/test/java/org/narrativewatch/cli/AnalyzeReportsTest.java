package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: analyze on the project's corpus/ writes the per-article records and then every report. */
class AnalyzeReportsTest {
    @TempDir
    Path out;

    private static long count(Path dir, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(suffix)).count();
        }
    }

    @Test
    void analyzeOnTheCorpusWritesAllReportFormats() throws Exception {
        long articles = count(Path.of("corpus"), ".txt");
        assertEquals(ExitCodes.OK, Main.run("analyze", "corpus", "--out", out.toString(), "-q", "--threads", "2"));

        assertEquals(articles, count(out.resolve("articles"), ".json"));
        JsonNode report = new ObjectMapper().readTree(out.resolve("aggregates/report.json").toFile());
        assertEquals(articles, report.path("totals").path("articles").asLong());
        assertEquals(articles, report.path("totals").path("undated").asLong(), "text files carry no date");
        assertEquals(12, count(out.resolve("csv"), ".csv"));
        assertEquals(articles, count(out.resolve("html/articles"), ".html"));
        String index = Files.readString(out.resolve("index.html"));
        for (String chart : new String[] {"timeline", "heatmap", "network"}) {
            assertTrue(index.contains("<svg class=\"chart " + chart), chart);
        }
        try (Stream<String> lines = Files.lines(out.resolve("elasticsearch/bulk-0001.ndjson"))) {
            assertEquals(articles, lines.filter(l -> l.contains("\"_index\":\"narrative-watch-articles\"")).count());
        }
        String page = Files.readString(out.resolve("html/articles/russia-abandons-its-allies.html"));
        assertTrue(page.contains("class=\"dropped\""), "the sample's boilerplate is marked on its page");
    }
}
