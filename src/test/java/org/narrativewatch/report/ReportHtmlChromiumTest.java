package org.narrativewatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a person sees it: every page opened in headless Chromium renders without
 * a console error and shows its charts and highlights. Screenshots go to target/report-screenshots/
 * for a person to look at. Skipped only when no chromium is installed (.ci/run installs it).
 */
class ReportHtmlChromiumTest {
    static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path out;
    static Path records;
    static HeadlessChromium browser;

    @BeforeAll
    static void reportAndBrowser() throws Exception {
        Path chromium = HeadlessChromium.find().orElse(null);
        Assumptions.assumeTrue(chromium != null, "chromium is not installed");
        records = out.resolve("articles");
        ArticleFixtures.writeCorpus(records);
        new ReportJob(ReportJob.Options.DEFAULTS, new PrintStream(new ByteArrayOutputStream())).run(records, out);
        browser = HeadlessChromium.start(chromium);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    private static int count(String selector) throws IOException {
        return browser.evaluate("document.querySelectorAll(" + JSON.writeValueAsString(selector) + ").length").asInt();
    }

    @Test
    void indexShowsTimelineHeatmapAndGraphWithoutErrors() throws Exception {
        assertEquals(List.of(), browser.load(out.resolve(ReportJob.INDEX_HTML)));
        assertTrue(count("svg.timeline polyline") >= 3, "one line per narrative");
        assertTrue(count("svg.timeline circle") > 0);
        assertTrue(count("svg.heatmap rect.cell") >= 5 * 5, "narratives × sources");
        assertTrue(count("svg.network circle.node") >= 10);
        assertTrue(count("svg.network line.edge") >= 10);
        for (String chart : List.of("timeline", "heatmap", "network")) {
            double height = browser.evaluate("document.querySelector('svg." + chart + "').getBoundingClientRect().height")
                    .asDouble();
            assertTrue(height > 100, chart + " is drawn, " + height + " px high");
        }
        assertTrue(count("a.article-link") > 0, "evidence links to article pages");
        assertTrue(browser.evaluate("document.body.innerText").asText().contains("undated"));
        Files.write(SCREENSHOTS.resolve("index.png"), browser.screenshot(1280, 6000));
    }

    @Test
    void everyArticlePageAndListPageRendersWithoutErrors() throws Exception {
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.list(out.resolve("html/articles")), Files.list(out.resolve("html")))) {
            files.filter(p -> p.toString().endsWith(".html")).sorted().forEach(pages::add);
        }
        assertEquals(10 + 1, pages.size());
        for (Path page : pages) {
            assertEquals(List.of(), browser.load(page), page.toString());
            assertTrue(count("h2") >= 1, page.toString());
        }
    }

    @Test
    void articlePageHighlightsEntitiesAndEvidenceInTheText() throws Exception {
        JsonNode record = JSON.readTree(records.resolve("russia-abandons-its-allies.json").toFile());
        assertEquals(List.of(), browser.load(out.resolve("html/articles/russia-abandons-its-allies.html")));
        assertEquals(record.path("entities").size(), count("div.article-text mark.entity"));
        assertTrue(count("div.article-text .evidence-span") >= record.path("narratives").size());
        assertEquals(1, count("div.article-text #ev-0-0"), "evidence anchors are in the text");
        JsonNode colour = browser.evaluate("getComputedStyle(document.querySelector('div.article-text .evidence-span'))"
                + ".backgroundColor");
        assertEquals("rgb(255, 241, 194)", colour.asText(), "evidence is visibly highlighted");
        Files.write(SCREENSHOTS.resolve("article-russia-abandons-its-allies.png"), browser.screenshot(1100, 4000));

        assertEquals(List.of(), browser.load(out.resolve("html/articles/emoji-offsets.html")));
        JsonNode marks = browser.evaluate("[...document.querySelectorAll('div.article-text mark.entity')].map(m => m.textContent)");
        assertEquals("[\"Kremlin\",\"Putin\",\"NATO\"]", marks.toString());
    }

    @Test
    void markupInAnArticleIsShownAsTextAndNeverRuns() throws Exception {
        assertEquals(List.of(), browser.load(out.resolve("html/articles/hostile-markup.html")));
        assertEquals(0, count("script"));
        assertEquals(0, count("div.article-text img, div.article-text b"));
        String text = browser.evaluate("document.querySelector('div.article-text').innerText").asText();
        assertTrue(text.contains("<script>alert('owned')</script>"), text);
        assertTrue(text.contains("<img src=x onerror=alert(1)>"), text);
    }

    /** Records without entity or narrative layers (analyze without those stages) still give a clean report. */
    @Test
    void reportOfRecordsWithoutLayersRendersItsEmptyCharts() throws Exception {
        Path bare = out.resolve("bare");
        Files.createDirectories(bare.resolve("articles"));
        Path sample = ArticleFixtures.corpusDir().resolve("russia-abandons-its-allies.txt");
        Files.write(bare.resolve("articles/sample.json"), ArticleFixtures.recordWithoutLayers(Files.readString(sample),
                sample.toString(), new ArticleFixtures.Meta("sample", null, null, null, null)));
        new ReportJob(ReportJob.Options.DEFAULTS, new PrintStream(new ByteArrayOutputStream()))
                .run(bare.resolve("articles"), bare);
        assertEquals(List.of(), browser.load(bare.resolve(ReportJob.INDEX_HTML)));
        assertEquals(3, count("svg.chart.empty"), "timeline, heatmap and graph say there is nothing to draw");
        Files.write(SCREENSHOTS.resolve("index-without-layers.png"), browser.screenshot(1280, 2000));
        assertEquals(List.of(), browser.load(bare.resolve("html/articles/sample.html")));
        assertEquals(2, count("div.article-text .dropped"), "section label and site boilerplate are marked");
    }

    /** The error check itself: a page that breaks the rules is caught. */
    @Test
    void aPageThatLoadsOutsideResourcesOrRunsScriptIsCaught() throws Exception {
        Path bad = out.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\""
                + HtmlPages.CONTENT_SECURITY_POLICY + "\"></head><body><img src=\"missing.png\">"
                + "<script>console.error('boom')</script></body></html>");
        List<String> errors = browser.load(bad);
        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().anyMatch(e -> e.contains("Content Security Policy")), errors.toString());
    }
}
