package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.report.BulkLoad;

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

    /**
     * A team loads every run's bulk files into Elasticsearch (docs/reports.md, "Elasticsearch"): after
     * each load the indices hold what that run describes and nothing more, though between runs an
     * article was deleted, one renamed, one edited so that a piece of its evidence went, and a
     * narrative was removed from the catalog. The audit's sentences, analysed by the real pipeline.
     */
    @Test
    void loadingEveryRunsBulkFilesLeavesTheIndicesAsTheLastRunDescribes() throws Exception {
        Path in = Files.createDirectories(out.resolve("in"));
        Path reports = out.resolve("reports");
        Files.writeString(in.resolve("a.txt"), "Migrants destroy Europe\n\nMigrants bring crime and terror to Europe and "
                + "destroy its culture, the party says. Migrants are an invasion of Germany.\n");
        Files.writeString(in.resolve("b.txt"), "Refugees in Sweden\n\nRefugees bring rape and violence to Sweden, said "
                + "the speaker. Europe must close its borders.\n");
        Files.writeString(in.resolve("c.txt"), "Kremlin denies meddling\n\nMoscow said the accusations of election "
                + "meddling were a hoax invented by Western media.\n");
        BulkLoad indices = new BulkLoad();

        assertEquals(ExitCodes.OK, Main.run("analyze", in.toString(), "--out", reports.toString(), "-q", "--no-db"));
        assertEquals(List.of(), actions(reports, "delete"), "nothing to delete on a first run");
        assertLoadedAsDescribed(indices.load(reports), reports);
        assertEquals(3, evidenceOf(indices, "a", "migrants-destroy-europe"));
        assertEquals(2, evidenceOf(indices, "b", "migrants-destroy-europe"));

        Files.delete(in.resolve("b.txt"));
        Files.move(in.resolve("c.txt"), in.resolve("d.txt"));
        Files.writeString(in.resolve("a.txt"), "Migrants destroy Europe\n\nThe party says migrants come to Europe.\n");
        assertEquals(ExitCodes.OK, Main.run("analyze", in.toString(), "--out", reports.toString(), "-q", "--no-db"));
        assertLoadedAsDescribed(indices.load(reports), reports);
        assertEquals(2, evidenceOf(indices, "a", "migrants-destroy-europe"));
        assertEquals(List.of("narrative-watch-articles/a", "narrative-watch-articles/d"), articles(indices));

        Path catalog = out.resolve("narratives");
        try (Stream<Path> files = Files.list(Path.of("models/narratives"))) {
            for (Path file : files.toList()) {
                String yaml = Files.readString(file);
                int removed = yaml.indexOf("  - id: migrants-destroy-europe");
                Files.createDirectories(catalog);
                Files.writeString(catalog.resolve(file.getFileName()), removed < 0 ? yaml
                        : yaml.substring(0, removed) + yaml.substring(yaml.indexOf("\n  - id: ", removed) + 1));
            }
        }
        assertEquals(ExitCodes.OK, Main.run("analyze", in.toString(), "--out", reports.toString(), "-q", "--no-db",
                "--narratives", catalog.toString()));
        assertLoadedAsDescribed(indices.load(reports), reports);
        assertEquals(0, evidenceOf(indices, "a", "migrants-destroy-europe"));
        assertEquals(1, evidenceOf(indices, "d", "election-meddling-denial"), "the other narrative's evidence stays");

        List<String> indexed = actions(reports, "index");
        assertEquals(ExitCodes.OK, Main.run("analyze", in.toString(), "--out", reports.toString(), "-q", "--no-db",
                "--narratives", catalog.toString()));
        assertEquals(List.of(), actions(reports, "delete"), "a run that changed nothing deletes nothing");
        assertEquals(indexed, actions(reports, "index"));
        assertLoadedAsDescribed(indices.load(reports), reports);
    }

    /**
     * The indices equal what the run's bulk files describe by themselves, and that is the records: an
     * article document per record, an evidence document per piece of evidence under an id naming its
     * narrative.
     */
    private static void assertLoadedAsDescribed(BulkLoad indices, Path reports) throws Exception {
        assertEquals(new BulkLoad().load(reports).docs(), indices.docs());
        List<String> articles = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        try (Stream<Path> records = Files.list(reports.resolve("articles"))) {
            for (Path file : records.sorted().toList()) {
                JsonNode record = new ObjectMapper().readTree(file.toFile());
                String id = record.path("id").asText();
                articles.add("narrative-watch-articles/" + id);
                for (JsonNode narrative : record.path("narratives")) {
                    for (int e = 0; e < narrative.path("evidence").size(); e++) {
                        evidence.add("narrative-watch-evidence/" + id + ":" + narrative.path("id").asText() + ":" + e);
                    }
                }
            }
        }
        assertEquals(articles, articles(indices));
        evidence.sort(null);
        assertEquals(evidence, indices.docs().keySet().stream().filter(k -> k.startsWith("narrative-watch-evidence/")).toList());
        indices.docs().forEach((key, doc) -> assertTrue(!key.startsWith("narrative-watch-evidence/")
                || key.contains(":" + doc.path("narrative").asText() + ":"), key));
    }

    private static List<String> articles(BulkLoad indices) {
        return indices.docs().keySet().stream().filter(k -> k.startsWith("narrative-watch-articles/")).toList();
    }

    private static long evidenceOf(BulkLoad indices, String article, String narrative) {
        return indices.docs().values().stream().filter(d -> article.equals(d.path("article_id").asText())
                && narrative.equals(d.path("narrative").asText())).count();
    }

    /** The {@code _index/_id} of the actions of one kind in the run's bulk files. */
    private static List<String> actions(Path reports, String kind) throws Exception {
        List<String> found = new ArrayList<>();
        for (String text : Files.readAllLines(reports.resolve("elasticsearch/bulk-0001.ndjson"))) {
            JsonNode line = new ObjectMapper().readTree(text);
            if (line.size() == 1 && line.has(kind)) {
                found.add(line.path(kind).path("_index").asText() + "/" + line.path(kind).path("_id").asText());
            }
        }
        return found;
    }
}
