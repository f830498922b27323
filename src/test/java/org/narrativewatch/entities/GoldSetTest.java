package org.narrativewatch.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.narrativewatch.TestData;
import org.narrativewatch.pipeline.Resources;

/**
 * The gold sets (the tuning set gold.jsonl and the blind held-out set heldout.jsonl) and the documented
 * formats: all must parse and agree with the catalog and the texts.
 */
class GoldSetTest {
    private static final Path GOLD = Path.of("src/test/resources/gold/entities/gold.jsonl");
    private static final Path HELD_OUT = Path.of("src/test/resources/gold/entities/heldout.jsonl");
    private static final Path DOC = Path.of("docs/entities-format.md");
    private static final Consumer<String> NO_WARNINGS = warning -> {
        throw new AssertionError(warning);
    };

    private static String block(String language) throws IOException {
        Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        assertTrue(m.find(), "no " + language + " example in " + DOC);
        return m.group(1);
    }

    private static Set<String> mentionsReferToCatalogEntitiesAndNeverRepeat(Path file) throws IOException {
        EntityCatalog catalog = EntityCatalog.load(Resources.read(null, "entities.yaml"), "packaged");
        Set<String> spans = new HashSet<>();
        Set<String> articles = new HashSet<>();
        for (GoldMention g : GoldMention.read(file, NO_WARNINGS)) {
            assertTrue(catalog.get(g.kbId()) != null, "unknown id in " + g);
            assertTrue(spans.add(g.article() + ":" + g.start()), "two mentions start at " + g);
            articles.add(g.article());
        }
        return articles;
    }

    @Test
    void goldMentionsReferToCatalogEntitiesAndNeverRepeat() throws IOException {
        Set<String> articles = mentionsReferToCatalogEntitiesAndNeverRepeat(GOLD);
        assertTrue(articles.contains("russia-abandons-its-allies.txt"));
        assertTrue(articles.stream().filter(a -> a.startsWith("article")).count() >= 20, articles.toString());
    }

    @Test
    void heldOutMentionsReferToCatalogEntitiesAndCoverOnlyArticlesOutsideTheTuningSet() throws IOException {
        Set<String> heldOut = mentionsReferToCatalogEntitiesAndNeverRepeat(HELD_OUT);
        Set<String> tuning = GoldMention.read(GOLD, NO_WARNINGS).stream().map(GoldMention::article)
                .collect(Collectors.toSet());
        assertTrue(heldOut.size() >= 8, heldOut.toString());
        assertTrue(heldOut.stream().noneMatch(tuning::contains), "held-out articles also in " + GOLD + ": " + heldOut);
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/test/resources/gold/entities/gold.jsonl", "src/test/resources/gold/entities/heldout.jsonl"})
    void goldTextsAreTheArticlesTextsAtTheirCodePointOffsets(String goldFile) throws IOException {
        Path shared = TestData.shared();
        for (GoldMention g : GoldMention.read(Path.of(goldFile), NO_WARNINGS)) {
            Path file = g.article().startsWith("article") ? shared.resolve("ptc/articles").resolve(g.article())
                    : shared.resolve("sample").resolve(g.article());
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int from = text.offsetByCodePoints(0, g.start());
            assertEquals(g.text(), text.substring(from, text.offsetByCodePoints(from, g.end() - g.start())), g.toString());
        }
    }

    @Test
    void documentedCatalogExampleParses() throws IOException {
        EntityCatalog example = EntityCatalog.load(block("yaml").getBytes(StandardCharsets.UTF_8), DOC.toString());
        assertEquals(3, example.entities().size());
        assertEquals(List.of("Georgia"), example.get("Q230").context().ambiguous());
        assertEquals(List.of("Moscow", "Kremlin"), example.get("Q159").metonyms());
    }

    @Test
    void documentedGoldExampleParsesAndIsInTheGoldSet(@TempDir Path dir) throws IOException {
        Path example = dir.resolve("example.jsonl");
        Files.writeString(example, block("jsonl"));
        List<GoldMention> documented = GoldMention.read(example, NO_WARNINGS);
        assertEquals(2, documented.size());
        List<GoldMention> gold = GoldMention.read(GOLD, NO_WARNINGS);
        assertTrue(documented.stream().allMatch(d -> gold.stream().anyMatch(d::sameAnnotation)), documented.toString());
    }
}
