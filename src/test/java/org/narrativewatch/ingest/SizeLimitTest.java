package org.narrativewatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.doc.Article;

/**
 * --max-article-bytes bounds what a line-oriented reader holds: an oversized JSONL line costs
 * that line, and a CSV row that never ends (an unclosed quote) stops the file with its line
 * number instead of filling memory.
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
