package org.narrativewatch.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.TestData;
import org.narrativewatch.cli.Main;
import org.narrativewatch.ingest.ArticleIds;

/**
 * An article keeps its id across runs into the same folder: a new file that clashes with it, an
 * edit, or its folder named another way do not move it (the audit's PTC article111111112 plus a
 * page of the same name).
 */
class StableIdsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "<html><head><title>Kremlin denies meddling</title></head><body><article>"
            + "<h1>Kremlin denies meddling</h1><p>Moscow said the accusations of election meddling were a hoax invented "
            + "by Western media.</p></article></body></html>\n";
    private static final String STORY = "article111111112";

    @TempDir
    Path tmp;

    private static Path article() {
        return TestData.shared().resolve("ptc/articles/" + STORY + ".txt");
    }

    /** The titles of the records in OUT/articles, by id. */
    private static Map<String, String> titles(String input, Path out, String threads) throws IOException {
        assertEquals(0, Main.run("analyze", input, "--out", out.toString(), "--quiet", "--threads", threads));
        Map<String, String> titles = new TreeMap<>();
        try (Stream<Path> files = Files.list(out.resolve("articles"))) {
            for (Path f : files.toList()) {
                JsonNode r = JSON.readTree(f.toFile());
                titles.put(r.get("id").asText(), r.get("title").asText());
            }
        }
        return titles;
    }

    @Test
    void anArticleKeepsItsIdWhenANewFileClashesWithItItIsEditedOrItsFolderIsNamedAnotherWay() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path story = Files.copy(article(), in.resolve(STORY + ".txt"));
        Path out = tmp.resolve("out");
        assertEquals(Map.of(STORY, "US bloggers banned from entering UK"), titles(in.toString(), out, "2"));

        Files.writeString(in.resolve(STORY + ".html"), PAGE);
        Map<String, String> expected = Map.of(STORY, "US bloggers banned from entering UK",
                STORY + "-" + ArticleIds.shortHash(STORY + ".html"), "Kremlin denies meddling");
        assertEquals(expected, titles(in.toString(), out, "2"));

        Files.writeString(story, TestData.read(story).replace("has said", "said on Monday"));
        assertEquals(expected, titles(in.toString(), out, "4"));
        String relative = Path.of("").toAbsolutePath().relativize(in.toAbsolutePath()).toString();
        assertEquals(expected, titles(relative, out, "1"));

        Files.delete(story); // the page keeps its id when the article it clashed with is gone
        assertEquals(Map.of(STORY + "-" + ArticleIds.shortHash(STORY + ".html"), "Kremlin denies meddling"),
                titles(in.toString(), out, "2"));
    }

    @Test
    void withoutAnEarlierRunTheFirstInNameOrderHasTheIdAndAnIdNoArticleClashesWithIsKept() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path story = Files.copy(article(), in.resolve(STORY + ".txt"));
        Files.writeString(in.resolve(STORY + ".html"), PAGE);
        assertEquals(Map.of(STORY, "Kremlin denies meddling",
                        STORY + "-" + ArticleIds.shortHash(STORY + ".txt"), "US bloggers banned from entering UK"),
                titles(in.toString(), tmp.resolve("fresh"), "2"));

        Path out = tmp.resolve("replaced");
        Files.delete(in.resolve(STORY + ".html"));
        titles(in.toString(), out, "2");
        Files.delete(story);
        Files.writeString(in.resolve(STORY + ".html"), PAGE); // replaces the text file: no clash
        assertEquals(Map.of(STORY, "Kremlin denies meddling"), titles(in.toString(), out, "2"));
    }

    @Test
    void theSameFileBelowThreeNamedFoldersGetsThreeIds() throws IOException {
        String clashId = STORY + "-" + ArticleIds.shortHash(STORY + ".txt");
        List<String> args = new ArrayList<>(List.of("analyze"));
        for (String day : List.of("monday", "tuesday", "wednesday")) {
            Path folder = Files.createDirectories(tmp.resolve(day));
            Files.copy(article(), folder.resolve(STORY + ".txt"));
            args.add(folder.toString());
        }
        Path out = tmp.resolve("out");
        args.addAll(List.of("--out", out.toString(), "--quiet"));
        for (int run = 0; run < 2; run++) {
            assertEquals(0, Main.run(args.toArray(String[]::new)));
            try (Stream<Path> files = Files.list(out.resolve("articles"))) {
                assertEquals(Set.of(STORY + ".json", clashId + ".json", clashId + "-2.json"),
                        files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()));
            }
        }
    }
}
