package org.narrativewatch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.Printed;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.Dropped;
import org.narrativewatch.doc.EntityMention;
import org.narrativewatch.doc.Evidence;
import org.narrativewatch.doc.NarrativeHit;
import org.narrativewatch.doc.Origin;
import org.narrativewatch.doc.Sentence;
import org.narrativewatch.doc.Stance;
import org.narrativewatch.doc.Span;
import org.narrativewatch.narratives.Catalog;

/** The documented example in docs/article-schema.md is what the writer produces. */
public class ArticleSchemaDocTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static JsonNode documentedExample() throws IOException {
        String doc = Files.readString(Path.of("docs/article-schema.md"));
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(m.find(), "docs/article-schema.md has a json example");
        return JSON.readTree(m.group(1));
    }

    /** The documented example's article, built the way the pipeline builds it. */
    static Doc exampleDoc() {
        String text = "Europe\n\nRussia Abandons Its Allies\n\nIn 2023, Russia betrayed Armenia.\n\nRecent Posts\n\n4 hours ago";
        Article article = new Article("russia-abandons-its-allies", text, "Russia Abandons Its Allies", new Span(8, 34),
                null, null, null, null, new Origin("corpus/russia-abandons-its-allies.txt", 0),
                List.of(new Dropped(new Span(0, 6), "section-label"), new Dropped(new Span(71, 96), "site-boilerplate")));
        Doc doc = new Doc(article);
        doc.setLanguage("en", 0.027);
        doc.setTokens(List.of(), List.of(new Sentence(0, 8, 34, 0, 4), new Sentence(1, 36, 69, 4, 11)));
        doc.setEntities(List.of(
                new EntityMention(8, 14, "Russia", 0, "Q159", "Russia", "state", "alias"),
                new EntityMention(45, 51, "Russia", 1, "Q159", "Russia", "state", "alias"),
                new EntityMention(61, 68, "Armenia", 1, "Q399", "Armenia", "state", "alias")));
        doc.setNarratives(List.of(new NarrativeHit("russia-abandons-allies", "Russia abandons or betrays its allies", 1.0,
                Stance.ASSERTS, List.of(new Evidence("russia-betrays-ally-state", 1, 45, 68, "Russia betrayed Armenia",
                        List.of("Q159", "Q399"), null, Stance.ASSERTS, 1.0)))));
        return doc;
    }

    @Test
    void documentedExampleHasExactlyTheFieldsTheWriterEmits() throws IOException {
        JsonNode documented = documentedExample();
        Map<String, String> versions = new java.util.TreeMap<>();
        documented.get("versions").fields().forEachRemaining(v -> versions.put(v.getKey(), v.getValue().asText()));
        ArticleJson writer = new ArticleJson(versions, false);
        JsonNode written = JSON.readTree(writer.pretty(exampleDoc()));
        assertEquals(fieldPaths(written, ""), fieldPaths(documented, ""));
    }

    /**
     * The example names this release and the packaged catalog, so that its versions (and the store
     * fingerprint StoredArticleTest pins on it) are brought up to date with every release and catalog change.
     */
    @Test
    void documentedExampleNamesThisReleaseAndThePackagedCatalog() throws IOException {
        JsonNode versions = documentedExample().get("versions");
        Properties build = new Properties();
        try (InputStream in = ArticleSchemaDocTest.class.getResourceAsStream("/narrative-watch.properties")) {
            build.load(in);
        }
        assertEquals(build.getProperty("version"), versions.get("narrative-watch").asText());
        assertEquals(Catalog.load(null).hash(), versions.get("narratives").asText());
    }

    @Test
    void documentedExampleOffsetsPointAtTheirText() throws IOException {
        JsonNode d = documentedExample();
        String text = d.get("text").asText();
        for (JsonNode e : d.get("entities")) {
            assertEquals(e.get("text").asText(), text.substring(e.get("start").asInt(), e.get("end").asInt()));
        }
        for (JsonNode drop : d.get("dropped")) {
            assertEquals(drop.get("text").asText(), text.substring(drop.get("start").asInt(), drop.get("end").asInt()));
        }
        assertEquals(d.get("counts").get("characters").asInt(), text.codePointCount(0, text.length()));
    }

    /**
     * The example is the record that analyze writes for its text, value for value (audit 8a: it showed
     * language_confidence 1.0, which only an input that gives the language has; this .txt gets the
     * detector's value). Only the origin differs: the file is analysed here in a temporary folder.
     */
    @Test
    void documentedExampleIsTheRecordAnalyzeWritesForItsText(@TempDir Path dir) throws IOException {
        JsonNode documented = documentedExample();
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve(documented.get("id").asText() + ".txt"), documented.get("text").asText());
        Path out = dir.resolve("out");
        Printed run = Printed.run("analyze", corpus.toString(), "--out", out.toString(), "--no-db", "--quiet",
                "--no-article-pages");
        assertEquals(0, run.code(), run.stderr());
        ObjectNode written = (ObjectNode) JSON.readTree(out.resolve("articles/russia-abandons-its-allies.json").toFile());

        assertEquals(corpus.resolve("russia-abandons-its-allies.txt").toString(), written.get("origin").get("file").asText());
        written.set("origin", documented.get("origin"));
        assertEquals(documented, written);
    }

    @Test
    void offsetsAreCodePointsWhenTheTextHasCharactersOutsideTheBmp() throws IOException {
        String text = "\uD83D\uDE00 Russia";
        Article article = new Article("e", text, null, null, null, null, null, null, new Origin("e.txt", 0), List.of());
        Doc doc = new Doc(article);
        doc.setEntities(List.of(new EntityMention(3, 9, "Russia", 0, "Q159", "Russia", "state", "alias")));
        JsonNode written = JSON.readTree(new ArticleJson(Map.of(), false).line(doc));
        assertEquals(2, written.get("entities").get(0).get("start").asInt());
        assertEquals(8, written.get("entities").get(0).get("end").asInt());
    }

    private static TreeSet<String> fieldPaths(JsonNode node, String prefix) {
        TreeSet<String> paths = new TreeSet<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                paths.add(prefix + f.getKey());
                paths.addAll(fieldPaths(f.getValue(), prefix + f.getKey() + "."));
            });
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                paths.addAll(fieldPaths(item, prefix + "[]."));
            }
        }
        return paths;
    }
}
