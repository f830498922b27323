package org.narrativewatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.narrativewatch.TestData;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Dropped;
import org.narrativewatch.doc.Origin;

class PageLayoutTest {
    private static PageLayout layout;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("models/boilerplate.yaml"))) {
            layout = PageLayout.load(in);
        }
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
        assertEquals("Dallas Police Dept. fires officer who killed Botham Jean in his apartment", wrapped.title());
        assertTrue(wrapped.dropped().isEmpty());
    }

    @Test
    void noPtcArticleLosesTextOrTitle() throws IOException {
        try (var files = Files.list(TestData.shared().resolve("ptc/articles"))) {
            for (Path f : files.toList()) {
                Article a = laidOut(TestData.read(f));
                assertTrue(a.title() != null, "title of " + f);
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

    @Test
    void singleParagraphTextHasNoTitle() {
        Article a = laidOut("Just one paragraph of text about Russia and NATO, without any title at all.");
        assertNull(a.title());
        assertTrue(a.dropped().isEmpty());
    }
}
