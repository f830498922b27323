package org.narrativewatch.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.TestData;
import org.narrativewatch.cli.Main;

/**
 * Re-running analyze into the same folder after 1% of the articles changed analyses only those,
 * and writes exactly what a clean run writes.
 */
class IncrementalAnalyzeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ARTICLES = 100;

    @TempDir
    static Path tmp;

    private static Path corpus;
    private static Path changed;

    @BeforeAll
    static void corpusWithOneChangedArticle() throws IOException {
        corpus = tmp.resolve("corpus");
        Files.createDirectories(corpus);
        List<Path> ptc;
        try (Stream<Path> files = Files.list(TestData.shared().resolve("ptc/articles"))) {
            ptc = files.sorted().limit(ARTICLES).toList();
        }
        for (Path p : ptc) {
            Files.copy(p, corpus.resolve(p.getFileName()));
        }
        changed = corpus.resolve(ptc.get(ARTICLES / 2).getFileName());
    }

    private static JsonNode summary(Path out) throws IOException {
        return JSON.readTree(out.resolve("summary.json").toFile()).get("counts");
    }

    private static void analyze(Path out, String... more) {
        String[] args = Stream.concat(Stream.of("analyze", corpus.toString(), "--out", out.toString(), "--quiet",
                "--threads", "2"), Stream.of(more)).toArray(String[]::new);
        assertEquals(0, Main.run(args));
    }

    @Test
    void onlyTheChangedArticleIsAnalysedAgainAndOutputEqualsACleanRun() throws IOException {
        Path out = tmp.resolve("incremental");
        analyze(out, "--jsonl", tmp.resolve("first.jsonl").toString());
        assertEquals(0, summary(out).get("articles_reused").asInt());
        byte[] before = Files.readAllBytes(out.resolve("articles").resolve(fileName(changed)));

        Files.writeString(changed, TestData.read(changed) + "\nMoscow denied it.\n",
                java.nio.charset.StandardCharsets.UTF_8);
        analyze(out, "--jsonl", tmp.resolve("second.jsonl").toString());
        JsonNode counts = summary(out);
        assertEquals(ARTICLES - 1, counts.get("articles_reused").asInt());
        assertEquals(0, counts.get("articles_partly_reused").asInt());
        assertEquals(ARTICLES, counts.get("articles_analyzed").asInt());
        assertNotEquals(new String(before), Files.readString(out.resolve("articles").resolve(fileName(changed))));

        Path clean = tmp.resolve("clean");
        analyze(clean, "--jsonl", tmp.resolve("clean.jsonl").toString());
        assertEquals(0, summary(clean).get("articles_reused").asInt());
        assertSameFiles(clean.resolve("articles"), out.resolve("articles"));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("clean.jsonl")), Files.readAllBytes(tmp.resolve("second.jsonl")));
        assertEquals(summary(clean).get("tokens"), counts.get("tokens"));
    }

    @Test
    void aChangedNarrativeCatalogReRunsOnlyTheNarrativeStage() throws IOException {
        Path catalog = tmp.resolve("narratives");
        Files.createDirectories(catalog);
        try (Stream<Path> files = Files.list(Path.of("models/narratives"))) {
            for (Path f : files.toList()) {
                Files.copy(f, catalog.resolve(f.getFileName()));
            }
        }
        Path out = tmp.resolve("catalog-change");
        analyze(out, "--narratives", catalog.toString());
        Path allies = catalog.resolve("allies-and-security.yaml");
        String before = TestData.read(allies);
        Files.writeString(allies, before.replaceFirst("threshold: 1.0", "threshold: 0.5"));
        assertNotEquals(before, TestData.read(allies));
        analyze(out, "--narratives", catalog.toString());
        JsonNode counts = summary(out);
        assertEquals(0, counts.get("articles_reused").asInt());
        assertEquals(ARTICLES, counts.get("articles_partly_reused").asInt());
        JsonNode stages = JSON.readTree(out.resolve("summary.json").toFile()).get("timings").get("stage_seconds");
        assertEquals(0.0, stages.get("nlp").asDouble());
        assertEquals(0.0, stages.get("entities").asDouble());

        Path clean = tmp.resolve("catalog-clean");
        analyze(clean, "--narratives", catalog.toString());
        assertSameFiles(clean.resolve("articles"), out.resolve("articles"));
    }

    private static JsonNode run(String input, Path out) throws IOException {
        assertEquals(0, Main.run("analyze", input, "--out", out.toString(), "--quiet", "--threads", "2"));
        return summary(out);
    }

    /** The name the working folder reaches a folder by, as an analyst types it. */
    private static String relative(Path folder) {
        return Path.of("").toAbsolutePath().relativize(folder.toAbsolutePath()).toString();
    }

    @Test
    void aFolderNamedAnotherWayReusesEveryArticleAndItsRecordsShowTheNewName() throws IOException {
        Path in = tmp.resolve("named");
        Files.createDirectories(in);
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path p : files.sorted().limit(10).toList()) {
                Files.copy(p, in.resolve(p.getFileName()));
            }
        }
        Path out = tmp.resolve("named-out");
        assertEquals(0, run(in.toAbsolutePath().toString(), out).get("articles_reused").asInt());
        JsonNode counts = run(relative(in), out);
        assertEquals(10, counts.get("articles_reused").asInt());
        JsonNode record = JSON.readTree(out.resolve("articles/article111111112.json").toFile());
        assertEquals(relative(in) + "/article111111112.txt", record.get("origin").get("file").asText());

        Path clean = tmp.resolve("named-clean");
        run(relative(in), clean);
        assertSameFiles(clean.resolve("articles"), out.resolve("articles"));
    }

    /** The audit's feed: articles with their own ids, long enough to be kept (LayerCache.MIN_CHARS). */
    private static String feedLine(int n, String text) throws IOException {
        return JSON.writeValueAsString(java.util.Map.of("id", "a" + n, "title", "Story " + n, "text", text)) + "\n";
    }

    private static final String NATO = ("Moscow said on Monday that NATO is preparing a war against Russia. The Kremlin "
            + "warned that the alliance plans an attack on its borders, and that Russia will answer any aggression. ")
            .repeat(3);

    @Test
    void unchangedArticlesAreReusedWhenALineIsInsertedAboveThemAndEditedOnesAreNot() throws IOException {
        Path in = tmp.resolve("feed");
        Files.createDirectories(in);
        Path feed = in.resolve("feed.jsonl");
        String lines = feedLine(1, NATO + " Item 1.") + feedLine(2, NATO + " Item 2.") + feedLine(3, NATO + " Item 3.");
        Files.writeString(feed, lines);
        Path out = tmp.resolve("feed-out");
        run(in.toString(), out);

        Files.writeString(feed, "{\"id\":\"a0\",\"text\":\"A short new item about Moscow.\"}\n" + lines);
        JsonNode counts = run(in.toString(), out);
        assertEquals(4, counts.get("articles_read").asInt());
        assertEquals(3, counts.get("articles_reused").asInt());
        assertEquals(3, JSON.readTree(out.resolve("articles/a2.json").toFile()).get("origin").get("line").asInt());
        Path clean = tmp.resolve("feed-clean");
        run(in.toString(), clean);
        assertSameFiles(clean.resolve("articles"), out.resolve("articles"));

        Files.writeString(feed, Files.readString(feed).replace("Item 2.", "Item 2, updated."));
        assertEquals(2, run(in.toString(), out).get("articles_reused").asInt());
    }

    private static String fileName(Path article) {
        String name = article.getFileName().toString();
        return name.substring(0, name.length() - ".txt".length()) + ".json";
    }

    static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(expected)) {
            files = s.sorted().toList();
        }
        try (Stream<Path> s = Files.list(actual)) {
            assertEquals(files.size(), s.count());
        }
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(actual.resolve(f.getFileName())), f.toString());
        }
    }
}
