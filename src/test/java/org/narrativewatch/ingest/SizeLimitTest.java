package org.narrativewatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.doc.Article;

/**
 * --max-article-bytes bounds each article, not the file, and what a streaming reader holds: an
 * oversized JSONL line or JSON array element costs that line or element, and a CSV row that never
 * ends (an unclosed quote) stops the file with its line number instead of filling memory.
 */
class SizeLimitTest {
    private static final TextDecoder SMALL = new TextDecoder(StandardCharsets.UTF_8, 10_000);

    @TempDir
    Path tmp;

    private final CollectingSink sink = new CollectingSink();

    @Test
    void anOversizedJsonlLineCostsThatLineOnly() throws IOException {
        Path file = Files.writeString(tmp.resolve("a.jsonl"), "{\"text\":\"Moscow denied it.\"}\n"
                + "{\"text\":\"" + "x".repeat(50_000) + "\"}\n{\"text\":\"Riga said nothing.\"}\n");
        new JsonReader(SMALL, true).read(Input.file(file.toString(), "a.jsonl", file, () -> Files.newInputStream(file)), sink);
        assertEquals(List.of("Moscow denied it.", "Riga said nothing."), sink.articles.stream().map(Article::text).toList());
        assertEquals(1, sink.errors.size());
        assertEquals(2, sink.errors.get(0).line());
        assertTrue(sink.errors.get(0).reason().contains("longer than the maximum article size of 10000 bytes"));
    }

    /**
     * A JSON array of many articles, far larger than the limit, is read element by element: each
     * element is held to the limit in UTF-8 bytes, to the byte, and one over it costs that element.
     */
    @Test
    void aJsonArrayLargerThanTheLimitIsReadOneElementAtATime() throws IOException {
        List<String> elements = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            elements.add("{\"id\": \"a" + i + "\", \"title\": \"Item " + i + "\", \"text\": \"In 2023, Russia betrayed "
                    + "Armenia, which lost Nagorno-Karabakh, according to Politico.\"}");
        }
        elements.set(49, "{\"id\": \"a50\", \"text\": \"" + "Moscow denied it. ".repeat(3000) + "\"}");
        // 6,000 characters, but 12,000 bytes in UTF-8: over the limit.
        elements.set(99, "{\"id\": \"a100\", \"text\": \"" + "Москва ".repeat(857) + "Ереван\"}");
        // {"text":"...."} is 11 bytes around the text: exactly the limit, then one byte more.
        elements.set(149, "{\"text\":\"" + "x".repeat(10_000 - 11) + "\"}");
        elements.set(150, "{\"text\":\"" + "x".repeat(10_000 - 10) + "\"}");
        Path file = Files.writeString(tmp.resolve("a.json"), "[\n" + String.join(",\n", elements) + "\n]\n");
        assertTrue(Files.size(file) > 5 * 10_000);

        new JsonReader(SMALL, false).read(Input.file(file.toString(), "a.json", file, () -> Files.newInputStream(file)), sink);

        assertEquals(197, sink.articles.size());
        assertEquals("Item 1", sink.articles.get(0).title());
        assertEquals(List.of(1L, 200L), List.of(sink.articles.get(0).origin().line(), sink.articles.get(196).origin().line()));
        assertEquals(10_000 - 11, sink.articles.stream().filter(a -> a.origin().line() == 150).findFirst().orElseThrow()
                .text().length(), "an element of exactly the limit is an article");
        assertEquals(List.of(50L, 100L, 151L), sink.errors.stream().map(InputError::line).toList());
        for (InputError e : sink.errors) {
            assertEquals("array element larger than the maximum article size of 10000 bytes (raise it with "
                    + "--max-article-bytes)", e.reason());
            assertFalse(e.unread(), "the element was read and found too large");
        }
    }

    /**
     * An element too large for any string (over 2^31 characters, from a stream never on disk) is
     * passed over, not held: the articles around it are read.
     */
    @Test
    void anArrayElementOfAnySizeIsPassedOverWithoutBeingHeld() throws IOException {
        long huge = (1L << 31) + 1;
        byte[] head = "[{\"id\": \"before\", \"text\": \"Moscow denied it.\"},\n{\"id\": \"huge\", \"text\": \""
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"},\n{\"id\": \"after\", \"text\": \"Riga said nothing.\"}]".getBytes(StandardCharsets.UTF_8);
        Input input = Input.file("generated.json", "generated.json", null, () -> new SequenceInputStream(
                Collections.enumeration(List.of(new ByteArrayInputStream(head), letters(huge), new ByteArrayInputStream(tail)))));
        new JsonReader(new TextDecoder(StandardCharsets.UTF_8, ReadOptions.DEFAULT_MAX_ARTICLE_BYTES), false)
                .read(input, sink);

        assertEquals(List.of("Moscow denied it.", "Riga said nothing."), sink.articles.stream().map(Article::text).toList());
        assertEquals(1, sink.errors.size());
        assertEquals(2, sink.errors.get(0).line());
        assertTrue(sink.errors.get(0).reason().startsWith("array element larger than the maximum article size of 20971520 bytes"),
                sink.errors.get(0).reason());
    }

    /**
     * A one-document file (text or HTML) larger than the limit is refused as soon as the limit is
     * passed, not after reading it to its end: 200 MB cost what the limit and one buffer cost.
     */
    @Test
    void anOversizedDocumentIsRefusedWithoutReadingItsRest() throws IOException {
        long size = 200L << 20;
        for (boolean html : new boolean[] {false, true}) {
            InputStream huge = letters(size);
            BadInputException e = assertThrows(BadInputException.class, () -> {
                String text = html ? SMALL.decodeHtml(huge) : SMALL.decodeAll(huge);
            });
            assertEquals(SMALL.tooLarge(), e.getMessage());
            long consumed = size - huge.transferTo(OutputStream.nullOutputStream());
            assertTrue(consumed <= SMALL.maxBytes() + (64 << 10), consumed + " bytes read");
        }
    }

    /** {@code count} letters x, made as they are read. */
    private static InputStream letters(long count) {
        return new InputStream() {
            private long left = count;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
    }

    @Test
    void aCsvRowThatNeverEndsStopsTheFileWithItsLine() throws IOException {
        Path file = Files.writeString(tmp.resolve("a.csv"), "id,text\n1,Moscow denied it.\n2,\"never closed "
                + "more text, more rows\n".repeat(20_000));
        BadInputException e = assertThrows(BadInputException.class,
                () -> new CsvReader(SMALL, Map.of()).read(Input.file(file.toString(), "a.csv", file, () -> Files.newInputStream(file)), sink));
        assertEquals(1, sink.articles.size());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("larger than the maximum article size of 10000"), e.getMessage());
    }
}
