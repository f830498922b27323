package org.narrativewatch.report;

import org.narrativewatch.output.PublishedDate;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.Printed;
import org.narrativewatch.output.AtomicFiles;

/** The report over records of real articles (corpus/) with entity and narrative layers. */
class ReportJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path records() throws IOException {
        Path dir = tmp.resolve("articles");
        ArticleFixtures.writeCorpus(dir);
        return dir;
    }

    private ReportJob.Result report(Path records) throws IOException {
        return new ReportJob(ReportJob.Options.DEFAULTS, new PrintStream(new ByteArrayOutputStream())).run(records, tmp);
    }

    private JsonNode reportJson() throws IOException {
        return JSON.readTree(tmp.resolve("aggregates/report.json").toFile());
    }

    private static List<JsonNode> read(Path records) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(records)) {
            for (Path f : files.sorted().toList()) {
                out.add(JSON.readTree(f.toFile()));
            }
        }
        return out;
    }

    /** Per narrative, the articles whose hit asserts, reports and disputes it, counted from the records. */
    private static Map<String, List<Long>> stanceCounts(List<JsonNode> articles) {
        List<String> stances = List.of("asserts", "reports", "disputes");
        Map<String, List<Long>> out = new TreeMap<>();
        for (JsonNode a : articles) {
            for (JsonNode n : a.path("narratives")) {
                List<Long> counts = new ArrayList<>(out.getOrDefault(n.path("id").asText(), List.of(0L, 0L, 0L)));
                int at = stances.indexOf(n.path("stance").asText());
                if (at >= 0) {
                    counts.set(at, counts.get(at) + 1);
                }
                out.put(n.path("id").asText(), counts);
            }
        }
        return out;
    }

    @Test
    void countsEveryNarrativeByDayWeekAndSourceAsTheRecordsSay() throws IOException {
        Path records = records();
        ReportJob.Result result = report(records);
        List<JsonNode> articles = read(records);
        JsonNode tables = reportJson().path("tables");

        Map<String, Long> expected = new TreeMap<>();
        for (JsonNode a : articles) {
            new TreeSet<>(a.path("narratives").findValuesAsText("id")).forEach(id -> expected.merge(id, 1L, Long::sum));
        }
        assertFalse(expected.isEmpty(), "the fixtures carry narratives");
        Map<String, Long> reported = new TreeMap<>();
        tables.path("narratives").forEach(r -> reported.put(r.path("narrative").asText(), r.path("articles").asLong()));
        assertEquals(expected, reported);
        for (String by : List.of("narratives_by_day", "narratives_by_week", "narratives_by_source")) {
            Map<String, Long> sums = new TreeMap<>();
            tables.path(by).forEach(r -> sums.merge(r.path("narrative").asText(), r.path("articles").asLong(), Long::sum));
            assertEquals(expected, sums, by + " adds up to the narrative totals");
        }
        assertEquals(articles.size(), result.articles());
        assertEquals(articles.size(), reportJson().path("totals").path("articles").asLong());

        Map<String, List<Long>> byStance = stanceCounts(articles);
        assertTrue(byStance.values().stream().anyMatch(c -> c.get(1) > 0)
                && byStance.values().stream().anyMatch(c -> c.get(2) > 0), "the fixtures report and dispute: " + byStance);
        Map<String, List<Long>> reportedByStance = new TreeMap<>();
        tables.path("narratives").forEach(r -> reportedByStance.put(r.path("narrative").asText(),
                List.of(r.path("asserts").asLong(), r.path("reports").asLong(), r.path("disputes").asLong())));
        assertEquals(byStance, reportedByStance);
        Map<String, Long> asserting = new TreeMap<>();
        byStance.forEach((id, c) -> asserting.put(id, c.get(0)));
        for (String by : List.of("narratives_by_day", "narratives_by_week", "narratives_by_source")) {
            Map<String, Long> sums = new TreeMap<>();
            tables.path(by).forEach(r -> sums.merge(r.path("narrative").asText(), r.path("asserts").asLong(), Long::sum));
            assertEquals(asserting, sums, by + " asserting articles add up to the narrative totals");
        }
        // the formula article disputes the West's weakness: it counts for its outlet, not as asserting
        JsonNode disputed = null;
        for (JsonNode r : tables.path("narratives_by_source")) {
            if (r.path("narrative").asText().equals("west-weakness") && r.path("source").asText().startsWith("+cmd")) {
                disputed = r;
            }
        }
        assertNotNull(disputed);
        assertEquals(List.of(1L, 0L), List.of(disputed.path("articles").asLong(), disputed.path("asserts").asLong()));
        long bucketed = 0;
        for (JsonNode r : tables.path("articles_by_week")) {
            bucketed += r.path("articles").asLong();
        }
        assertEquals(articles.size(), bucketed, "every article is in a week bucket, undated ones too");
    }

    @Test
    void readsPublishedInTheFormatsOfTheRecordsAndKeepsUndatedArticles() throws IOException {
        report(records());
        Map<String, Long> byDay = new TreeMap<>();
        reportJson().path("tables").path("articles_by_day")
                .forEach(r -> byDay.put(r.path("day").asText(), r.path("articles").asLong()));
        // 2018-01-05T09:30:00Z and "Fri, 5 Jan 2018 14:02:00 GMT"
        assertEquals(2, byDay.get("2018-01-05"));
        // "January 8, 2018" and "08.01.2018"
        assertEquals(2, byDay.get("2018-01-08"));
        // epoch 1515542400 (UTC) and two ISO dates
        assertEquals(3, byDay.get("2018-01-10"));
        // the sample article has no published field
        assertEquals(1, byDay.get(PublishedDate.UNDATED));
        assertEquals(1, reportJson().path("totals").path("undated").asLong());
        Map<String, String> undatedNarratives = new TreeMap<>();
        reportJson().path("tables").path("narratives_by_day").forEach(r -> {
            if (r.path("day").asText().equals(PublishedDate.UNDATED)) {
                undatedNarratives.put(r.path("narrative").asText(), r.path("articles").asText());
            }
        });
        assertEquals("1", undatedNarratives.get("russia-abandons-allies"), "undated articles count for narratives too");
    }

    @Test
    void sourceFallsBackToTheHostOfTheUrl() throws IOException {
        report(records());
        List<String> sources = new ArrayList<>();
        reportJson().path("tables").path("articles_by_source").forEach(r -> sources.add(r.path("source").asText()));
        assertTrue(sources.contains("washingtonexaminer.com"), sources.toString());
        assertTrue(sources.contains("American Thinker"), sources.toString());
    }

    @Test
    void entityNetworkCountsSentencesThatNameBothEntities() throws IOException {
        Path records = records();
        report(records);
        Map<String, Long> expected = new TreeMap<>();
        for (JsonNode a : read(records)) {
            for (JsonNode c : a.path("co_mentions")) {
                expected.merge(c.path("a").asText() + "|" + c.path("b").asText(), (long) c.path("sentences").size(),
                        Long::sum);
            }
        }
        Map<String, Long> edges = new TreeMap<>();
        reportJson().path("tables").path("co_mentions").forEach(r -> edges.put(
                r.path("entity_a").asText() + "|" + r.path("entity_b").asText(), r.path("sentences").asLong()));
        assertEquals(expected, edges);
        assertTrue(edges.get("Q159|Q7747") > 0, "Russia and Putin are named together");
    }

    @Test
    void topEvidenceIsBoundedBestFirstAndLinksToTheArticlePage() throws IOException {
        report(records());
        Map<String, List<JsonNode>> byNarrative = new HashMap<>();
        reportJson().path("tables").path("top_evidence")
                .forEach(r -> byNarrative.computeIfAbsent(r.path("narrative").asText(), k -> new ArrayList<>()).add(r));
        assertFalse(byNarrative.isEmpty());
        Map<String, JsonNode> records = new HashMap<>();
        read(tmp.resolve("articles")).forEach(a -> records.put(a.path("id").asText(), a));
        TreeSet<String> stancesSeen = new TreeSet<>();
        byNarrative.forEach((narrative, rows) -> rows.forEach(r -> {
            JsonNode evidence = null;
            for (JsonNode n : records.get(r.path("article").asText()).path("narratives")) {
                for (JsonNode e : n.path("evidence")) {
                    if (n.path("id").asText().equals(narrative) && e.path("start").asInt() == r.path("start").asInt()) {
                        evidence = e;
                    }
                }
            }
            assertNotNull(evidence, r.toString());
            assertEquals(evidence.path("stance"), r.path("stance"), "the evidence's own stance: " + r);
            assertEquals(evidence.path("attributed_to"), r.path("attributed_to"));
            stancesSeen.add(r.path("stance").asText());
        }));
        assertEquals(Set.of("asserts", "reports", "disputes"), stancesSeen);
        for (List<JsonNode> rows : byNarrative.values()) {
            assertTrue(rows.size() <= ReportJob.Options.DEFAULTS.topEvidence());
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(rows.get(i - 1).path("weight").asDouble() >= rows.get(i).path("weight").asDouble());
            }
            TreeSet<String> articles = new TreeSet<>();
            rows.forEach(r -> articles.add(r.path("article").asText()));
            assertEquals(rows.size(), articles.size(), "one row per article");
            for (JsonNode r : rows) {
                String page = r.path("page").asText();
                Path file = tmp.resolve(page.substring(0, page.indexOf('#')));
                assertTrue(Files.isRegularFile(file), page);
                Document doc = Jsoup.parse(file.toFile(), "UTF-8");
                Element anchor = doc.getElementById(page.substring(page.indexOf('#') + 1));
                assertNotNull(anchor, page);
                assertTrue(r.path("sentence_text").asText().startsWith(anchor.text().strip().split("\\s+")[0]),
                        "the anchor is where the evidence sentence starts: " + anchor.text());
            }
        }
    }

    /**
     * A top evidence row carries the article's title as the record has it: null (an empty CSV field)
     * when there is none, as in the Elasticsearch evidence documents, so a dashboard can tell a real
     * title from a stand-in. Only the index page shows the id in its place.
     */
    @Test
    void topEvidenceCarriesTheRecordsTitleNullWhenItHasNone() throws IOException {
        Path records = tmp.resolve("titles");
        String text = "Moscow will abandon its allies in the Caucasus.\n";
        ArticleFixtures.write(records, text, "untitled.txt", new ArticleFixtures.Meta("untitled", null, null, "Outlet A",
                "2018-01-10"));
        ArticleFixtures.write(records, text, "titled.txt", new ArticleFixtures.Meta("titled", "Allies abandoned", null,
                "Outlet A", "2018-01-10"));
        assertTrue(JSON.readTree(records.resolve("untitled.json").toFile()).path("title").isNull(), "no title to read");
        report(records);

        Map<String, JsonNode> rows = new TreeMap<>();
        reportJson().path("tables").path("top_evidence").forEach(r -> rows.put(r.path("article").asText(), r));
        assertEquals(Set.of("titled", "untitled"), rows.keySet());
        assertTrue(rows.get("untitled").has("title") && rows.get("untitled").path("title").isNull(),
                rows.get("untitled").toString());
        assertEquals("Allies abandoned", rows.get("titled").path("title").asText());

        Map<String, String> csvTitles = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(tmp.resolve("csv/top_evidence.csv"));
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            parser.forEach(r -> csvTitles.put(r.get("article"), r.get("title")));
        }
        assertEquals(Map.of("titled", "Allies abandoned", "untitled", ""), csvTitles);

        Set<String> indexed = new TreeSet<>();
        for (String line : Files.readAllLines(tmp.resolve("elasticsearch/bulk-0001.ndjson"))) {
            JsonNode doc = JSON.readTree(line);
            if (doc.has("article_id")) { // a piece of evidence
                assertEquals(doc.path("title"), rows.get(doc.path("article_id").asText()).path("title"), line);
                indexed.add(doc.path("article_id").asText());
            }
        }
        assertEquals(rows.keySet(), indexed);

        Document index = Jsoup.parse(tmp.resolve(ReportJob.INDEX_HTML).toFile(), "UTF-8");
        assertEquals(List.of("Allies abandoned", "untitled"), index.select("ol.evidence a.article-link").eachText(),
                "the index page shows the id of an article without a title");
    }

    /**
     * A narrative without a title (a record not written by analyze) has a null label in whats_new, as
     * it has a null title in the narratives table and as an entity without a name has: not its id,
     * which a dashboard would take for a title. The index page shows the id alone.
     */
    @Test
    void whatsNewLabelsANarrativeWithoutATitleNull() throws IOException {
        Path records = tmp.resolve("untitled-narrative");
        ArticleFixtures.write(records, "Moscow will abandon its allies in the Caucasus.\n", "first.txt",
                new ArticleFixtures.Meta("first", "First", null, "Outlet A", "2018-01-10"));
        report(records);
        Path later = ArticleFixtures.write(records, "Iran poses a nuclear threat to the region.\n", "later.txt",
                new ArticleFixtures.Meta("later", "Later", null, "Outlet A", "2018-01-11"));
        ObjectNode record = (ObjectNode) JSON.readTree(later.toFile());
        ObjectNode hit = (ObjectNode) record.path("narratives").get(0);
        assertEquals("iran-aggression", hit.path("id").asText());
        hit.putNull("title");
        Files.writeString(later, record.toString());
        report(records);

        Map<String, JsonNode> news = new TreeMap<>();
        reportJson().path("tables").path("whats_new").forEach(r -> news.put(
                r.path("kind").asText() + "/" + r.path("key").asText(), r));
        JsonNode narrative = news.get("narrative/iran-aggression");
        assertEquals("new", narrative.path("status").asText(), news.toString());
        assertTrue(narrative.has("label") && narrative.path("label").isNull(), narrative.toString());
        assertEquals("Iran", news.get("entity/Q794").path("label").asText(), "a named entity keeps its name");
        for (JsonNode row : reportJson().path("tables").path("narratives")) {
            if (row.path("narrative").asText().equals("iran-aggression")) {
                assertTrue(row.path("title").isNull(), row.toString());
            }
        }

        Document index = Jsoup.parse(tmp.resolve(ReportJob.INDEX_HTML).toFile(), "UTF-8");
        List<String> names = index.select("table.whats-new tr td:eq(1)").eachText();
        assertTrue(names.contains("iran-aggression"), names.toString());
        assertTrue(names.contains("Iran (Q794)"), names.toString());
    }

    @Test
    void csvTablesHoldTheJsonRowsAndAreSafeInSpreadsheets() throws IOException {
        report(records());
        JsonNode tables = reportJson().path("tables");
        int tablesSeen = 0;
        for (var it = tables.fields(); it.hasNext(); tablesSeen++) {
            var table = it.next();
            Path csv = tmp.resolve("csv/" + table.getKey() + ".csv");
            byte[] bytes = Files.readAllBytes(csv);
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertTrue(text.endsWith("\r\n"), "RFC 4180 line ends: " + csv);
            assertFalse(text.startsWith("\uFEFF"), "no byte order mark");
            try (Reader in = Files.newBufferedReader(csv);
                 CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                List<CSVRecord> rows = parser.getRecords();
                assertEquals(table.getValue().size(), rows.size(), csv.toString());
                for (int i = 0; i < rows.size(); i++) {
                    JsonNode json = table.getValue().get(i);
                    assertEquals(List.copyOf(iterable(json.fieldNames())), parser.getHeaderNames());
                    for (String column : parser.getHeaderNames()) {
                        assertEquals(CsvTables.cell(plain(json.path(column))), rows.get(i).get(column), csv + " " + column);
                    }
                }
            }
        }
        assertEquals(12, tablesSeen);
        String sources = Files.readString(tmp.resolve("csv/articles_by_source.csv"));
        assertTrue(sources.contains("\r\n'+cmd|' /C calc'!A0,"), sources);
        String evidence = Files.readString(tmp.resolve("csv/top_evidence.csv"));
        assertTrue(evidence.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\","), "formula title neutralised");
        assertFalse(evidence.contains(",=HYPERLINK"));
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static List<String> texts(JsonNode array) {
        assertTrue(array.isArray(), array.toString());
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static Object plain(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(x.asText()));
            return items;
        }
        return v.isNumber() ? v.numberValue() : v.asText();
    }

    @Test
    void bulkFileIsElasticsearchBulkFormat() throws IOException {
        Path records = records();
        report(records);
        List<JsonNode> articles = read(records);
        List<String> lines = Files.readAllLines(tmp.resolve("elasticsearch/bulk-0001.ndjson"));
        assertEquals(0, lines.size() % 2);
        Map<String, Integer> docs = new TreeMap<>();
        TreeSet<String> ids = new TreeSet<>();
        for (int i = 0; i < lines.size(); i += 2) {
            JsonNode action = JSON.readTree(lines.get(i)).path("index");
            JsonNode doc = JSON.readTree(lines.get(i + 1));
            assertTrue(doc.isObject());
            docs.merge(action.path("_index").asText(), 1, Integer::sum);
            assertTrue(ids.add(action.path("_index").asText() + "/" + action.path("_id").asText()), "ids are unique");
            JsonNode published = doc.path("published");
            assertTrue(published.isNull() || published.asText().matches("\\d{4}-\\d{2}-\\d{2}(T.*)?"), published.toString());
            assertTrue(doc.path("day").isNull() || doc.path("day").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
        }
        int evidence = 0;
        for (JsonNode a : articles) {
            for (JsonNode n : a.path("narratives")) {
                evidence += n.path("evidence").size();
            }
        }
        assertEquals(Map.of("narrative-watch-articles", articles.size(), "narrative-watch-evidence", evidence), docs);

        // the stance of every hit and every piece of evidence, as the records say
        Map<String, JsonNode> recordsById = new HashMap<>();
        articles.forEach(a -> recordsById.put(a.path("id").asText(), a));
        for (int i = 0; i < lines.size(); i += 2) {
            JsonNode action = JSON.readTree(lines.get(i)).path("index");
            JsonNode doc = JSON.readTree(lines.get(i + 1));
            if (action.path("_index").asText().endsWith("-evidence")) {
                // <article id>:<narrative id>:<evidence index>, the narrative named rather than numbered
                String[] at = action.path("_id").asText().split(":");
                assertEquals(at[1], doc.path("narrative").asText());
                JsonNode hit = null;
                for (JsonNode n : recordsById.get(at[0]).path("narratives")) {
                    hit = n.path("id").asText().equals(at[1]) ? n : hit;
                }
                assertEquals(hit.path("evidence").get(Integer.parseInt(at[2])).path("stance"), doc.path("stance"));
            } else {
                Map<String, List<String>> byStance = new TreeMap<>(Map.of("asserts", new ArrayList<>(),
                        "reports", new ArrayList<>(), "disputes", new ArrayList<>()));
                recordsById.get(doc.path("id").asText()).path("narratives").forEach(n ->
                        byStance.get(n.path("stance").asText()).add(n.path("id").asText()));
                byStance.values().forEach(narratives -> narratives.sort(null));
                assertEquals(byStance.get("asserts"), texts(doc.path("narratives_asserted")));
                assertEquals(byStance.get("reports"), texts(doc.path("narratives_reported")));
                assertEquals(byStance.get("disputes"), texts(doc.path("narratives_disputed")));
            }
        }
        String formula = lines.stream().filter(l -> l.startsWith("{\"id\":\"formula-title\"")).findFirst().orElseThrow();
        assertEquals(List.of("west-weakness"), texts(JSON.readTree(formula).path("narratives_disputed")));
        assertTrue(Files.readString(tmp.resolve("elasticsearch/bulk-0001.ndjson")).endsWith("\n"),
                "_bulk needs a final newline");
    }

    @Test
    void articlePagesShowMarkupAsTextAndHighlightAtCodePointOffsets() throws IOException {
        Path records = records();
        report(records);
        Document hostile = Jsoup.parse(tmp.resolve("html/articles/hostile-markup.html").toFile(), "UTF-8");
        assertTrue(hostile.select("script, img, b").isEmpty(), "no markup from the article made it into the page");
        assertTrue(hostile.selectFirst("div.article-text").text().contains("<script>alert('owned')</script>"));
        assertTrue(hostile.select("a[href^=javascript]").isEmpty());
        assertEquals(HtmlPages.CONTENT_SECURITY_POLICY,
                hostile.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"));

        JsonNode emoji = JSON.readTree(records.resolve("emoji-offsets.json").toFile());
        List<String> expected = new ArrayList<>();
        emoji.path("entities").forEach(e -> expected.add(e.path("text").asText()));
        assertTrue(expected.containsAll(List.of("Kremlin", "Putin", "NATO")), expected.toString());
        Document page = Jsoup.parse(tmp.resolve("html/articles/emoji-offsets.html").toFile(), "UTF-8");
        assertEquals(expected, page.select("div.article-text mark.entity").eachText(),
                "code point offsets land on the entity text after emoji");
        JsonNode evidence = emoji.path("narratives").get(0).path("evidence").get(0);
        Element start = page.getElementById(ArticlePage.evidenceAnchor(0, 0));
        assertNotNull(start);
        assertTrue(evidence.path("text").asText().startsWith(start.text()), start.text());
    }

    @Test
    void articlePagesAndTheIndexShowTheStance() throws IOException {
        report(records());
        Document formula = Jsoup.parse(tmp.resolve("html/articles/formula-title.html").toFile(), "UTF-8");
        assertEquals(List.of("reports", "disputes"), formula.select("h3.narrative span.stance").eachText(),
                "russia-abandons-allies is reported, west-weakness disputed");
        List<String> evidence = formula.select("ol.evidence li > span.muted").eachText();
        assertEquals(2, evidence.size());
        assertTrue(evidence.get(0).contains(", reports, attributed to Russia,"), evidence.get(0));
        assertTrue(evidence.get(1).contains(", disputes,") && !evidence.get(1).contains("attributed"), evidence.get(1));

        Document index = Jsoup.parse(tmp.resolve(ReportJob.INDEX_HTML).toFile(), "UTF-8");
        Map<String, List<String>> shown = new TreeMap<>();
        for (Element tr : index.select("table.narratives tr:has(td)")) {
            shown.put(tr.child(1).text(), List.of(tr.selectFirst("td.asserts").text(), tr.selectFirst("td.reports").text(),
                    tr.selectFirst("td.disputes").text()));
        }
        Map<String, List<String>> counted = new TreeMap<>();
        reportJson().path("tables").path("narratives").forEach(r -> counted.put(r.path("narrative").asText(),
                List.of(r.path("asserts").asText(), r.path("reports").asText(), r.path("disputes").asText())));
        assertEquals(counted, shown);
    }

    /**
     * The charts an analyst reads for "which outlets push this narrative": an outlet with one article
     * asserting the West is weak, one disputing it and one written before 0.4.0 (no stance) gets the
     * shade of one asserting article and the label "1/3"; an outlet that only disputes it gets no shade.
     * The timeline draws the asserting articles apart from all of them.
     */
    @Test
    void chartsTellTheArticlesAssertingANarrativeFromAllThatCarryIt() throws IOException {
        Path records = tmp.resolve("stances");
        String asserting = "The West is weak and divided, and everybody knows it.\n";
        String disputing = "Talk of a weak and divided West is Kremlin propaganda.\n";
        ArticleFixtures.write(records, asserting, "a.txt", new ArticleFixtures.Meta("a-asserts", "A", null, "Outlet A",
                "2018-01-10"));
        ArticleFixtures.write(records, disputing, "b.txt", new ArticleFixtures.Meta("b-disputes", "B", null, "Outlet A",
                "2018-01-10"));
        Path before040 = ArticleFixtures.write(records, asserting, "c.txt", new ArticleFixtures.Meta("c-before-040", "C",
                null, "Outlet A", "2018-01-10"));
        ObjectNode old = (ObjectNode) JSON.readTree(before040.toFile());
        old.path("narratives").forEach(n -> {
            ((ObjectNode) n).remove("stance");
            n.path("evidence").forEach(e -> ((ObjectNode) e).remove("stance"));
        });
        Files.writeString(before040, old.toString());
        ArticleFixtures.write(records, disputing, "d.txt", new ArticleFixtures.Meta("d-disputes", "D", null, "Outlet B",
                "2018-01-11"));
        report(records);

        Document index = Jsoup.parse(tmp.resolve(ReportJob.INDEX_HTML).toFile(), "UTF-8");
        Element outletA = index.selectFirst("svg.heatmap rect.cell[data-narrative=west-weakness][data-source='Outlet A']");
        Element outletB = index.selectFirst("svg.heatmap rect.cell[data-narrative=west-weakness][data-source='Outlet B']");
        assertEquals("The West is weak and divided — Outlet A: 1 asserting of 3 articles", outletA.selectFirst("title").text());
        assertEquals(List.of("#b2182b", "1.0"), List.of(outletA.attr("fill"), outletA.attr("fill-opacity")));
        assertEquals("The West is weak and divided — Outlet B: 0 asserting of 1 articles", outletB.selectFirst("title").text());
        assertEquals(List.of("#f6f8fa", "1.0"), List.of(outletB.attr("fill"), outletB.attr("fill-opacity")),
                "an outlet that only disputes the narrative is not shaded as pushing it");
        assertEquals(List.of("1/3", "0/1"), index.select("svg.heatmap text.cell-label").eachText());

        Element series = index.selectFirst("svg.timeline g.series[data-narrative=west-weakness]");
        assertEquals(List.of("The West is weak and divided — 2018-01-10: 1 asserting of 3 articles",
                        "The West is weak and divided — 2018-01-11: 0 asserting of 1 articles"),
                series.select("circle.all > title").eachText(), "open dots at all the articles carrying it");
        assertEquals(List.of("The West is weak and divided — 2018-01-10: 1 asserting of 3 articles"),
                series.select("circle.asserting > title").eachText(), "filled dots at the articles asserting it");
        Element all = series.selectFirst("polyline.all");
        Element asserts = series.selectFirst("polyline.asserting");
        assertTrue(y(all, 0) < y(asserts, 0) && y(all, 1) < y(asserts, 1),
                "the line of all articles runs above the one of the articles asserting the narrative");
        assertTrue(index.select("ul.legend li").eachText().contains("The West is weak and divided (1 asserting of 4 articles)"),
                index.select("ul.legend li").eachText().toString());
    }

    /** The y coordinate of a polyline's point {@code i}. */
    private static double y(Element polyline, int i) {
        return Double.parseDouble(polyline.attr("points").split(" ")[i].split(",")[1]);
    }

    @Test
    void hitsWithoutAKnownStanceCountAmongTheArticlesButUnderNoStance() throws IOException {
        Path records = records();
        // as written before 0.4.0: no stance anywhere
        Path old = records.resolve("russia-abandons-its-allies.json");
        ObjectNode oldRecord = (ObjectNode) JSON.readTree(old.toFile());
        oldRecord.path("narratives").forEach(n -> {
            ((ObjectNode) n).remove("stance");
            n.path("evidence").forEach(e -> ((ObjectNode) e).remove("stance"));
        });
        Files.writeString(old, oldRecord.toString());
        // a stance a later version may write and this one does not know
        Path newer = records.resolve("emoji-offsets.json");
        ObjectNode newerRecord = (ObjectNode) JSON.readTree(newer.toFile());
        ObjectNode hit = (ObjectNode) newerRecord.path("narratives").get(0);
        assertEquals("russia-abandons-allies", hit.path("id").asText());
        hit.put("stance", "satirizes");
        ((ObjectNode) hit.path("evidence").get(0)).put("stance", "satirizes");
        Files.writeString(newer, newerRecord.toString());

        ReportJob.Result result = report(records);
        assertEquals(0, result.unreadable());
        JsonNode tables = reportJson().path("tables");
        JsonNode narrative = null;
        for (JsonNode r : tables.path("narratives")) {
            narrative = r.path("narrative").asText().equals("russia-abandons-allies") ? r : narrative;
        }
        assertNotNull(narrative);
        assertEquals(narrative.path("articles").asLong() - 2, narrative.path("asserts").asLong()
                + narrative.path("reports").asLong() + narrative.path("disputes").asLong(), narrative.toString());
        for (JsonNode r : tables.path("narratives_by_day")) {
            if (r.path("day").asText().equals(PublishedDate.UNDATED)) {
                assertEquals(List.of(1L, 0L), List.of(r.path("articles").asLong(), r.path("asserts").asLong()), r.toString());
            }
        }
        tables.path("top_evidence").forEach(r -> {
            if (r.path("article").asText().equals("russia-abandons-its-allies")) {
                assertTrue(r.path("stance").isNull(), r.toString());
            }
        });

        Document oldPage = Jsoup.parse(tmp.resolve("html/articles/russia-abandons-its-allies.html").toFile(), "UTF-8");
        assertEquals(3, oldPage.select("h3.narrative").size());
        assertTrue(oldPage.select("span.stance").isEmpty());
        Document newerPage = Jsoup.parse(tmp.resolve("html/articles/emoji-offsets.html").toFile(), "UTF-8");
        assertEquals("satirizes", newerPage.selectFirst("h3.narrative span.stance").text());

        for (String line : Files.readAllLines(tmp.resolve("elasticsearch/bulk-0001.ndjson"))) {
            JsonNode doc = JSON.readTree(line);
            if (doc.path("id").asText().equals("russia-abandons-its-allies")) {
                assertEquals(3, doc.path("narratives").size());
                for (String field : List.of("narratives_asserted", "narratives_reported", "narratives_disputed")) {
                    assertEquals(List.of(), texts(doc.path(field)), field);
                }
            } else if (doc.path("article_id").asText().equals("russia-abandons-its-allies")) {
                assertTrue(doc.has("stance") && doc.path("stance").isNull(), doc.toString());
            }
        }
    }

    @Test
    void sameRecordsGiveTheSameBytesAndWhatIsNewComparesWithTheLastDifferentRun() throws IOException {
        Path records = records();
        report(records);
        assertFalse(reportJson().path("previous_run").path("available").asBoolean());
        Map<Path, byte[]> first = snapshot();
        report(records);
        Map<Path, byte[]> second = snapshot();
        assertEquals(first.keySet(), second.keySet());
        first.forEach((path, bytes) -> assertArrayEquals(bytes, second.get(path), path.toString()));

        // A later batch: more articles about Russia abandoning its allies, and a new narrative.
        String text = "Moscow will abandon its allies and betray Armenia, Putin said. The West is weak and divided.\n";
        for (int i = 0; i < 8; i++) {
            ArticleFixtures.write(records, text, "later.txt",
                    new ArticleFixtures.Meta("later-" + i, "Later " + i, null, "Later News", "2018-02-0" + (i + 1)));
        }
        ArticleFixtures.write(records, "Hezbollah and Iran pose a nuclear threat, the FBI informant says.\n", "x.txt",
                new ArticleFixtures.Meta("later-x", "Later x", null, "Later News", "2018-02-10"));
        Files.delete(records.resolve("article699478811.json"));
        report(records);
        Map<String, String> status = whatsNew();
        assertEquals("rising", status.get("narrative/russia-abandons-allies"));
        assertEquals("rising", status.get("entity/Q7747"));
        assertEquals("rising", status.get("narrative/west-weakness"));
        assertNull(status.get("entity/Q30"), "a steady entity is not news");
        JsonNode previous = reportJson().path("previous_run");
        assertTrue(previous.path("available").asBoolean());
        assertEquals(10, previous.path("articles").asLong());

        report(records);
        assertEquals(status, whatsNew(), "a rerun over the same records compares with the same previous run");
        assertFalse(Files.exists(tmp.resolve("html/articles/article699478811.html")), "a removed record loses its page");
    }

    /**
     * The audit's URLs without a scheme (audit 11b #3) count under their host in the reports and the
     * Elasticsearch files alike; a relative path (a page saved without its site) stays unknown.
     */
    @Test
    void aUrlWithoutItsSchemeCountsUnderItsHostEverywhere() throws IOException {
        Path dir = tmp.resolve("rt");
        String text = "Russia betrayed Armenia again. Russia abandons its allies when the chips are down.\n";
        List<String> urls = List.of("//www.rt.com/news/1/", "www.rt.com/news/2/", "https://www.rt.com/news/3/", "news/4.html");
        for (int i = 0; i < urls.size(); i++) {
            ArticleFixtures.write(dir, text, "rt.jsonl", new ArticleFixtures.Meta("rt-" + i, null, urls.get(i), null,
                    "2015-03-03"));
        }
        report(dir);
        Map<String, Long> bySource = new TreeMap<>();
        reportJson().path("tables").path("articles_by_source").forEach(r -> bySource.put(r.path("source").asText(),
                r.path("articles").asLong()));
        assertEquals(Map.of("rt.com", 3L, "unknown", 1L), bySource);
        Map<String, String> bulkSources = new TreeMap<>();
        for (String line : Files.readAllLines(tmp.resolve("elasticsearch/bulk-0001.ndjson"))) {
            JsonNode doc = JSON.readTree(line);
            if (doc.has("url") && doc.has("source")) {
                bulkSources.put(doc.path("url").asText(), doc.path("source").asText());
            }
        }
        assertEquals(Map.of("//www.rt.com/news/1/", "rt.com", "www.rt.com/news/2/", "rt.com",
                "https://www.rt.com/news/3/", "rt.com", "news/4.html", "unknown"), bulkSources);
    }

    /** The audit's daily runs (audit 11b #2): {@code count} records of one outlet and day, ids {@code day-1}, .... */
    private Path dailyRecords(String day, int count, String source, String published) throws IOException {
        Path dir = tmp.resolve(day);
        for (int i = 1; i <= count; i++) {
            ArticleFixtures.write(dir, "Russia betrayed Armenia again. Russia abandons its allies when the chips are down.\n",
                    day + ".jsonl", new ArticleFixtures.Meta(day + "-" + i, null, null, source, published));
        }
        return dir;
    }

    /**
     * Runs over different records with the same counts (eight articles each, Tuesday's and
     * Wednesday's) are different runs: Wednesday compares with Tuesday, not again with Monday, and a
     * second run of other records with Monday's counts compares with Monday, not with nothing.
     */
    @Test
    void aRunOverOtherRecordsWithTheSameCountsComparesWithTheRunBeforeIt() throws IOException {
        report(dailyRecords("mon", 2, "RT", "2015-03-02"));
        report(dailyRecords("tue", 8, "Sputnik", "2015-03-03"));
        assertEquals("rising", whatsNew().get("narrative/russia-abandons-allies"));
        assertEquals(2, reportJson().path("previous_run").path("articles").asLong());
        Path wed = dailyRecords("wed", 8, "TASS", "2015-03-04");
        report(wed);
        assertEquals(8, reportJson().path("previous_run").path("articles").asLong(), "Wednesday's previous run is Tuesday's");
        assertNull(whatsNew().get("narrative/russia-abandons-allies"), "8 articles after 8 is no rise");

        // what stays: rerunning Wednesday's records compares with Tuesday's run again
        byte[] state = Files.readAllBytes(tmp.resolve("aggregates/previous.json"));
        report(wed);
        assertEquals(8, reportJson().path("previous_run").path("articles").asLong());
        assertArrayEquals(state, Files.readAllBytes(tmp.resolve("aggregates/previous.json")));

        Files.delete(tmp.resolve("aggregates/previous.json")); // a new baseline
        report(dailyRecords("sat", 2, "RT", "2015-03-07"));
        report(dailyRecords("sun", 2, "RT", "2015-03-08"));
        JsonNode previous = reportJson().path("previous_run");
        assertTrue(previous.path("available").asBoolean(), "a run over other records with the same counts is a previous run");
        assertEquals(2, previous.path("articles").asLong());
    }

    /**
     * A state file written before the records were kept: a rerun over the same records (same counts)
     * still compares with the run before it, as it did, and the state then gets the records.
     */
    @Test
    void aStateFileWithoutTheRecordsStillTakesARerunForOne() throws IOException {
        report(dailyRecords("mon", 2, "RT", "2015-03-02"));
        Path tue = dailyRecords("tue", 8, "Sputnik", "2015-03-03");
        report(tue);
        Path stateFile = tmp.resolve("aggregates/previous.json");
        ObjectNode state = (ObjectNode) JSON.readTree(stateFile.toFile());
        state.path("runs").forEach(run -> ((ObjectNode) run).remove("records"));
        Files.writeString(stateFile, state.toPrettyString());
        report(tue);
        assertEquals(2, reportJson().path("previous_run").path("articles").asLong());
        assertEquals("rising", whatsNew().get("narrative/russia-abandons-allies"));
        assertTrue(JSON.readTree(stateFile.toFile()).path("runs").get(0).path("records").isTextual());
    }

    private Map<String, String> whatsNew() throws IOException {
        Map<String, String> status = new TreeMap<>();
        reportJson().path("tables").path("whats_new").forEach(r -> status.put(
                r.path("kind").asText() + "/" + r.path("key").asText(), r.path("status").asText()));
        return status;
    }

    private Map<Path, byte[]> snapshot() throws IOException {
        Map<Path, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals(ReportJob.RUN_INFO_JSON)) {
                    out.put(tmp.relativize(f), Files.readAllBytes(f));
                }
            }
        }
        return out;
    }

    @Test
    void outputsGetTheUsualPermissionsOfNewFilesNotPrivateOnes() throws IOException {
        report(records());
        Path plain = Files.createFile(tmp.resolve("plain-new-file"));
        for (String output : List.of(ReportJob.INDEX_HTML, "aggregates/report.json", "csv/narratives.csv",
                "elasticsearch/bulk-0001.ndjson", "html/articles/emoji-offsets.html", "html/list-0001.html")) {
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(tmp.resolve(output)), output);
        }
    }

    /** Runs {@code narrative-watch report} on {@code records} into tmp. */
    private Printed reportCommand(Path records) {
        return Printed.run("report", "--from", records.toString(), "--out", tmp.toString(), "-q");
    }

    @Test
    void anUnreadableRecordIsReportedAndTheRestIsWritten() throws IOException {
        Path records = records();
        Files.writeString(records.resolve("broken.json"), "{\"id\": \"broken\", \"text\": ");
        Printed run = reportCommand(records);
        assertEquals(1, run.code());
        assertTrue(run.stderr().contains("broken.json"), run.stderr());
        assertEquals(1, reportJson().path("totals").path("unreadable_files").asLong());
        assertEquals(10, reportJson().path("totals").path("articles").asLong());
        assertTrue(Files.isRegularFile(tmp.resolve(ReportJob.INDEX_HTML)));
    }

    /**
     * A record is named after its id: a copy under another name (a file manager's "duplicate") is
     * the same article, named as no article and left out, not counted, indexed or given a page twice.
     * The records named after their id all still count.
     */
    @Test
    void aCopyOfARecordUnderAnotherNameIsNoArticle() throws IOException {
        Path records = records();
        Path copy = Files.copy(records.resolve("russia-abandons-its-allies.json"),
                records.resolve("russia-abandons-its-allies (copy).json"));
        Printed run = reportCommand(records);
        assertEquals(1, run.code());
        assertTrue(run.stderr().contains("narrative-watch: report: skipping unreadable " + copy
                + ": its id is russia-abandons-its-allies"), run.stderr());
        assertEquals(10, reportJson().path("totals").path("articles").asLong());
        assertEquals(1, reportJson().path("totals").path("unreadable_files").asLong());
        String bulk = Files.readString(tmp.resolve("elasticsearch/bulk-0001.ndjson"));
        assertTrue(bulk.contains("\"_id\":\"russia-abandons-its-allies\""), "the record itself is indexed");
        assertFalse(bulk.contains("(copy)"), "the copy is not indexed as another article");
        try (Stream<Path> pages = Files.list(tmp.resolve("html/articles"))) {
            assertEquals(List.of(), pages.map(p -> p.getFileName().toString()).filter(n -> n.contains("copy")).toList());
        }
    }

    /**
     * The name of a file in the records folder is anyone's: control characters in it are shown as
     * escapes on stderr (docs/bad-input.md), so it cannot recolour the terminal or forge a line.
     */
    @Test
    void anUnreadableRecordIsNamedWithControlCharactersEscaped() throws IOException {
        Path records = records();
        Files.writeString(records.resolve("x\u001b[31mred\nnl.json"), "not json");
        Printed run = reportCommand(records);
        assertEquals(1, run.code());
        assertTrue(run.stderr().contains("narrative-watch: report: skipping unreadable " + records.resolve("x")
                + "\\u001b[31mred\\u000anl.json: Unrecognized token 'not'"), run.stderr());
        assertFalse(run.stderr().contains("\u001b"), "raw escape character on stderr");
        assertFalse(run.stderr().lines().anyMatch(line -> line.startsWith("nl.json")), "a forged line: " + run.stderr());
        // the store names it too, as a rejected record
        assertTrue(run.stderr().contains(": rejected x\\u001b[31mred\\u000anl.json: "), run.stderr());
    }

    /** Valid JSON is not enough: a record without an article's fields (docs/article-schema.md) is no article. */
    @Test
    void aRecordWithoutTheFieldsOfAnArticleIsUnreadableNotCounted() throws IOException {
        Path records = records();
        Map<String, String> notArticles = Map.of("empty.json", "{}", "title-only.json", "{\"title\": \"Moscow\"}",
                "null.json", "null");
        for (Map.Entry<String, String> file : notArticles.entrySet()) {
            Files.writeString(records.resolve(file.getKey()), file.getValue());
        }
        Printed run = reportCommand(records);
        assertEquals(1, run.code());
        String log = run.stderr();
        for (String name : notArticles.keySet()) {
            assertTrue(log.contains("narrative-watch: report: skipping unreadable " + records.resolve(name) + ": "), log);
            assertFalse(Files.exists(tmp.resolve("html/articles/" + name.replace(".json", ".html"))), name);
        }
        assertEquals(3, reportJson().path("totals").path("unreadable_files").asLong());
        assertEquals(10, reportJson().path("totals").path("articles").asLong());
    }

    /**
     * A run killed while writing the reports leaves hidden temporary files in the folders it
     * fills; the next run removes them. In OUT itself, the user's folder, it removes only those
     * of its own files.
     */
    @Test
    void temporaryFilesOfAKilledReportAreRemovedAndNothingElse() throws IOException {
        Path records = records();
        List<Path> leftovers = new ArrayList<>();
        for (String file : List.of("csv/narratives.csv", "aggregates/report.json", "html/list-0001.html",
                "html/articles/emoji-offsets.html", "elasticsearch/bulk-0001.ndjson", ReportJob.INDEX_HTML)) {
            Path target = tmp.resolve(file);
            Files.createDirectories(target.getParent());
            leftovers.add(AtomicFiles.temporaryFor(target));
        }
        Path usersOwn = Files.writeString(tmp.resolve(".notes.tmp"), "not the tool's");
        Printed run = reportCommand(records);
        assertEquals(0, run.code(), run.stderr());
        for (Path leftover : leftovers) {
            assertFalse(Files.exists(leftover), leftover.toString());
        }
        assertTrue(Files.exists(usersOwn));
    }

    /** A records folder that does not exist is fatal, as documented, and leaves nothing behind. */
    @Test
    void aMissingRecordsFolderCreatesNothing() {
        Path out = tmp.resolve("no-such-run");
        Printed run = Printed.run("report", "--out", out.toString(), "-q");
        assertEquals(3, run.code());
        assertTrue(run.stderr().contains(out.resolve("articles")
                + ": no such folder of per-article records"), run.stderr());
        assertFalse(Files.exists(out));
    }

    /**
     * A re-run keeps the page of a record that did not change (its stamp says what it was made from) and
     * makes anew the page of one that did, of one deleted, and of one made by another tool version.
     */
    @Test
    void aRerunRendersOnlyThePagesWhoseRecordChanged() throws IOException {
        Path records = records();
        report(records);
        Path kept = tmp.resolve("html/articles/article699478811.html");
        Path edited = tmp.resolve("html/articles/later-0.html");
        ArticleFixtures.write(records, "Moscow will abandon its allies and betray Armenia, Putin said.\n", "later.txt",
                new ArticleFixtures.Meta("later-0", "Before the edit", null, "Later News", "2018-02-01"));
        report(records);
        Files.setLastModifiedTime(kept, FileTime.fromMillis(0));
        Files.setLastModifiedTime(edited, FileTime.fromMillis(0));
        Path deleted = tmp.resolve("html/articles/" + firstOtherPage(kept, edited));
        byte[] deletedBytes = Files.readAllBytes(deleted);
        Files.delete(deleted);
        ArticleFixtures.write(records, "Moscow will abandon its allies and betray Armenia, Putin said.\n", "later.txt",
                new ArticleFixtures.Meta("later-0", "After the edit", null, "Later News", "2018-02-01"));

        report(records);
        assertEquals(0, Files.getLastModifiedTime(kept).toMillis(), "an unchanged record's page is kept as it was");
        assertTrue(Files.getLastModifiedTime(edited).toMillis() > 0, "an edited record's page is made anew");
        assertTrue(Files.readString(edited).contains("After the edit"));
        assertArrayEquals(deletedBytes, Files.readAllBytes(deleted), "a deleted page is made anew, byte for byte");

        String page = Files.readString(kept);
        String stamp = page.substring(page.indexOf(ArticlePage.STAMP));
        Files.writeString(kept, page.replace(stamp.substring(0, stamp.indexOf('>')),
                ArticlePage.STAMP + "\" content=\"made by another version\""));
        report(records);
        assertEquals(page, Files.readString(kept), "a page whose stamp differs is made anew");
    }

    private String firstOtherPage(Path... not) throws IOException {
        try (Stream<Path> pages = Files.list(tmp.resolve("html/articles"))) {
            return pages.filter(p -> !List.of(not).contains(p)).map(p -> p.getFileName().toString()).sorted()
                    .findFirst().orElseThrow();
        }
    }

    @Test
    void articlePagesCanBeLeftOut() throws IOException {
        Path records = records();
        report(records);
        new ReportJob(new ReportJob.Options(3, false, "nw"), new PrintStream(new ByteArrayOutputStream()))
                .run(records, tmp);
        try (Stream<Path> pages = Files.list(tmp.resolve("html/articles"))) {
            assertEquals(0, pages.count(), "pages of the earlier run are removed, not left stale");
        }
        reportJson().path("tables").path("top_evidence").forEach(r -> {
            assertTrue(r.path("page").isNull());
            assertTrue(r.path("rank").asInt() <= 3);
        });
        assertTrue(Files.readString(tmp.resolve("elasticsearch/bulk-0001.ndjson")).contains("\"_index\":\"nw-articles\""));
    }
}
