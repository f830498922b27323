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
import java.util.ArrayList;
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

    /** The analysed paragraphs of {@code a}: its text with the dropped parts blanked, split at blank lines. */
    private static List<String> analysedParagraphs(Article a) {
        return PageLayout.paragraphs(a.analysedText()).stream().map(p -> p.of(a.analysedText())).toList();
    }

    private static List<String> droppedTexts(Article a) {
        return a.dropped().stream().map(d -> d.span().of(a.text())).toList();
    }

    /** Audit 12b, defect 1: the relative date under a byline is dropped alone; the story is read. */
    @Test
    void aRelativeDateUnderTheBylineIsDroppedAndTheStoryKept() {
        Article a = laidOut("""
                Armenia says Russia abandoned it during Karabakh offensive

                By Anna Petrosyan, Yerevan correspondent

                3 hours ago

                Armenian Prime Minister Nikol Pashinyan said on Tuesday that Russia abandoned Armenia when Azerbaijan launched its offensive in Nagorno-Karabakh.

                The Collective Security Treaty Organization did not respond to Yerevan's request for help, he told parliament.
                """);
        assertEquals("Armenia says Russia abandoned it during Karabakh offensive", a.title());
        assertEquals(List.of("3 hours ago"), droppedTexts(a));
        assertEquals(PageLayout.SITE_BOILERPLATE, a.dropped().get(0).reason());
        assertTrue(a.analysedText().contains("Russia abandoned Armenia when Azerbaijan")
                && a.analysedText().contains("did not respond to Yerevan's request"), a.analysedText());
    }

    /** Audit 12b, defect 1: a live blog's post times are dropped, its posts read (the audit's HTML page). */
    @Test
    void aLiveBlogsPostTimesAreDroppedAndItsPostsRead(@TempDir Path dir) throws IOException {
        Path page = Files.writeString(dir.resolve("liveblog.html"), """
                <!DOCTYPE html>
                <html lang="en"><head><meta property="og:title" content="Live: Armenia freezes CSTO membership"></head>
                <body><main>
                <h1>Live: Armenia freezes CSTO membership</h1>
                <article class="post"><div class="post-time">12 minutes ago</div><p>Prime Minister Nikol Pashinyan said Russia betrayed Armenia in 2023 and that the CSTO had failed its member.</p></article>
                <article class="post"><div class="post-time">1 hour ago</div><p>The Kremlin said Moscow remained committed to its alliance with Armenia.</p></article>
                </main></body></html>
                """);
        Article a = TestData.readAll(new Ingest(ReadOptions.defaults(), layout), List.of(page.toString())).get(0);
        assertEquals(List.of("12 minutes ago", "1 hour ago"), droppedTexts(a));
        assertEquals(List.of("Live: Armenia freezes CSTO membership",
                "Prime Minister Nikol Pashinyan said Russia betrayed Armenia in 2023 and that the CSTO had failed its member.",
                "The Kremlin said Moscow remained committed to its alliance with Armenia."), analysedParagraphs(a));
    }

    /**
     * Audit 13d, defect 1: a live blog's posts, each a time line, a headline line and a short post, are
     * story: only the time lines are dropped (the audit's text).
     */
    @Test
    void aLiveBlogOfHeadedShortPostsKeepsItsPostsAndDropsTheirTimes() {
        Article a = laidOut("""
                Ukraine war live: Lavrov accuses West; Armenia freezes CSTO ties

                Welcome to our live coverage of the war in Ukraine and its fallout across the region. Our correspondents in Kyiv, Moscow and Yerevan bring you the latest developments throughout the day.

                1 hour ago

                Armenia freezes CSTO participation

                Armenian Prime Minister Nikol Pashinyan said Russia has abandoned Armenia and that Yerevan would freeze its participation in the CSTO.

                2 hours ago

                Lavrov: NATO encircling Russia

                Russian Foreign Minister Sergei Lavrov told reporters in Moscow that NATO is encircling Russia and preparing a war against it.

                3 hours ago

                Drones downed over Kharkiv

                Ukraine's air force said it shot down 24 of 27 drones launched overnight; nobody was hurt, officials said.
                """);
        assertEquals(List.of("1 hour ago", "2 hours ago", "3 hours ago"), droppedTexts(a));
        List<String> read = analysedParagraphs(a);
        assertEquals(8, read.size(), read.toString());
        assertEquals("Armenia freezes CSTO participation", read.get(2));
        assertEquals("Ukraine's air force said it shot down 24 of 27 drones launched overnight; nobody was hurt, "
                + "officials said.", read.get(7));
    }

    /** A teaser list whose dates stand above its headlines is still trailing furniture: its teasers are cut short. */
    @Test
    void aTeaserListWithDatesAboveItsHeadlinesIsStillDropped() {
        String body = "A Title\n\nRussia betrayed Armenia, the minister said on Tuesday.\n\nThe Kremlin denied it.\n\n";
        String teasers = "4 hours ago\n\nLithuania Fights for Freedom of Speech\n\nFreedom of speech in Lithuania has "
                + "become the centre of an unprecedented civic mobilisation, as…\n\n22 hours ago\n\n"
                + "Pro-Kremlin media coordinate lies about Kupiansk\n\nEuropean outlets synchronized a campaign that "
                + "turned a defeat into…";
        assertEquals(List.of(teasers), droppedTexts(laidOut(body + teasers)));
    }

    /** Audit 12b, defect 2: an inline "Related" box loses its marker and headline; the story after it is read. */
    @Test
    void anInlineRelatedBoxIsDroppedAndTheStoryAfterItKept() {
        Article a = laidOut("""
                Pashinyan: CSTO failed Armenia

                YEREVAN, March 12. Prime Minister Nikol Pashinyan told parliament on Tuesday that the Collective Security Treaty Organization failed Armenia in 2021 and 2022.

                Related

                Armenia freezes participation in CSTO

                He said that Russia betrayed Armenia when Azerbaijan attacked in September 2023.

                The Kremlin spokesman Dmitry Peskov rejected the accusation.
                """);
        assertEquals(List.of("Related\n\nArmenia freezes participation in CSTO"), droppedTexts(a));
        assertTrue(a.analysedText().contains("Russia betrayed Armenia when Azerbaijan attacked")
                && a.analysedText().contains("Dmitry Peskov rejected"), a.analysedText());
    }

    /** Audit 12b, defect 2, the HTML twin: the "Read more" box between the story's paragraphs. */
    @Test
    void anInlineReadMoreBoxOfAnHtmlPageIsDroppedAndTheStoryAfterItKept(@TempDir Path dir) throws IOException {
        Path page = Files.copy(HtmlStoryTest.INLINE_READ_MORE_PAGE, dir.resolve("inline-related.html"));
        Article a = TestData.readAll(new Ingest(ReadOptions.defaults(), layout), List.of(page.toString())).get(0);
        assertTrue(a.analysedText().contains("Russia betrayed Armenia when Azerbaijan attacked")
                && a.analysedText().contains("Dmitry Peskov rejected"), a.analysedText());
        assertTrue(!a.analysedText().contains("Read more") && !a.analysedText().contains("freezes participation"),
                a.analysedText());
    }

    /** The lines of a real article (PTC), one paragraph each, as a browser's copy gives them. */
    private static List<String> ptcParagraphs(String name) throws IOException {
        return TestData.read(TestData.shared().resolve("ptc/articles").resolve(name)).lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /**
     * Real articles (PTC) pasted with a relative date under the title and a "Read more" box between
     * paragraphs: every paragraph of the story is read, the date and the box are not. The box stands
     * above a story line that ends in a colon ("Fox News reports:"), and the title is two words.
     */
    @Test
    void realArticlesWithADateLineAndAnInlineBoxKeepEveryParagraph() throws IOException {
        for (String name : List.of("article111111124.txt", "article761897089.txt", "article765385479.txt")) {
            List<String> story = ptcParagraphs(name);
            List<String> pasted = new ArrayList<>(story);
            pasted.add(1, "2 hours ago");
            pasted.add(4, "Read more");
            pasted.add(5, "Kremlin denies abandoning its allies");
            Article a = laidOut(String.join("\n\n", pasted));
            assertEquals(story.get(0), a.title(), name);
            assertEquals(List.of("2 hours ago", "Read more\n\nKremlin denies abandoning its allies"), droppedTexts(a), name);
            assertEquals(story, analysedParagraphs(a), name);
        }
    }

    /** What is not story stays dropped: a box at the end with its teasers, and a comment thread however long. */
    @Test
    void boxesAtTheEndAndCommentsAreStillTrailingFurniture() {
        String body = "A Title\n\nRussia betrayed Armenia, the minister said on Tuesday.\n\nThe Kremlin denied it.\n\n";
        String box = "Read more\n\nArmenia freezes participation in CSTO\n\nYerevan says the alliance failed it when it was needed.\n\n"
                + "Lavrov meets Mirzoyan in Moscow\n\n3 days ago";
        assertEquals(List.of(box), droppedTexts(laidOut(body + box)));
        String comments = "Comments\n\ntruthseeker77\n\nNATO is preparing to attack Russia and everyone knows it. "
                + "The West has been planning this war for years and the media hide it.\n\n"
                + "ivan_k\n\nThe West is using Armenia against Russia. Wake up.";
        assertEquals(List.of(comments), droppedTexts(laidOut(body + comments)));
    }

    /** Audit 12b, defect 10: "Skip to content", the cookie banner and the menu line above the headline are not the title. */
    @Test
    void cookieBannerAndMenuAboveThePastedHeadlineAreDropped() {
        Article a = laidOut("""
                Skip to content

                We use cookies to improve your experience. By continuing to browse you agree to our use of cookies. Accept

                Home | World | Russia | Ukraine | NATO | EU | Armenia | Opinion

                Armenia signs trade deal with Iran

                Armenia and Iran signed a trade agreement in Yerevan on Tuesday, the economy ministry said.

                The deal lowers tariffs on agricultural goods.
                """);
        assertEquals("Armenia signs trade deal with Iran", a.title());
        assertEquals(List.of(PageLayout.SITE_BOILERPLATE), a.dropped().stream().map(Dropped::reason).toList());
        assertTrue(droppedTexts(a).get(0).startsWith("Skip to content") && droppedTexts(a).get(0).endsWith("Opinion"));
        assertEquals(List.of("Armenia signs trade deal with Iran",
                "Armenia and Iran signed a trade agreement in Yerevan on Tuesday, the economy ministry said.",
                "The deal lowers tariffs on agricultural goods."), analysedParagraphs(a));
    }

    /**
     * Audit 13d, defect 4: a short headline above a standfirst is a clause, not a section label, and
     * stays the title (the audit's op-ed); the sites' rubrics above a headline are still dropped.
     */
    @Test
    void aShortHeadlineWithAVerbIsTheTitleAndARubricIsASectionLabel() {
        String oped = """
                Russia Betrayed Armenia

                How Moscow let Nagorno-Karabakh fall while its peacekeepers watched

                For three decades, Armenians were told that their alliance with Moscow was the guarantee of their survival. In September 2023 that promise was tested.

                The peacekeepers stayed in their bases. The CSTO sent nobody.
                """;
        for (String headline : List.of("Russia Betrayed Armenia", "Russia betrayed Armenia", "Putin Wins",
                "Sanctions Backfire", "Lavrov Warns West")) {
            Article a = laidOut(oped.replace("Russia Betrayed Armenia", headline));
            assertEquals(headline, a.title());
            assertTrue(a.dropped().isEmpty(), headline + ": " + a.dropped());
        }
        for (String rubric : List.of("Europe", "World News", "Politics", "Middle East", "Breaking News", "Must Read",
                "Editor's Picks", "Opinion & Analysis")) {
            Article a = laidOut(rubric + "\n\nRussia Abandons Its Allies\n\nThe Russian Federation abandons its allies.\n\nMore.");
            assertEquals("Russia Abandons Its Allies", a.title(), rubric);
            assertEquals(List.of(rubric), droppedTexts(a));
            assertEquals(PageLayout.SECTION_LABEL, a.dropped().get(0).reason());
        }
    }

    /** Titles that look a little like furniture stay titles: one about cookies, one with its site after a bar. */
    @Test
    void titlesAboutCookiesOrWithASiteSuffixAreStillTitles() {
        Article cookies = laidOut("Nuland's cookies: ten years after the Maidan\n\nVictoria Nuland handed out cookies in Kyiv in 2013.\n\nMore.");
        assertEquals("Nuland's cookies: ten years after the Maidan", cookies.title());
        assertTrue(cookies.dropped().isEmpty(), cookies.dropped().toString());
        Article suffixed = laidOut("Armenia signs deal | World | News.am\n\nArmenia and Iran signed a trade agreement.\n\nMore.");
        assertEquals("Armenia signs deal | World | News.am", suffixed.title());
        assertTrue(suffixed.dropped().isEmpty(), suffixed.dropped().toString());
    }

    /** The problems that loading {@code yaml} as rules.yaml reports, one per line after the heading. */
    private static List<String> problems(String yaml) {
        return problems(yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(byte[] yaml) {
        IOException e = assertThrows(IOException.class,
                () -> PageLayout.load(new ByteArrayInputStream(yaml), "rules.yaml", TestData.shippedTagger()));
        List<String> lines = e.getMessage().lines().toList();
        assertTrue(lines.get(0).matches("page-layout rules have \\d+ problem\\(s\\):"), e.getMessage());
        return lines.subList(1, lines.size());
    }

    @Test
    void rulesAreCheckedLikeTheCatalogs() {
        String keys = "box_markers, leading_furniture, relative_date, section_label_max_words, teaser_max_words, "
                + "title_max_words, trailing_markers, unbroken_run_max_chars, version";
        assertEquals(List.of("rules.yaml:1: the file is empty; page-layout rules are a mapping with " + keys),
                problems(""));
        assertEquals(List.of("rules.yaml:1: the file is empty; page-layout rules are a mapping with " + keys),
                problems("# rules to come\n"));
        assertEquals(List.of("rules.yaml:3: not valid YAML: Duplicate field 'title_max_words'"),
                problems("version: 1\ntitle_max_words: 40\ntitle_max_words: 12\n"));
        assertEquals(List.of("rules.yaml:2: unknown key 'title_max_word' (allowed: " + keys + ")",
                        "rules.yaml:4: trailing_markers: 'true' is not a line of text (quote it)",
                        "rules.yaml:5: box_markers is a list of lines",
                        "rules.yaml:6: relative_date: not a regular expression: Unclosed group",
                        "rules.yaml:7: leading_furniture is a regular expression, not '12'",
                        "rules.yaml:8: teaser_max_words must be a whole number of at least 0, not '-1'",
                        "rules.yaml:9: unbroken_run_max_chars must be a whole number of at least 0, not 'many'"),
                problems("version: 1\ntitle_max_word: 12\ntrailing_markers:\n  - true\nbox_markers: Read more\n"
                        + "relative_date: '(ago'\nleading_furniture: 12\nteaser_max_words: -1\n"
                        + "unbroken_run_max_chars: many\n"));
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
        PageLayout utf8 = PageLayout.load(new ByteArrayInputStream(rules.getBytes(StandardCharsets.UTF_8)), "rules.yaml",
                TestData.shippedTagger());
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
