package org.narrativewatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.TestData;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Dropped;

class ReadersTest {
    private static PageLayout layout;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws IOException {
        layout = TestData.shippedLayout();
    }

    private CollectingSink read(ReadOptions options, String... inputs) {
        CollectingSink c = new CollectingSink();
        new Ingest(options, layout).readAll(List.of(inputs), c);
        return c;
    }

    private CollectingSink read(String... inputs) {
        return read(ReadOptions.defaults(), inputs);
    }

    private String write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p.toString();
    }

    /** A page in a legacy code page that it declares is read as a browser reads it; a declaration never overrides valid UTF-8. */
    @Test
    void htmlInTheCharsetItDeclaresIsRead() throws IOException {
        String page = "<html><head>%s<title>t</title></head><body><article><h1>%s</h1>"
                + "<p>Москва обвинила Ереван.</p></article></body></html>";
        Path cyrillic = dir.resolve("cp1251.html");
        Files.write(cyrillic, String.format(page, "<meta charset=\"windows-1251\">", "Кремль и Армения")
                .getBytes("windows-1251"));
        Path httpEquiv = dir.resolve("koi8.html");
        Files.write(httpEquiv, String.format(page, "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=KOI8-R\">",
                "Кремль и Армения").getBytes("KOI8-R"));
        Path liar = dir.resolve("liar.html");
        Files.write(liar, String.format(page, "<meta charset=\"iso-8859-1\">", "Кремль и Армения")
                .getBytes(StandardCharsets.UTF_8));
        Path undeclared = dir.resolve("undeclared.html");
        Files.write(undeclared, String.format(page, "", "Caf\u00e9").replace("Москва обвинила Ереван.", "Crème brûlée.")
                .getBytes(StandardCharsets.ISO_8859_1));
        CollectingSink c = read(cyrillic.toString(), httpEquiv.toString(), liar.toString(), undeclared.toString());
        assertEquals(3, c.articles.size(), c.errors.toString());
        for (Article a : c.articles) {
            assertEquals("Кремль и Армения", a.title(), a.id());
            assertTrue(a.text().contains("Москва обвинила Ереван."), a.text());
        }
        assertEquals(1, c.errors.size());
        assertTrue(c.errors.get(0).file().endsWith("undeclared.html"), c.errors.toString());
        assertTrue(c.errors.get(0).reason().startsWith("not valid UTF-8 text"), c.errors.toString());
    }

    @Test
    void htmlMainTextTitleAndMetadata() throws IOException {
        String html = """
                <!doctype html><html lang="en"><head><title>Moscow agrees | Example News</title>
                <meta property="og:title" content="Moscow agrees to talks">
                <meta property="og:site_name" content="Example News">
                <meta property="article:published_time" content="2023-09-20T10:00:00Z">
                <link rel="canonical" href="https://example.org/moscow-talks">
                <script>var tracking = "Kremlin";</script><style>p { color: red }</style></head>
                <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <article><h1>Moscow agrees to talks</h1>
                <p>The Kremlin said on Tuesday that it would join talks in Istanbul.</p>
                <div><p>Armenia welcomed the move.</p></div></article>
                <footer>Copyright Example News</footer></body></html>
                """;
        CollectingSink c = read(write("site/page.html", html));
        assertEquals(List.of(), c.errors);
        Article a = c.articles.get(0);
        assertEquals("Moscow agrees to talks", a.title());
        assertEquals("https://example.org/moscow-talks", a.url());
        assertEquals("Example News", a.source());
        assertEquals("2023-09-20T10:00:00Z", a.published());
        assertEquals("Moscow agrees to talks\n\nThe Kremlin said on Tuesday that it would join talks in Istanbul."
                + "\n\nArmenia welcomed the move.", a.text());
        assertEquals("Moscow agrees to talks", a.titleSpan().of(a.text()));
        assertFalse(a.text().contains("tracking") || a.text().contains("Home") || a.text().contains("Copyright"));
        assertEquals("page", a.id());
    }

    /**
     * A page laid out with {@code <div>} and {@code <br>} instead of {@code <p>} keeps its lines and
     * paragraphs: "Myth:" lines, datelines and the headline are not run into one paragraph.
     */
    @Test
    void htmlLineBreaksAndDivsKeepTheLinesAndParagraphs() throws IOException {
        String html = """
                <html><body><article><h1>Five myths, checked</h1>
                <div>Myth: NATO is encircling Russia<br>Fact: NATO members border a small share of its frontier.
                <br> <br><br>MOSCOW, <b>May 5</b><br/>
                The Kremlin said it would join talks.</div>
                <div>Armenia welcomed the move.</div></article></body></html>
                """;
        Article a = read(write("br.html", html)).articles.get(0);
        assertEquals("Five myths, checked\n\nMyth: NATO is encircling Russia\nFact: NATO members border a small share "
                + "of its frontier.\n\nMOSCOW, May 5\nThe Kremlin said it would join talks.\n\nArmenia welcomed the move.",
                a.text());
        assertEquals("Five myths, checked", a.titleSpan().of(a.text()));
    }

    /** Text a block holds around its inner blocks is read once, in page order, and inner blocks once each. */
    @Test
    void htmlTextAroundNestedBlocksIsReadOnceInOrder() throws IOException {
        String html = "<html><body><article><h1>Talks</h1><div>Before the list<ul><li>One</li>"
                + "<li>Two <div>inner</div> after</li></ul>After the list</div>"
                + "<section>Loose<p>Para</p></section></article></body></html>";
        Article a = read(write("nested.html", html)).articles.get(0);
        assertEquals("Talks\n\nBefore the list\n\nOne\n\nTwo\n\ninner\n\nafter\n\nAfter the list\n\nLoose\n\nPara",
                a.text());
    }

    @Test
    void jsonlGoodLinesAreReadAndBrokenOnesReportedWithTheirLine() throws IOException {
        String jsonl = """
                {"id": "a1", "title": "NATO summit", "text": "NATO leaders met in Vilnius.", "source": "Example", "published": "2023-07-11"}
                {"id": "a2", "text": "Broken line
                {"title": "no text field"}

                {"text": "Fourth line has text but no id."}
                """;
        String file = write("feed.jsonl", jsonl);
        CollectingSink c = read(file);
        assertEquals(2, c.articles.size());
        assertEquals("a1", c.articles.get(0).id());
        assertEquals("NATO summit\n\nNATO leaders met in Vilnius.", c.articles.get(0).text());
        assertEquals("Example", c.articles.get(0).source());
        assertEquals("feed-L5", c.articles.get(1).id());
        assertEquals(5, c.articles.get(1).origin().line());
        assertEquals(2, c.errors.size());
        assertEquals(2, c.errors.get(0).line());
        assertTrue(c.errors.get(0).reason().startsWith("malformed JSON"), c.errors.get(0).reason());
        assertEquals(3, c.errors.get(1).line());
        assertTrue(c.errors.get(1).reason().contains("\"text\""));
        assertEquals(file, c.errors.get(1).file());
    }

    @Test
    void malformedJsonAndRecordsWithoutTextAreReportedInPlainWords() throws IOException {
        String jsonl = """
                {"id": "cut", "text": "cut off
                {"id": "number", "text": 12345}
                {"id": "list", "text": ["a", "b"]}
                {"id": "null", "text": null}
                {"id": "none", "title": "Russia betrayed Armenia"}
                {"id": "empty", "title": "Russia betrayed Armenia", "text": ""}
                {"id": "blank", "title": "Russia betrayed Armenia", "text": " \\n\\t "}
                """;
        CollectingSink lines = read(write("feed.jsonl", jsonl));
        assertEquals(List.of(), lines.articles);
        List<String> reasons = lines.errors.stream().map(InputError::reason).toList();
        assertEquals(List.of(
                "malformed JSON at column 31: Unexpected end-of-input: was expecting closing quote for a string value",
                "\"text\" is a number, not a string of article text",
                "\"text\" is an array, not a string of article text",
                "\"text\" is null: no article text",
                "no \"text\" field with article text",
                "\"text\" is empty: no article text",
                "\"text\" is only white space: no article text"), reasons);

        CollectingSink file = read(write("cut.json", "{\"id\": \"cut\",\n \"text\": \"Moscow denied it.\""));
        assertEquals(1, file.errors.size());
        assertEquals("malformed JSON at line 2, column 29: Unexpected end-of-input: expected close marker for Object "
                + "(start marker at line 1, column 1)", file.errors.get(0).reason());
        for (InputError e : file.errors) {
            assertFalse(e.reason().contains("Source") || e.reason().contains("REDACTED")
                    || e.reason().contains("StreamReadFeature"), e.reason());
        }
    }

    /** The audit's records (audit 11b #5), one per line. */
    static final String UNREAD_FIELDS = """
            {"id":"feb30","text":"Russia betrayed Armenia again.","published":"2015-02-30"}
            {"id":"y20155","text":"Russia betrayed Armenia again.","published":"20155-03-03"}
            {"id":"mongo","text":"Russia betrayed Armenia again.","published":{"$date":"2015-03-03T10:00:00Z"}}
            {"id":"pyfloat","text":"Russia betrayed Armenia again.","published":1425366000.25}
            {"id":"newsapi","text":"Russia betrayed Armenia again.","source":{"id":"reuters","name":"Reuters"},"published":"2015-03-03"}
            {"id":"plain","text":"Russia betrayed Armenia again.","source":"RT","url":"https://www.rt.com/a","published":"2015-03-03"}
            {"id":"epoch","text":"Russia betrayed Armenia again.","published":1425366000,"title":["a","b"]}
            """;

    /**
     * A {@code published} that is no date, or a field given as an object or array, gets a warning
     * naming the field and its value; a number keeps its digits as written. A record whose fields
     * are all read gets none.
     */
    @Test
    void fieldsThatAreNotReadAreNamedInTheArticlesWarnings() throws IOException {
        CollectingSink c = read(write("in.jsonl", UNREAD_FIELDS));
        assertEquals(List.of(), c.errors);
        String undated = " is not a date this tool reads (docs/reports.md, \"Dates that are read\"): the article counts "
                + "as undated";
        Map<String, String> read = new java.util.TreeMap<>();
        for (Article a : c.articles) {
            read.put(a.id(), a.published() + " " + a.source() + " " + a.title() + " " + a.warnings());
        }
        assertEquals(Map.of(
                "feb30", "2015-02-30 null null [\"published\" \"2015-02-30\"" + undated + "]",
                "y20155", "20155-03-03 null null [\"published\" \"20155-03-03\"" + undated + "]",
                "mongo", "null null null [\"published\" {\"$date\":\"2015-03-03T10:00:00Z\"} is an object, not text: left out]",
                "pyfloat", "1425366000.25 null null []",
                "newsapi", "2015-03-03 null null [\"source\" {\"id\":\"reuters\",\"name\":\"Reuters\"} is an object, not text: "
                        + "left out]",
                "plain", "2015-03-03 RT null []",
                "epoch", "1425366000 null null [\"title\" [\"a\",\"b\"] is an array, not text: left out]"), read);

        CollectingSink csv = read(write("dates.csv", "id,text,published\nc1,Moscow agreed.,yesterday\nc2,Moscow agreed.,"
                + "1425366000.25\n"));
        assertEquals(List.of(List.of("\"published\" \"yesterday\"" + undated), List.of()),
                csv.articles.stream().map(Article::warnings).toList());
        assertEquals(List.of("\"published\" \"" + "x".repeat(99) + "\u2026" + undated),
                read(write("long.jsonl", "{\"text\":\"Moscow agreed.\",\"published\":\"" + "x".repeat(500) + "\"}\n"))
                        .articles.get(0).warnings(), "a warning quotes the start of a long value");
    }

    /**
     * A number of more than a thousand digits (Jackson's default limit) in a field the tool does not use, or
     * in {@code published}, does not cost the article (audit 12a): it was dropped as "malformed JSON".
     */
    @Test
    void aLongNumberInAFieldIsNoReasonToLoseTheArticle() throws IOException {
        String digits = "9".repeat(100_000);
        CollectingSink c = read(write("long-numbers.jsonl", "{\"id\":\"views\",\"text\":\"Russia betrayed Armenia.\",\"views\":"
                + digits + "}\n{\"id\":\"fraction\",\"text\":\"Russia betrayed Armenia.\",\"views\":" + digits + ".5}\n"
                + "{\"id\":\"published\",\"text\":\"Russia betrayed Armenia.\",\"published\":" + "9".repeat(1001) + "}\n"));
        assertEquals(List.of(), c.errors);
        assertEquals(List.of("views", "fraction", "published"), c.articles.stream().map(Article::id).toList());
        assertEquals("9".repeat(1001), c.articles.get(2).published(), "the number's digits, as written");
    }

    @Test
    void jsonFileHoldsOneArticleOrAnArray() throws IOException {
        CollectingSink one = read(write("one.json", "{\"text\": \"Russia and Armenia.\", \"url\": \"https://x.org/1\"}"));
        assertEquals("one", one.articles.get(0).id());
        assertEquals("https://x.org/1", one.articles.get(0).url());
        assertNull(one.articles.get(0).title());
        CollectingSink many = read(write("many.json", "[{\"text\": \"First.\"}, {\"text\": \"Second.\"}, 42]"));
        assertEquals(List.of("many-L1", "many-L2"), many.articles.stream().map(Article::id).toList());
        assertEquals(1, many.errors.size());
        assertEquals(3, many.errors.get(0).line());
    }

    /**
     * A JSON array that breaks part way (cut off, or a byte that is not UTF-8 well past the first
     * 8 KiB) keeps every element before the break; the error record names the element where
     * reading stopped, and what follows it is unknown.
     */
    @Test
    void aJsonArrayBrokenPartWayKeepsTheElementsBeforeTheBreak() throws IOException {
        StringBuilder elements = new StringBuilder("[\n");
        for (int i = 1; i <= 120; i++) {
            elements.append("{\"id\": \"e").append(i).append("\", \"text\": \"Item ").append(i)
                    .append(": Moscow denied on Tuesday that it planned to close its embassy in Vilnius.\"},\n");
        }
        String good = elements.toString();
        assertTrue(good.length() > 8192 + 1000, "the break lies past the part looked at first");
        CollectingSink cut = read(write("cut-array.json", good + "{\"id\": \"e121\", \"text\": \"Riga said"));
        assertEquals(120, cut.articles.size());
        assertEquals(1, cut.errors.size());
        InputError stop = cut.errors.get(0);
        assertEquals(121, stop.line());
        assertTrue(stop.unread(), "the articles after the break are unknown");
        assertTrue(stop.reason().startsWith("malformed JSON at line 122, column 34: Unexpected end-of-input")
                && stop.reason().endsWith("(the array is read no further)"), stop.reason());

        Path latin1 = dir.resolve("latin1-part-way.json");
        Files.write(latin1, (good + "{\"id\": \"e121\", \"text\": \"Caf\u00e9 in Riga.\"},\n"
                + "{\"id\": \"e122\", \"text\": \"Riga said nothing.\"}]").getBytes(StandardCharsets.ISO_8859_1));
        CollectingSink misEncoded = read(latin1.toString());
        assertEquals(120, misEncoded.articles.size(), "every element before the bad byte is read");
        assertEquals(1, misEncoded.errors.size());
        assertEquals(121, misEncoded.errors.get(0).line());
        assertEquals("not valid UTF-8 text; re-encode it as UTF-8 or name its encoding with --encoding (the array is "
                + "read no further)", misEncoded.errors.get(0).reason());
        // Named as Latin-1, the same file is read whole.
        CollectingSink named = read(new ReadOptions(StandardCharsets.ISO_8859_1, ReadOptions.DEFAULT_MAX_ARTICLE_BYTES,
                Map.of(), "txt"), latin1.toString());
        assertEquals(List.of(), named.errors);
        assertEquals("Caf\u00e9 in Riga.", named.articles.get(120).text());
    }

    /**
     * A .json array streamed element by element is decoded by the rules every other input is: a
     * byte-order mark or BOM-less UTF-16 decides; else UTF-8 when the 8 KiB from the first byte that
     * is not ASCII are valid UTF-8 (a character cut at their end is not held against them), else
     * --encoding. Its titles and texts get their line breaks as line feeds, and a NUL character past
     * the first 8 KiB is binary at its element, as one in them is for the file.
     */
    @Test
    void aStreamedJsonArrayIsDecodedByTheRulesOfEveryInput() throws IOException {
        StringBuilder array = new StringBuilder("[\n");
        for (int i = 1; i <= 200; i++) {
            array.append("{\"id\": \"e").append(i).append("\", \"title\": \"Caf\u00e9\u0085M\u00fcnchen ").append(i)
                    .append("\", \"text\": \"Moscow denied on Tuesday that it planned to close its embassy in Vilnius.\"},\n");
        }
        array.setLength(array.length() - 2);
        String json = array.append("]").toString();
        assertTrue(json.length() > 2 * 8192, "read well past the first 8 KiB");
        // Latin-9, in which 0x85 is NEL as in Latin-1 (which is read as Windows-1252, where 0x85 is "\u2026").
        Charset latin9Charset = Charset.forName("ISO-8859-15");
        ReadOptions latin9 = new ReadOptions(latin9Charset, ReadOptions.DEFAULT_MAX_ARTICLE_BYTES, Map.of(), "txt");
        Map<String, byte[]> files = Map.of(
                "latin9.json", json.getBytes(latin9Charset),
                "utf16-bom.json", withMark(new int[] {0xFF, 0xFE}, json.getBytes(StandardCharsets.UTF_16LE)),
                "utf16be-no-bom.json", json.getBytes(StandardCharsets.UTF_16BE),
                "utf32-bom.json", withMark(new int[] {0x00, 0x00, 0xFE, 0xFF}, json.getBytes(Charset.forName("UTF-32BE"))),
                "utf8.json", json.getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = Files.write(dir.resolve(file.getKey()), file.getValue());
            CollectingSink c = read(latin9, path.toString());
            assertEquals(List.of(), c.errors, file.getKey());
            assertEquals(200, c.articles.size(), file.getKey());
            Article last = c.articles.get(199);
            assertEquals("Caf\u00e9\nM\u00fcnchen 200", last.title(), file.getKey() + ": NEL is a line feed");
            assertEquals(last.title(), last.titleSpan().of(last.text()), file.getKey());
        }
        // Not named as Latin-9, the Latin-9 file is not UTF-8 from its first element on.
        CollectingSink strict = read(dir.resolve("latin9.json").toString());
        assertEquals(List.of(), strict.articles);
        assertEquals("not valid UTF-8 text; re-encode it as UTF-8 or name its encoding with --encoding (the array is "
                + "read no further)", strict.errors.get(0).reason());

        // UTF-8 whose 8 KiB from the first byte that is not ASCII end in the middle of an "é" is UTF-8.
        String cut = "[{\"id\": \"u1\", \"text\": \"\u00e9x" + "\u00e9".repeat(5000) + "\"}]";
        int first = cut.indexOf('\u00e9');
        byte[] utf8 = cut.getBytes(StandardCharsets.UTF_8);
        assertEquals((byte) 0xC3, utf8[first + 8191], "the window ends in the first byte of an \u00e9");
        CollectingSink straddling = read(latin9, Files.write(dir.resolve("cut.json"), utf8).toString());
        assertEquals(List.of(), straddling.errors);
        assertTrue(("\u00e9x" + "\u00e9".repeat(5000)).equals(straddling.articles.get(0).text()), "read as UTF-8");

        // A NUL past the first 8 KiB stops the array at its element; the elements before it are kept.
        String nul = json.substring(0, json.length() - 1) + ",\n{\"id\": \"e201\", \"text\": \"Riga\u0000said\"}]";
        CollectingSink binary = read(Files.write(dir.resolve("nul.json"), nul.getBytes(StandardCharsets.UTF_8)).toString());
        assertEquals(200, binary.articles.size());
        assertEquals(1, binary.errors.size());
        assertEquals(201, binary.errors.get(0).line());
        assertEquals("binary file (contains NUL bytes), not text (the array is read no further)",
                binary.errors.get(0).reason());
    }

    /**
     * The title of a record is the input's, line breaks and all, and it is exactly the text its
     * span covers. A title with a blank line in it is two paragraphs of the text; the body's first
     * paragraph after them ("Trending") is kept, as a body's first paragraph always is, and the
     * page furniture after it is dropped.
     */
    @Test
    void aRecordTitleIsTheInputsAndTheTextItsSpanCovers() throws IOException {
        String jsonl = "{\"id\": \"j1\", \"title\": \"  Dallas Police Dept.\\r\\nfires officer \", "
                + "\"text\": \"The Dallas Police Department fired Officer Amber Guyger on Monday.\"}\n"
                + "{\"id\": \"j2\", \"title\": \"Kremlin denies plan\\n\\nto close Baltic embassy\", "
                + "\"text\": \"Trending\\n\\nMoscow denied on Tuesday that it planned to close its embassy in Vilnius."
                + "\\n\\nRecent Posts\\n\\nLithuania Fights Back\"}\n";
        String csv = "id,title,text\r\nc1,\"Armenia leaves\r\nthe CSTO\",Armenia froze its membership in the CSTO.\r\n";
        CollectingSink c = read(write("titles.jsonl", jsonl), write("titles.csv", csv));
        assertEquals(List.of(), c.errors);
        assertEquals(List.of("Dallas Police Dept.\r\nfires officer", "Kremlin denies plan\n\nto close Baltic embassy",
                "Armenia leaves\r\nthe CSTO"), c.articles.stream().map(Article::title).toList());
        for (Article a : c.articles) {
            assertEquals(a.title(), a.titleSpan().of(a.text()), a.id());
            assertTrue(a.text().startsWith(a.title() + "\n\n"), a.id());
        }
        Article twoParagraphTitle = c.articles.get(1);
        assertEquals(List.of("Recent Posts\n\nLithuania Fights Back"),
                twoParagraphTitle.dropped().stream().map(d -> d.span().of(twoParagraphTitle.text())).toList(),
                "the body's first paragraph is kept; the furniture after it is dropped");
        assertTrue(twoParagraphTitle.analysedText().contains("Trending"));
    }

    /**
     * A title that the body starts with only up to the middle of a word (the audit's "Russia" over
     * "Russians betrayed ...") is not the body's title line: it is put before the body, and its span
     * ends at the end of the title, not inside "Russians". A body whose first line or paragraph is
     * the title (then a line break, or nothing) is kept as it is.
     */
    @Test
    void aTitleThatStartsTheBodysFirstWordIsPutBeforeTheBody() throws IOException {
        String body = "Russians betrayed Armenia in 2023. The Kremlin abandoned its CSTO ally.";
        String jsonl = "{\"id\": \"p1\", \"title\": \"Russia\", \"text\": \"" + body + "\"}\n"
                + "{\"id\": \"p2\", \"title\": \"Russia betrayed Armenia\", \"text\": \"Russia betrayed Armenians, "
                + "it said.\"}\n"
                + "{\"id\": \"k1\", \"title\": \"Russia\", \"text\": \"Russia\\n\\n" + body + "\"}\n"
                + "{\"id\": \"k2\", \"title\": \"Russia betrayed Armenia\", \"text\": \"Russia betrayed Armenia\\r\\n"
                + body + "\"}\n"
                + "{\"id\": \"k3\", \"title\": \"Russia\", \"text\": \"Russia\"}\n";
        CollectingSink c = read(write("titles.jsonl", jsonl));
        assertEquals(List.of(), c.errors);
        assertEquals(List.of("Russia\n\n" + body, "Russia betrayed Armenia\n\nRussia betrayed Armenians, it said.",
                "Russia\n\n" + body, "Russia betrayed Armenia\r\n" + body, "Russia"),
                c.articles.stream().map(Article::text).toList());
        for (Article a : c.articles) {
            assertEquals(a.title(), a.titleSpan().of(a.text()), a.id());
        }
    }

    /**
     * Only the page's headline, its first heading that is the title, is left out of the body (the
     * text starts with the title); a section label above it stays, and so do a later subheading or a
     * paragraph that reads like the title. An {@code <h1>} over a first paragraph that starts with the
     * title's letters ("Russia" over "Russians ...") no longer makes that paragraph the title.
     */
    @Test
    void onlyTheHeadlineEqualToTheTitleIsLeftOutOfAnHtmlBody() throws IOException {
        String votes = write("votes.html", "<html><head><title>Armenia votes</title></head><body><article>"
                + "<p>Politics</p><h1>Armenia votes</h1><p>Armenians voted on Sunday.</p><h2>Armenia votes</h2>"
                + "<p>Moscow watched.</p><p>Armenia votes</p></article></body></html>");
        String russia = write("russia.html", "<html><body><article><h1>Russia</h1><p>Russians betrayed Armenia in "
                + "2023.</p></article></body></html>");
        String alone = write("alone.html", "<html><body><article><h1>Russia betrayed Armenia</h1></article></body></html>");
        CollectingSink c = read(votes, russia, alone);
        assertEquals(List.of(), c.errors);
        assertEquals(List.of("Armenia votes\n\nPolitics\n\nArmenians voted on Sunday.\n\nArmenia votes\n\nMoscow "
                + "watched.\n\nArmenia votes", "Russia\n\nRussians betrayed Armenia in 2023.", "Russia betrayed Armenia"),
                c.articles.stream().map(Article::text).toList());
        for (Article a : c.articles) {
            assertEquals(a.title(), a.titleSpan().of(a.text()), a.id());
        }
    }

    @Test
    void csvWithRenamedColumnsEmbeddedNewlinesAndARaggedRow() throws IOException {
        String csv = "uid,headline,body,outlet\r\n"
                + "c1,Kremlin denies,\"The Kremlin denied the report.\nIt called it fake.\",RT\r\n"
                + "c2,Ragged,too few cells\r\n"
                + "c3,EU summit,\"Leaders met in Brussels, again.\",Politico\r\n";
        ReadOptions options = new ReadOptions(StandardCharsets.UTF_8, ReadOptions.DEFAULT_MAX_ARTICLE_BYTES,
                Map.of("id", "uid", "title", "headline", "text", "body", "source", "outlet"), "txt");
        CollectingSink c = read(options, write("claims.csv", csv));
        assertEquals(List.of("c1", "c3"), c.articles.stream().map(Article::id).toList());
        assertEquals("Kremlin denies\n\nThe Kremlin denied the report.\nIt called it fake.", c.articles.get(0).text());
        assertEquals("RT", c.articles.get(0).source());
        assertEquals(1, c.errors.size());
        assertEquals(4, c.errors.get(0).line(), "the ragged row starts on line 4 (the previous row spans two)");
        assertTrue(c.errors.get(0).reason().contains("cells"));
    }

    /**
     * A spreadsheet export with blank lines (before the header too): every row keeps the line it
     * starts on, in its origin, its id and its error record; a blank line is no row, while a quoted
     * empty cell ("") is a row without text.
     */
    @Test
    void csvRowsAfterBlankLinesKeepTheLineTheyStartOn() throws IOException {
        String claim = "Russia betrayed Armenia, which lost Nagorno-Karabakh in 2023.";
        String plain = write("blank.csv", "\ntext\n\"" + claim + "\"\n\n\n\"" + claim + " again\"\n\"" + claim
                + " third\"\n\"\"\n\n");
        CollectingSink c = read(plain);
        assertEquals(List.of("blank-L3", "blank-L6", "blank-L7"), c.articles.stream().map(Article::id).toList());
        assertEquals(List.of(3L, 6L, 7L), c.articles.stream().map(a -> a.origin().line()).toList());
        assertEquals(List.of(plain + ":8: no article text in column \"text\""),
                c.errors.stream().map(e -> e.file() + ":" + e.line() + ": " + e.reason()).toList());

        String withIds = write("ids.csv", "id,text\r\nm1,\"" + claim + "\r\nIt said so twice.\"\r\n\r\n\r\n"
                + "m2,\"" + claim + "\"\r\n\r\nm3,ragged,row\r\nm4,\r\n");
        c = read(withIds);
        assertEquals(List.of("m1:2", "m2:6"), c.articles.stream().map(a -> a.id() + ":" + a.origin().line()).toList());
        assertEquals(List.of("8: row has 3 cells but the header has 2", "9: no article text in column \"text\""),
                c.errors.stream().map(e -> e.line() + ": " + e.reason()).toList());
    }

    /**
     * A spreadsheet writes an empty row inside the used range as {@code ,,}: it is blank, above the
     * header too (the audit's sheets), and its line still counts. A row with a cell in it (an id) or
     * of quoted empty cells, which someone wrote, is still a row without text.
     */
    @Test
    void csvRowsOfEmptyCellsAreBlankLines() throws IOException {
        String claim = "Russia betrayed Armenia in 2023. The Kremlin abandoned its CSTO ally.";
        String sheet1 = write("sheet1.csv", ",,\nid,title,text\nr1,Russia,\"" + claim + "\"\nr2,Moscow,\"Moscow left "
                + "Yerevan alone.\"\n");
        String sheet2 = write("sheet2.csv", "id,title,text\nr3,Russia,\"" + claim + "\"\n,,\n,,\nr4,Moscow,\"Moscow "
                + "left Yerevan alone.\"\n");
        CollectingSink c = read(sheet1, sheet2);
        assertEquals(List.of("r1:3", "r2:4", "r3:2", "r4:5"),
                c.articles.stream().map(a -> a.id() + ":" + a.origin().line()).toList());
        assertEquals(List.of(), c.errors);

        String written = write("written.csv", "id,title,text\nr5,,\n\"\",\"\",\"\"\n,\"\",\n");
        c = read(written);
        assertEquals(List.of(), c.articles);
        assertEquals(List.of("2: no article text in column \"text\"", "3: no article text in column \"text\"",
                "4: no article text in column \"text\""), c.errors.stream().map(e -> e.line() + ": " + e.reason()).toList());
    }

    /**
     * The audit's spreadsheet headers (audit 11b #4): column names are matched ignoring case, so
     * {@code Text}, {@code Published}, {@code Source} and {@code URL} are read, and a mapped column
     * in another case too; a column named like no field still is not.
     */
    @Test
    void csvColumnNamesAreMatchedIgnoringCase() throws IOException {
        CollectingSink c = read(write("cap-text.csv", "id,Text,Published\nx1,\"Russia betrayed Armenia again.\",2015-03-03\n"),
                write("cap-fields.csv", "id,text,Published,Source,URL\nx2,\"Russia betrayed Armenia again. Russia abandons "
                        + "its allies when the chips are down.\",2015-03-03,RT,https://www.rt.com/a\n"));
        assertEquals(List.of(), c.errors);
        assertEquals(List.of("x1|Russia betrayed Armenia again.|2015-03-03|null|null",
                "x2|Russia betrayed Armenia again. Russia abandons its allies when the chips are down.|2015-03-03|RT|"
                        + "https://www.rt.com/a"), c.articles.stream().map(a -> a.id() + "|" + a.text() + "|" + a.published()
                + "|" + a.source() + "|" + a.url()).toList());
        ReadOptions mapped = new ReadOptions(StandardCharsets.UTF_8, ReadOptions.DEFAULT_MAX_ARTICLE_BYTES,
                Map.of("text", "Body"), "txt");
        c = read(mapped, write("mapped-case.csv", "ID,body,Outlet\nx3,\"Moscow left Yerevan alone.\",RT\n"));
        assertEquals(List.of("x3|null"), c.articles.stream().map(a -> a.id() + "|" + a.source()).toList(),
                "an Outlet column is no source column");
    }

    @Test
    void csvWithoutTheTextColumnFailsAsAWholeWithAHint() throws IOException {
        CollectingSink c = read(write("bad.csv", "a,b\n1,2\n"));
        assertTrue(c.articles.isEmpty());
        assertTrue(c.errors.get(0).reason().contains("--csv-column"), c.errors.get(0).reason());
    }

    @Test
    void csvRowsLargerThanTheArticleSizeLimitGetAnErrorRecordEachAndTheNextRowIsRead() throws IOException {
        String big = "The Kremlin said on Tuesday that it would join talks in Istanbul. ".repeat(36);
        String csv = "id,title,text\n"
                + "c1,Short,Armenia welcomed the move on Tuesday.\n"
                + "c2,Big,\"" + big + "\"\n"
                + "c3,After,Riga said nothing.\n";
        ReadOptions options = new ReadOptions(StandardCharsets.UTF_8, 1000, Map.of(), "txt");
        CollectingSink c = read(options, write("big-row.csv", csv));
        assertEquals(List.of("c1", "c3"), c.articles.stream().map(Article::id).toList());
        assertEquals(1, c.errors.size(), c.errors.toString());
        assertEquals(3, c.errors.get(0).line());
        assertEquals("row larger than the maximum article size of 1000 bytes (raise it with --max-article-bytes)",
                c.errors.get(0).reason());
        // The same row within the limit is an article.
        CollectingSink roomy = read(new ReadOptions(StandardCharsets.UTF_8, 3000, Map.of(), "txt"),
                write("big-row-2.csv", csv));
        assertEquals(List.of("c1", "c2", "c3"), roomy.articles.stream().map(Article::id).toList());
    }

    @Test
    void csvMappingToAColumnTheHeaderLacksFailsTheFileNamingTheColumn() throws IOException {
        String csv = "id,title,text\nc1,Kremlin denies,The Kremlin denied the report.\n";
        ReadOptions options = new ReadOptions(StandardCharsets.UTF_8, ReadOptions.DEFAULT_MAX_ARTICLE_BYTES,
                Map.of("title", "missingcol"), "txt");
        String file = write("mapped.csv", csv);
        CollectingSink c = read(options, file);
        assertEquals(List.of(), c.articles);
        assertEquals(1, c.errors.size());
        assertEquals(file, c.errors.get(0).file());
        assertEquals("no \"missingcol\" column in the CSV header [id, title, text] (name it with --csv-column title=NAME)",
                c.errors.get(0).reason());
    }

    @Test
    void csvMappingOfAnUnknownFieldIsRefused() {
        ReadOptions options = new ReadOptions(StandardCharsets.UTF_8, ReadOptions.DEFAULT_MAX_ARTICLE_BYTES,
                Map.of("bogus", "x"), "txt");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Ingest(options, layout));
        assertTrue(e.getMessage().contains("id, title, text, url, source, published, language"), e.getMessage());
    }

    @Test
    void aFifoNamedAsAnInputWithoutAKnownExtensionIsReadInTheStdinFormat() throws Exception {
        String jsonl = "{\"id\":\"j1\",\"title\":\"T1\",\"text\":\"The Kremlin said it would join talks.\"}\n"
                + "{\"id\":\"j2\",\"text\":\"Armenia welcomed the move.\"}\n";
        // What the shell passes for <(zcat a.jsonl): /dev/fd/63, a pipe without an extension.
        CollectingSink asJsonl = readFifo("63", jsonl, "jsonl");
        assertEquals(List.of(), asJsonl.errors);
        assertEquals(List.of("j1", "j2"), asJsonl.articles.stream().map(Article::id).toList());
        assertEquals("T1", asJsonl.articles.get(0).title());
        // Default --stdin-format txt: one text article, as from "-".
        CollectingSink asText = readFifo("62", jsonl, "txt");
        assertEquals(1, asText.articles.size());
        assertEquals(jsonl, asText.articles.get(0).text());
        // A known extension still decides.
        CollectingSink named = readFifo("feed.jsonl", jsonl, "txt");
        assertEquals(List.of("j1", "j2"), named.articles.stream().map(Article::id).toList());
    }

    private CollectingSink readFifo(String name, String content, String stdinFormat) throws Exception {
        Path fifo = dir.resolve(name);
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, content, StandardCharsets.UTF_8); // waits for the reader to open it
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        CollectingSink c = read(new ReadOptions(StandardCharsets.UTF_8, ReadOptions.DEFAULT_MAX_ARTICLE_BYTES, Map.of(),
                stdinFormat), fifo.toString());
        writer.join(10_000);
        return c;
    }

    @Test
    void foldersAreWalkedInNameOrderWithPathDerivedIds() throws IOException {
        write("corpus/b/story.txt", "Second Title\n\nBody about Moscow.");
        write("corpus/a/story.txt", "First Title\n\nBody about Kyiv.");
        write("corpus/notes.pdf", "%PDF-1.4 binary");
        CollectingSink c = read(dir.resolve("corpus").toString());
        assertEquals(List.of("a__story", "b__story"), c.articles.stream().map(Article::id).toList());
        assertEquals(1, c.errors.size());
        assertTrue(c.errors.get(0).reason().startsWith("unsupported file type .pdf"));
    }

    @Test
    void utf16WithBomAndStrictUtf8() throws IOException {
        Path utf16 = dir.resolve("utf16.txt");
        byte[] body = "Title\n\nBody about Azerbaijan.".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(utf16, withBom);
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "Caf\u00e9 in M\u00fcnchen".getBytes(StandardCharsets.ISO_8859_1));
        CollectingSink c = read(utf16.toString(), latin1.toString());
        assertEquals("Title\n\nBody about Azerbaijan.", c.articles.get(0).text());
        assertEquals(1, c.errors.size());
        assertTrue(c.errors.get(0).reason().startsWith("not valid UTF-8"), c.errors.get(0).reason());
    }

    /**
     * A page saved with classic Mac line ends (CR alone), or with the line breaks of Word and web
     * pages (VT, NEL, U+2028, U+2029), is laid out as the same page with line feeds: same title, same
     * dropped furniture at the same offsets, which are still those of the file.
     */
    @Test
    void everyKindOfLineBreakFindsTheTitleAndTheFurnitureAsLineFeedsDo() throws IOException {
        String page = TestData.read(TestData.sampleArticle());
        Article withLineFeeds = read(write("lf.txt", page)).articles.get(0);
        assertEquals("Russia Abandons Its Allies", withLineFeeds.title());
        assertEquals(List.of(PageLayout.SECTION_LABEL, PageLayout.SITE_BOILERPLATE),
                withLineFeeds.dropped().stream().map(Dropped::reason).toList());
        Map<String, String> breaks = Map.of("cr", "\r", "vt", "\u000B", "nel", "\u0085", "ls", "\u2028", "ps", "\u2029");
        for (Map.Entry<String, String> lineBreak : breaks.entrySet()) {
            Article a = read(write(lineBreak.getKey() + ".txt", page.replace("\n", lineBreak.getValue()))).articles.get(0);
            assertEquals(page, a.text(), lineBreak.getKey() + ": every break a line feed, one for one");
            assertEquals(withLineFeeds.title(), a.title(), lineBreak.getKey());
            assertEquals(withLineFeeds.titleSpan(), a.titleSpan(), lineBreak.getKey());
            assertEquals(withLineFeeds.dropped(), a.dropped(), lineBreak.getKey());
        }
        // CRLF already ends lines: the text stays the file's, and the furniture is found.
        String windows = page.replace("\n", "\r\n");
        Article crlf = read(write("crlf.txt", windows)).articles.get(0);
        assertEquals(windows, crlf.text());
        assertEquals(withLineFeeds.title(), crlf.title());
        assertEquals(withLineFeeds.dropped().stream().map(d -> d.span().of(page)).toList(),
                crlf.dropped().stream().map(d -> d.span().of(windows).replace("\r\n", "\n")).toList());
        // A JSON text with U+2028 between its paragraphs (as scripts write them) is laid out too.
        Article json = read(write("ls.json", "{\"text\": \"" + page.replace("\n", "\\u2028").replace("\"", "\\\"")
                + "\"}")).articles.get(0);
        assertEquals(withLineFeeds.title(), json.title());
        assertEquals(withLineFeeds.dropped().size(), json.dropped().size());
    }

    private static byte[] withMark(int[] mark, byte[] text) {
        byte[] bytes = new byte[mark.length + text.length];
        for (int i = 0; i < mark.length; i++) {
            bytes[i] = (byte) mark[i];
        }
        System.arraycopy(text, 0, bytes, mark.length, text.length);
        return bytes;
    }

    /** UTF-32 with its byte-order mark is read as UTF-32, in every format; never as UTF-16 full of NULs. */
    @Test
    void utf32WithItsByteOrderMarkIsRead() throws IOException {
        String page = "Armenia and the CSTO\n\nIn 2023, Russia betrayed Armenia, which lost Nagorno-Karabakh.";
        Charset le = Charset.forName("UTF-32LE");
        Charset be = Charset.forName("UTF-32BE");
        int[] leMark = {0xFF, 0xFE, 0x00, 0x00};
        int[] beMark = {0x00, 0x00, 0xFE, 0xFF};
        Files.write(dir.resolve("le.txt"), withMark(leMark, page.getBytes(le)));
        Files.write(dir.resolve("be.txt"), withMark(beMark, page.getBytes(be)));
        Files.write(dir.resolve("feed.jsonl"), withMark(leMark, ("{\"id\": \"j1\", \"text\": \"Moscow denied it.\"}\n"
                + "{\"id\": \"j2\", \"text\": \"Yerevan said nothing.\"}\n").getBytes(le)));
        Files.write(dir.resolve("table.csv"), withMark(beMark, "id,text\nc1,\"Moscow denied it, again.\"\n".getBytes(be)));
        // UTF-16 that holds NUL characters is binary, as a file with NUL bytes is.
        Files.write(dir.resolve("nul.txt"), withMark(new int[] {0xFF, 0xFE}, "Title\0\0\0\0".getBytes(StandardCharsets.UTF_16LE)));
        CollectingSink c = read(dir.toString());
        Map<String, String> texts = new java.util.TreeMap<>();
        c.articles.forEach(a -> texts.put(a.id(), a.text()));
        assertEquals(Map.of("be", page, "le", page, "j1", "Moscow denied it.", "j2", "Yerevan said nothing.",
                "c1", "Moscow denied it, again."), texts);
        assertEquals("Armenia and the CSTO", c.articles.stream().filter(a -> a.id().equals("le")).findFirst()
                .orElseThrow().title());
        assertEquals(1, c.errors.size(), c.errors.toString());
        assertTrue(c.errors.get(0).file().endsWith("nul.txt"), c.errors.toString());
        assertEquals("binary file (contains NUL bytes), not text", c.errors.get(0).reason());
    }

    /**
     * With --encoding, a folder of UTF-8 and Latin-1 inputs reads right in one run: text that is valid
     * UTF-8 (a file, a JSONL line, a CSV row) stays UTF-8, the rest is read in the charset named, and an
     * HTML page's own declaration comes before it. Without --encoding the Latin-1 ones are errors, one
     * per line or row.
     */
    @Test
    void encodingIsForWhatIsNotUtf8AndAMixedFolderReadsRight() throws IOException {
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        Files.write(mixed.resolve("utf8.txt"), "Café au lait in Zürich\n\nIn 2023, Russia betrayed Armenia. \uD83D\uDE00\n"
                .getBytes(StandardCharsets.UTF_8));
        Files.write(mixed.resolve("latin1.txt"), "Café au lait in Zürich\n\nIn 2023, Russia betrayed Armenia.\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Files.write(mixed.resolve("feed.jsonl"), concat("{\"id\": \"l-utf8\", \"text\": \"Zürich said nothing.\"}\n"
                .getBytes(StandardCharsets.UTF_8), "{\"id\": \"l-latin1\", \"text\": \"Zürich said nothing.\"}\n"
                .getBytes(StandardCharsets.ISO_8859_1)));
        Files.write(mixed.resolve("table.csv"), concat("id,text\nr-utf8,\"Zürich, again.\"\n".getBytes(StandardCharsets.UTF_8),
                "r-latin1,\"Zürich, again.\"\n".getBytes(StandardCharsets.ISO_8859_1)));
        Files.write(mixed.resolve("cp1251.html"), ("<html><head><meta charset=\"windows-1251\"></head><body><article>"
                + "<h1>Кремль и Армения</h1><p>Москва обвинила Ереван.</p></article></body></html>").getBytes("windows-1251"));

        CollectingSink latin1 = read(new ReadOptions(StandardCharsets.ISO_8859_1, ReadOptions.DEFAULT_MAX_ARTICLE_BYTES,
                Map.of(), "txt"), mixed.toString());
        assertEquals(List.of(), latin1.errors);
        Map<String, String> texts = new java.util.TreeMap<>();
        latin1.articles.forEach(a -> texts.put(a.id(), a.text()));
        assertEquals("Café au lait in Zürich\n\nIn 2023, Russia betrayed Armenia. \uD83D\uDE00\n", texts.get("utf8"));
        assertEquals("Café au lait in Zürich\n\nIn 2023, Russia betrayed Armenia.\n", texts.get("latin1"));
        assertEquals("Zürich said nothing.", texts.get("l-utf8"));
        assertEquals("Zürich said nothing.", texts.get("l-latin1"));
        assertEquals("Zürich, again.", texts.get("r-utf8"));
        assertEquals("Zürich, again.", texts.get("r-latin1"));
        assertEquals("Кремль и Армения\n\nМосква обвинила Ереван.", texts.get("cp1251"));

        CollectingSink strict = read(mixed.toString());
        assertEquals(List.of("cp1251", "l-utf8", "r-utf8", "utf8"), strict.articles.stream().map(Article::id).sorted().toList());
        assertEquals(List.of("feed.jsonl:2", "latin1.txt:0", "table.csv:3"), strict.errors.stream()
                .map(e -> Path.of(e.file()).getFileName() + ":" + e.line()).sorted().toList());
        assertTrue(strict.errors.stream().allMatch(e -> e.reason().startsWith("not valid UTF-8 text")), strict.errors.toString());
    }

    /** A charset whose text is 7-bit (so valid UTF-8 too) is read in that charset when named, not as UTF-8. */
    @Test
    void aSevenBitEncodingIsNotMistakenForUtf8() throws IOException {
        String japanese = "外務省は声明を出した。\n\nロシアはアルメニアを裏切った。";
        Path file = Files.write(dir.resolve("jis.txt"), japanese.getBytes("ISO-2022-JP"));
        CollectingSink c = read(new ReadOptions(Charset.forName("ISO-2022-JP"), ReadOptions.DEFAULT_MAX_ARTICLE_BYTES,
                Map.of(), "txt"), file.toString());
        assertEquals(List.of(), c.errors);
        assertEquals(japanese, c.articles.get(0).text());
    }

    /**
     * A control character in any field (a JSON {@code \u0000} escape, a NUL byte in a CSV cell, ESC in
     * a text file) becomes a space, one for one, so that offsets stay those of the input and no NUL
     * reaches the SQL store, which refuses a whole batch for one. Tabs and line ends stay; a text
     * file with a NUL byte is still binary.
     */
    @Test
    void controlCharactersInAnyFieldBecomeSpacesOneForOne() throws IOException {
        write("in/feed.jsonl", "{\"id\":\"good1\",\"text\":\"The Kremlin abandoned its allies, said an expert in Yerevan on Monday.\"}\n"
                + "{\"id\":\"x\\u00002\",\"title\":\"Nul\\u0000title\",\"source\":\"Daily\\u001fNews\","
                + "\"text\":\"Moscow\\tbetrayed\\u0007Armenia on Monday.\\r\\nIt did.\"}\n"
                + "{\"id\":\"x3\",\"text\":\"\\u0000 \\u0001\"}\n");
        write("in/table.csv", "id,title,text\nc1,Fine,The Kremlin abandoned its allies said an expert.\n"
                + "c2,Nul\0title,Moscow betrayed Armenia on Monday.\n");
        write("in/notes.txt", "Kremlin\u001b[1m betrayed\u007f Armenia\u0093 on Monday.\n");
        write("in/binary.txt", "Moscow betrayed Armenia\0 on Monday.\n");
        CollectingSink c = read(dir.resolve("in").toString());
        Map<String, Article> byId = new java.util.TreeMap<>();
        c.articles.forEach(a -> byId.put(a.id(), a));
        assertEquals(List.of("c1", "c2", "good1", "notes", "x_2-" + byId.keySet().stream()
                .filter(id -> id.startsWith("x_2-")).findFirst().orElse("?").substring(4)), List.copyOf(byId.keySet()));
        Article json = byId.values().stream().filter(a -> a.id().startsWith("x_2-")).findFirst().orElseThrow();
        assertEquals("Nul title", json.title());
        assertEquals("Daily News", json.source());
        assertEquals("Nul title\n\nMoscow\tbetrayed Armenia on Monday.\r\nIt did.", json.text());
        assertEquals("Nul title", byId.get("c2").title());
        assertEquals("Nul title\n\nMoscow betrayed Armenia on Monday.", byId.get("c2").text());
        assertEquals("Kremlin [1m betrayed  Armenia  on Monday.\n", byId.get("notes").text());
        assertEquals("The Kremlin abandoned its allies, said an expert in Yerevan on Monday.", byId.get("good1").text());
        assertEquals(List.of("binary.txt:0: binary file (contains NUL bytes), not text",
                        "feed.jsonl:3: \"text\" is only white space: no article text"),
                c.errors.stream().map(e -> Path.of(e.file()).getFileName() + ":" + e.line() + ": " + e.reason()).sorted().toList());
    }

    /**
     * ISO-8859-1 and US-ASCII, declared by a page or named with --encoding, are read as Windows-1252,
     * as browsers read them: 0x93 and 0x94 are the quote marks that attribute a claim, not control
     * characters. Its five undefined bytes still decode (to C1 controls, which become spaces).
     */
    @Test
    void latin1IsReadAsWindows1252AsBrowsersReadIt() throws IOException {
        String claim = "\u201cRussia betrayed Armenia and abandoned its allies,\u201d the opposition leader told the crowd.";
        byte[] cp1252 = claim.getBytes("windows-1252");
        Path page = dir.resolve("latin1.html");
        Files.write(page, concat(concat("<html><head><meta charset=\"iso-8859-1\"><title>Caf\u00e9 rally</title></head><body><article><p>"
                .getBytes(StandardCharsets.ISO_8859_1), cp1252), "</p></article></body></html>".getBytes(StandardCharsets.ISO_8859_1)));
        Path ascii = dir.resolve("ascii.html");
        Files.write(ascii, concat(concat("<html><head><meta charset=\"us-ascii\"></head><body><p>"
                .getBytes(StandardCharsets.ISO_8859_1), cp1252), "</p></body></html>".getBytes(StandardCharsets.ISO_8859_1)));
        Path notepad = dir.resolve("notepad.txt");
        Files.write(notepad, concat("Caf\u00e9 rally\n\n".getBytes(StandardCharsets.ISO_8859_1), concat(cp1252, new byte[] {' ', (byte) 0x81, '\n'})));
        CollectingSink declared = read(page.toString(), ascii.toString());
        assertEquals(List.of(), declared.errors);
        assertEquals("Caf\u00e9 rally\n\n" + claim, declared.articles.get(0).text());
        assertEquals(claim, declared.articles.get(1).text());
        CollectingSink named = read(new ReadOptions(StandardCharsets.ISO_8859_1, ReadOptions.DEFAULT_MAX_ARTICLE_BYTES,
                Map.of(), "txt"), notepad.toString());
        assertEquals(List.of(), named.errors);
        assertEquals("Caf\u00e9 rally\n\n" + claim + "  \n", named.articles.get(0).text());
        // Without --encoding a Windows-1252 text file is still an error, not guessed at.
        assertTrue(read(notepad.toString()).errors.get(0).reason().startsWith("not valid UTF-8 text"));
    }

    /**
     * A page that declares a charset a browser would not read it in (UTF-16, which browsers read as
     * UTF-8 when declared, or EBCDIC, which does not read the ASCII of the declaration as ASCII) is
     * not decoded in it: valid UTF-8 is read, anything else is an error naming --encoding, and with
     * --encoding it reads right. A byte-order mark still wins over any declaration.
     */
    @Test
    void aDeclarationBrowsersWouldNotFollowIsNotFollowed() throws IOException {
        String page = "<html><head><meta charset=\"%s\"><title>Caf\u00e9</title></head><body><article><p>Moscow betrayed "
                + "Armenia says the caf\u00e9 owner in Yerevan on Monday evening.</p></article></body></html>";
        String text = "Caf\u00e9\n\nMoscow betrayed Armenia says the caf\u00e9 owner in Yerevan on Monday evening.";
        List<String> latin1 = new java.util.ArrayList<>();
        for (String charset : List.of("utf-16", "utf-16le", "ebcdic-cp-us", "utf-32")) {
            Path p = dir.resolve(charset + ".html");
            Files.write(p, String.format(page, charset).getBytes(StandardCharsets.ISO_8859_1));
            latin1.add(p.toString());
        }
        CollectingSink strict = read(latin1.toArray(String[]::new));
        assertEquals(List.of(), strict.articles);
        assertEquals(4, strict.errors.size());
        assertTrue(strict.errors.stream().allMatch(e -> e.reason().startsWith("not valid UTF-8 text")), strict.errors.toString());
        CollectingSink named = read(new ReadOptions(Charset.forName("windows-1252"), ReadOptions.DEFAULT_MAX_ARTICLE_BYTES,
                Map.of(), "txt"), latin1.toArray(String[]::new));
        assertEquals(List.of(), named.errors);
        assertTrue(named.articles.stream().allMatch(a -> a.text().equals(text)), named.articles.toString());

        Path utf8 = Files.write(dir.resolve("utf8.html"), String.format(page, "utf-16").getBytes(StandardCharsets.UTF_8));
        Path marked = Files.write(dir.resolve("marked.html"), withMark(new int[] {0xFF, 0xFE},
                String.format(page, "windows-1251").getBytes(StandardCharsets.UTF_16LE)));
        CollectingSink read = read(utf8.toString(), marked.toString());
        assertEquals(List.of(), read.errors);
        assertEquals(List.of(text, text), read.articles.stream().map(Article::text).toList());
    }

    /**
     * UTF-16 without a byte-order mark is recognised although a few characters have a zero byte on
     * the other side of the pair (U+0300 is 00 03, U+3000 is 00 30, the low surrogate of U+1F600 is
     * DE 00); UTF-32 without a mark, with zeros on both sides, is not taken for it.
     */
    @Test
    void bomLessUtf16WithCharactersThatHaveAZeroByteIsText() throws IOException {
        String template = "Russia and Armenia\n\nMoscow betrayed Armenia, the minister said on Monday in Yerevan at the %s near the square.\n";
        Map<String, String> texts = Map.of("combining", String.format(template, "cafe\u0300"),
                "emoji", String.format(template, "cafe \uD83D\uDE00"), "ideographic", String.format(template, "caf\u00e9\u3000"),
                "box", String.format(template, "\u2500\u2500 caf\u00e9 \u2500\u2500"));
        for (Map.Entry<String, String> t : texts.entrySet()) {
            Files.write(dir.resolve(t.getKey() + "-le.txt"), t.getValue().getBytes(StandardCharsets.UTF_16LE));
            Files.write(dir.resolve(t.getKey() + "-be.txt"), t.getValue().getBytes(StandardCharsets.UTF_16BE));
        }
        String line = "Moscow betrayed Armenia, the minister said at the cafe \uD83D\uDE00 near the square.";
        Files.write(dir.resolve("feed.jsonl"), ("{\"id\": \"j1\", \"text\": \"" + line + "\"}\n").getBytes(StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("utf32.txt"), texts.get("combining").getBytes(Charset.forName("UTF-32LE")));
        CollectingSink c = read(dir.toString());
        Map<String, String> read = new java.util.TreeMap<>();
        c.articles.forEach(a -> read.put(a.id(), a.text()));
        for (Map.Entry<String, String> t : texts.entrySet()) {
            assertEquals(t.getValue(), read.get(t.getKey() + "-le"), t.getKey());
            assertEquals(t.getValue(), read.get(t.getKey() + "-be"), t.getKey());
        }
        assertEquals(line, read.get("j1"));
        assertEquals(List.of("utf32.txt: binary file (contains NUL bytes), not text"),
                c.errors.stream().map(e -> Path.of(e.file()).getFileName() + ": " + e.reason()).toList());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /**
     * A header that names twice a column a field is read from refuses the file with one error naming
     * the column; repeated names of columns nothing reads (blank ones from empty spreadsheet columns)
     * do not cost a row.
     */
    @Test
    void csvHeaderRepeatingAColumnThatIsReadIsOneErrorNamingIt() throws IOException {
        String twice = write("twice.csv", "id,text,text\n"
                + "d1,\"Russia betrayed Armenia in 2023, according to Politico.\",other\n"
                + "d2,\"The Kremlin agreed in advance.\",more\n");
        CollectingSink c = read(twice);
        assertEquals(List.of(), c.articles);
        assertEquals(1, c.errors.size(), c.errors.toString());
        assertEquals(0, c.errors.get(0).line());
        assertEquals("the CSV header [id, text, text] has 2 columns named \"text\" ignoring case (columns 2 and 3), so "
                + "which one holds the text is unclear; rename the others", c.errors.get(0).reason());
        c = read(write("cased.csv", "id,Text,Published,text\nd1,a,2015-03-03,b\n"));
        assertEquals(List.of(), c.articles);
        assertEquals(List.of("the CSV header [id, Text, Published, text] has 2 columns named \"text\" ignoring case "
                + "(columns 2 and 4), so which one holds the text is unclear; rename the others"),
                c.errors.stream().map(InputError::reason).toList());

        String blanks = write("blanks.csv", "id,text,,,note,note\n"
                + "d1,\"Russia betrayed Armenia in 2023, according to Politico.\",,,a,b\n"
                + "d2,\"The Kremlin agreed in advance.\",x,,c,d\n"
                + "d3,Too few cells\n");
        CollectingSink b = read(blanks);
        assertEquals(List.of("d1", "d2"), b.articles.stream().map(Article::id).toList());
        assertEquals("The Kremlin agreed in advance.", b.articles.get(1).text());
        assertEquals(1, b.errors.size(), b.errors.toString());
        assertEquals(4, b.errors.get(0).line());
        assertEquals("row has 2 cells but the header has 6", b.errors.get(0).reason());
    }

    @Test
    void sampleArticleKeepsTheFileTextSoOffsetsAreFileOffsets() throws IOException {
        CollectingSink c = read(TestData.sampleArticle().toString());
        Article a = c.articles.get(0);
        assertEquals(TestData.read(TestData.sampleArticle()), a.text());
        assertEquals("russia-abandons-its-allies", a.id());
        assertEquals("Russia Abandons Its Allies", a.title());
    }
}
