package org.narrativewatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.TestData;
import org.narrativewatch.cli.Main;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Dropped;
import org.narrativewatch.doc.Origin;

class PageLayoutTest {
    private static PageLayout layout;

    @BeforeAll
    static void load() throws IOException {
        layout = TestData.shippedLayout();
    }

    private static Article laidOut(String text) {
        return layout.apply(new Article("a", text, null, null, null, null, null, null, new Origin("t.txt", 0), List.of()));
    }

    @Test
    void sampleArticleHasItsTitleNotTheSectionLabel() throws IOException {
        Article a = laidOut(TestData.read(TestData.sampleArticle()));
        assertEquals("Russia Abandons Its Allies", a.title());
        assertEquals("Russia Abandons Its Allies", a.titleSpan().of(a.text()));
        assertEquals(8, a.titleSpan().start());
        Dropped label = a.dropped().get(0);
        assertEquals(PageLayout.SECTION_LABEL, label.reason());
        assertEquals("Europe", label.span().of(a.text()));
    }

    @Test
    void sampleArticleTrailingBoilerplateIsDroppedAndTheBodyKept() throws IOException {
        Article a = laidOut(TestData.read(TestData.sampleArticle()));
        Dropped furniture = a.dropped().get(1);
        assertEquals(PageLayout.SITE_BOILERPLATE, furniture.reason());
        String dropped = furniture.span().of(a.text());
        assertTrue(dropped.startsWith("Past team authors"), dropped);
        assertTrue(dropped.contains("Recent Posts") && dropped.contains("4 hours ago") && dropped.endsWith("6 days ago"));
        String analysed = a.analysedText();
        assertTrue(analysed.contains("A new ally or its own regime?"), "last body sentence kept");
        assertTrue(!analysed.contains("Recent Posts") && !analysed.contains("Lithuania Fights"));
        assertEquals(a.text().length(), analysed.length(), "blanking keeps offsets");
    }

    @Test
    void ptcConventionTitleMayEndWithAFullStopAndWrapOverLines() throws IOException {
        Path ptc = TestData.shared().resolve("ptc/articles");
        Article immigration = laidOut(TestData.read(ptc.resolve("article702111021.txt")));
        assertEquals("America's Immigration Voice.", immigration.title());
        Article wrapped = laidOut(TestData.read(ptc.resolve("article111111121.txt")));
        assertEquals("Dallas Police Dept.\nfires officer who killed Botham Jean in his apartment", wrapped.title(),
                "the title as the file has it, line break and all");
        assertEquals(wrapped.title(), wrapped.titleSpan().of(wrapped.text()));
        assertTrue(wrapped.dropped().isEmpty());
    }

    @Test
    void noPtcArticleLosesTextOrTitle() throws IOException {
        try (var files = Files.list(TestData.shared().resolve("ptc/articles"))) {
            for (Path f : files.toList()) {
                Article a = laidOut(TestData.read(f));
                assertTrue(a.title() != null, "title of " + f);
                assertEquals(a.title(), a.titleSpan().of(a.text()), "the title is the text its span covers in " + f);
                assertTrue(a.dropped().isEmpty(), "nothing dropped from " + f + ": " + a.dropped());
            }
        }
    }

    @Test
    void aTeaserListWithoutHeadingIsDroppedFromItsFirstTeaser() {
        String text = "A Title\n\nFirst body paragraph about the war.\n\nSecond body paragraph.\n\n"
                + "Another Story Headline\n\nTeaser text of the other story…\n\n2 days ago\n\n"
                + "Third Story\n\nMore teaser…\n\n5 days ago";
        Article a = laidOut(text);
        assertEquals("A Title", a.title());
        String dropped = a.dropped().get(0).span().of(text);
        assertTrue(dropped.startsWith("Another Story Headline"), dropped);
        assertTrue(a.analysedText().contains("Second body paragraph."));
    }

    /** The problems that loading {@code yaml} as rules.yaml reports, one per line after the heading. */
    private static List<String> problems(String yaml) {
        return problems(yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(byte[] yaml) {
        IOException e = assertThrows(IOException.class, () -> PageLayout.load(new ByteArrayInputStream(yaml), "rules.yaml"));
        List<String> lines = e.getMessage().lines().toList();
        assertTrue(lines.get(0).matches("page-layout rules have \\d+ problem\\(s\\):"), e.getMessage());
        return lines.subList(1, lines.size());
    }

    @Test
    void rulesAreCheckedLikeTheCatalogs() {
        String keys = "relative_date, section_label_max_words, title_max_words, trailing_markers, "
                + "unbroken_run_max_chars, version";
        assertEquals(List.of("rules.yaml:1: the file is empty; page-layout rules are a mapping with " + keys),
                problems(""));
        assertEquals(List.of("rules.yaml:1: the file is empty; page-layout rules are a mapping with " + keys),
                problems("# rules to come\n"));
        assertEquals(List.of("rules.yaml:3: not valid YAML: Duplicate field 'title_max_words'"),
                problems("version: 1\ntitle_max_words: 40\ntitle_max_words: 12\n"));
        assertEquals(List.of("rules.yaml:2: unknown key 'title_max_word' (allowed: " + keys + ")",
                        "rules.yaml:4: trailing_markers: 'true' is not a line of text (quote it)",
                        "rules.yaml:5: relative_date: not a regular expression: Unclosed group",
                        "rules.yaml:6: unbroken_run_max_chars must be a whole number of at least 0, not 'many'"),
                problems("version: 1\ntitle_max_word: 12\ntrailing_markers:\n  - true\n"
                        + "relative_date: '(ago'\nunbroken_run_max_chars: many\n"));
    }

    @Test
    void analyzeRefusesBrokenRulesBeforeReadingInput(@TempDir Path dir) throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "version: 1\ntrailing_marker: Recent Posts\n");
        assertRefusedByAnalyze(dir, rules, rules + ":2: unknown key 'trailing_marker'");
    }

    /** Runs analyze with {@code rules}: it must stop with exit code 3 and {@code message} before reading any input. */
    private static void assertRefusedByAnalyze(Path dir, Path rules, String message) throws IOException {
        Path input = Files.writeString(dir.resolve("a.txt"), "A Title\n\nRussia betrayed Armenia.\n");
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "analyze", input.toString(),
                "--out", dir.resolve("out").toString(), "--no-db", "--quiet", "--boilerplate", rules.toString());
        assertEquals(3, code, err.toString());
        assertTrue(err.toString().contains(message), err.toString());
        assertTrue(Files.notExists(dir.resolve("out/articles")), "nothing analysed");
    }

    /**
     * Rules saved in Latin-1 are refused at the line of their first byte that is not UTF-8. Read
     * leniently, the marker "Artículos relacionados" became "Art\uFFFDculos relacionados", matched
     * nothing, and the teasers under it were analysed.
     */
    @Test
    void rulesThatAreNotUtf8AreRefusedAtTheirLine(@TempDir Path dir) throws IOException {
        String rules = Files.readString(Path.of("models/boilerplate.yaml"))
                .replace("  - Past team authors\n", "  - Past team authors\n  - Artículos relacionados\n");
        int line = rules.substring(0, rules.indexOf("Artículos")).split("\n", -1).length;
        String expected = "rules.yaml:" + line + ": not valid YAML: byte 0xED (column 8) is not UTF-8; save the file as UTF-8";
        assertEquals(List.of(expected), problems(rules.getBytes(StandardCharsets.ISO_8859_1)));
        Path latin1 = Files.write(dir.resolve("rules.yaml"), rules.getBytes(StandardCharsets.ISO_8859_1));
        assertRefusedByAnalyze(dir, latin1, latin1 + expected.substring("rules.yaml".length()));

        // The same rules in UTF-8 drop the Spanish teaser list.
        PageLayout utf8 = PageLayout.load(new ByteArrayInputStream(rules.getBytes(StandardCharsets.UTF_8)), "rules.yaml");
        String text = "Title here\n\nRussia betrayed Armenia. The Kremlin agreed in advance, according to Politico.\n\n"
                + "Artículos relacionados\n\nSome teaser about Putin.\n";
        Article a = utf8.apply(new Article("a", text, null, null, null, null, null, null, new Origin("t.txt", 0), List.of()));
        assertEquals(List.of(PageLayout.SITE_BOILERPLATE), a.dropped().stream().map(Dropped::reason).toList());
        assertTrue(a.dropped().get(0).span().of(text).startsWith("Artículos relacionados"), a.dropped().toString());
    }

    @Test
    void singleParagraphTextHasNoTitle() {
        Article a = laidOut("Just one paragraph of text about Russia and NATO, without any title at all.");
        assertNull(a.title());
        assertTrue(a.dropped().isEmpty());
    }
}
