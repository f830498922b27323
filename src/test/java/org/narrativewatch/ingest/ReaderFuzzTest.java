package org.narrativewatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.narrativewatch.TestData;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Dropped;
import org.narrativewatch.output.AtomicFiles;

/**
 * Fuzzing of the readers, the page layout and the id rules with jqwik. Inputs are random bytes
 * and random mixes of the fragments that make each format (braces, quotes, tags, entities, line
 * breaks, byte-order marks, surrogates), in UTF-8, UTF-16 or Latin-1. The properties: a reader
 * yields articles and per-line errors or fails the whole input with a {@link BadInputException};
 * never another exception. The seed is fixed, so a CI run is repeatable; the number of tries
 * comes from junit-platform.properties (jqwik.tries.default) and can be raised for a long run,
 * see the README.
 */
class ReaderFuzzTest {
    private static final String SEED = "20261125";
    private static final long MAX_BYTES = 64 * 1024;
    private static final List<String> FRAGMENTS = List.of(
            "{", "}", "[", "]", "\"", "\\", "\\u", "\\ud800", "\\udc00", "\"text\"", "\"id\"", "\"title\"", ":", ",",
            "null", "42", "\n", "\r\n", "\r", "\t", " ", "  ", "\n\n", "\u00a0", "\u2028", "\ufeff", "\u0000",
            "<p>", "</p>", "<div>", "<script>", "</script>", "<style>", "<article>", "<h1>", "</h1>", "<!--", "-->",
            "<![CDATA[", "&amp;", "&#x0;", "&#xD800;", "&nbsp;", "<meta property=\"og:title\" content=\"",
            "id,title,text\n", "\"\"", "a,b,c", "Moscow", "denied", "the report", ".", "Recent Posts", "4 hours ago",
            "Europe", "\uD83D\uDE00", "\uD800", "\uDC00", "Кремль", "=cmd|' /C calc'!A0", "../", "CON");
    private static Path dir;
    private static PageLayout layout;

    @BeforeContainer
    static void setUp() throws IOException {
        dir = Files.createTempDirectory("nw-fuzz");
        layout = TestData.shippedLayout();
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.of("txt", "html", "json", "jsonl", "csv");
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> fragment = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(FRAGMENTS)),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(12)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(6)));
        return fragment.list().ofMaxSize(200).map(parts -> String.join("", parts));
    }

    /**
     * Well-formed JSON lines, JSON arrays and CSV tables of random fields, some cut or spliced
     * with a fragment, so that the article paths of the structured readers are reached too.
     */
    @Provide
    Arbitrary<Tuple.Tuple2<String, String>> records() {
        Arbitrary<String> value = Arbitraries.oneOf(texts(), Arbitraries.strings().all().ofMaxLength(40));
        Arbitrary<List<String>> row = value.list().ofSize(4);
        Arbitrary<String> jsonLine = row.map(cells -> json(Map.of("id", cells.get(0), "title", cells.get(1),
                "text", cells.get(2), "url", cells.get(3))));
        Arbitrary<String> damagedLine = Combinators.combine(jsonLine, Arbitraries.integers().between(0, 60),
                Arbitraries.of(FRAGMENTS)).as((line, at, splice) ->
                line.substring(0, Math.min(at, line.length())) + splice + line.substring(Math.min(at, line.length())));
        Arbitrary<List<String>> lines = Arbitraries.frequencyOf(Tuple.of(4, jsonLine), Tuple.of(1, damagedLine))
                .list().ofMaxSize(20);
        Arbitrary<Tuple.Tuple2<String, String>> jsonl = lines.map(l -> Tuple.of("jsonl", String.join("\n", l)));
        Arbitrary<Tuple.Tuple2<String, String>> array = lines.map(l -> Tuple.of("json", "[" + String.join(",", l) + "]"));
        Arbitrary<String> csv = row.list().ofMaxSize(20).map(rows -> {
            StringBuilder sb = new StringBuilder();
            try (CSVPrinter printer = new CSVPrinter(sb, CSVFormat.RFC4180)) {
                printer.printRecord("id", "title", "text", "url");
                for (List<String> r : rows) {
                    printer.printRecord(r);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return sb.toString();
        });
        Arbitrary<String> damagedCsv = Combinators.combine(csv, Arbitraries.integers().between(0, 400),
                Arbitraries.of(FRAGMENTS)).as((table, at, splice) ->
                table.substring(0, Math.min(at, table.length())) + splice + table.substring(Math.min(at, table.length())));
        Arbitrary<Tuple.Tuple2<String, String>> html = texts().list().ofMaxSize(10)
                .map(ps -> Tuple.of("html", "<html><body><p>" + String.join("</p><p>", ps) + "</body></html>"));
        return Arbitraries.oneOf(jsonl, array, csv.map(t -> Tuple.of("csv", t)), damagedCsv.map(t -> Tuple.of("csv", t)), html);
    }

    private static String json(Map<String, String> fields) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(new java.util.TreeMap<>(fields));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A format and an input for it: any bytes for any reader, or a structured input for its own reader. */
    @Provide
    Arbitrary<Tuple.Tuple2<String, byte[]>> inputs() {
        Arbitrary<Charset> charset = Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16BE, StandardCharsets.UTF_16, StandardCharsets.ISO_8859_1);
        Arbitrary<byte[]> encoded = Combinators.combine(texts(), charset).as((text, cs) -> text.getBytes(cs));
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
        Arbitrary<Tuple.Tuple2<String, byte[]>> anything = Combinators.combine(formats(),
                Arbitraries.frequencyOf(Tuple.of(3, encoded), Tuple.of(1, raw))).as(Tuple::of);
        Arbitrary<Tuple.Tuple2<String, byte[]>> structured = records()
                .map(r -> Tuple.of(r.get1(), r.get2().getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.oneOf(anything, structured);
    }

    @Property(seed = SEED)
    void readersYieldArticlesOrErrorsNeverACrash(@ForAll("inputs") Tuple.Tuple2<String, byte[]> formatAndBytes)
            throws IOException {
        String format = formatAndBytes.get1();
        byte[] bytes = formatAndBytes.get2();
        Path file = Files.write(dir.resolve("input." + format), bytes);
        Input input = Input.file(file.toString(), "input." + format, file, () -> Files.newInputStream(file));
        CollectingSink sink = new CollectingSink();
        boolean failed = false;
        try {
            reader(format).read(input, sink);
        } catch (BadInputException e) {
            failed = true;
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
        Statistics.collect(format, failed ? "input rejected" : sink.articles.isEmpty() ? "no article" : "articles");
        for (Article a : sink.articles) {
            assertTrue(!a.text().isBlank(), "an article has text");
            assertWellFormed(a.text());
            checkLayout(layout.apply(a.withId(ArticleIds.of(a, input))));
        }
        for (InputError e : sink.errors) {
            assertEquals(file.toString(), e.file());
            assertTrue(e.line() >= 0 && e.reason() != null && !e.reason().isBlank(), e.toString());
        }
    }

    @Property(seed = SEED)
    void pageLayoutKeepsEveryOffsetInsideTheText(@ForAll("texts") String text) {
        if (text.isBlank()) {
            return;
        }
        Article raw = new Article("a", text, null, null, null, null, null, null,
                new org.narrativewatch.doc.Origin("f", 0), List.of());
        checkLayout(layout.apply(raw));
    }

    @Property(seed = SEED)
    void linesOfValidUtf8AreTheLinesOfTheText(@ForAll("texts") String text) throws IOException {
        String clean = TextCharacters.of(text).replace("\r", "");
        TextDecoder.Lines lines = new TextDecoder(StandardCharsets.UTF_8, MAX_BYTES)
                .lines(new ByteArrayInputStream(clean.getBytes(StandardCharsets.UTF_8)));
        List<String> got = new ArrayList<>();
        for (TextDecoder.Line line = lines.next(); line != null; line = lines.next()) {
            assertEquals(got.size() + 1, line.number());
            got.add(line.text());
        }
        List<String> expected = new ArrayList<>(List.of(clean.split("\n", -1)));
        if (clean.startsWith("\ufeff")) {
            expected.set(0, expected.get(0).substring(1)); // the byte-order mark is not text
        }
        if (expected.get(expected.size() - 1).isEmpty()) {
            expected.remove(expected.size() - 1); // a final line break ends the last line; it opens none
        }
        assertEquals(expected, got);
    }

    @Property(seed = SEED)
    void anyIdBecomesOneSafeDistinctFileName(@ForAll String a, @ForAll String b) {
        String id = ArticleIds.safe(a);
        assertTrue(id.matches("[A-Za-z0-9][A-Za-z0-9._-]*") && id.length() <= 134, id);
        Path articles = Path.of("out", "articles").toAbsolutePath();
        assertEquals(articles, AtomicFiles.inside(articles, id + ".json").getParent());
        if (!a.equals(b)) {
            assertNotEquals(id, ArticleIds.safe(b));
        }
    }

    private static ArticleReader reader(String format) {
        TextDecoder decoder = new TextDecoder(StandardCharsets.UTF_8, MAX_BYTES);
        return switch (format) {
            case "txt" -> new TextReader(decoder);
            case "html" -> new HtmlReader(decoder);
            case "json" -> new JsonReader(decoder, false);
            case "jsonl" -> new JsonReader(decoder, true);
            case "csv" -> new CsvReader(decoder, Map.of());
            default -> throw new IllegalArgumentException(format);
        };
    }

    private static void checkLayout(Article a) {
        String text = a.text();
        if (a.titleSpan() != null) {
            assertTrue(0 <= a.titleSpan().start() && a.titleSpan().start() < a.titleSpan().end()
                    && a.titleSpan().end() <= text.length(), "title span " + a.titleSpan());
        }
        for (Dropped d : a.dropped()) {
            assertTrue(0 <= d.span().start() && d.span().start() < d.span().end() && d.span().end() <= text.length(),
                    "dropped span " + d);
        }
        String analysed = a.analysedText();
        assertEquals(text.length(), analysed.length(), "blanking keeps offsets");
    }

    private static void assertWellFormed(String s) {
        assertEquals(s, TextCharacters.of(s), "no control characters, other line breaks or unpaired surrogates in article text");
    }
}
