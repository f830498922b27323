package org.narrativewatch.entities;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.narrativewatch.ingest.JsonReader;
import org.narrativewatch.ingest.StrictUtf8;

/**
 * One hand-annotated mention of a tracked entity (format: docs/entities-format.md, "Gold set").
 *
 * @param article the article's file name, relative to an articles folder
 * @param start   Unicode code point offset of the first character in the file's text
 * @param end     code point offset after the last character
 * @param text    the mention as written (checked against the article)
 * @param kbId    the catalog id it refers to
 * @param where   the file and line it was read from ("gold.jsonl:12"), for messages
 */
public record GoldMention(String article, int start, int end, String text, String kbId, String where) {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Span(String article, int start, int end) {
    }

    /** A mention kept, and the line it was read from. */
    private record Annotated(GoldMention mention, int line) {
    }

    /** Whether the other row annotates the same span with the same text and id, wherever it was read. */
    public boolean sameAnnotation(GoldMention other) {
        return article.equals(other.article) && start == other.start && end == other.end && text.equals(other.text)
                && kbId.equals(other.kbId);
    }

    /**
     * Reads a gold file: one JSON object per line, in UTF-8; blank lines and lines starting with # are
     * skipped, and so is a byte order mark at the start. A line that is not such an object, one whose
     * kb_id is not of the form of a catalog id, or one not in UTF-8, stops the reading with a message
     * naming file and line. Only the first row for a span is kept: a second one
     * (pasted twice, or annotated again with another id) would count as a gold mention the
     * matcher missed. {@code warnings} receives one message naming file and line per row dropped.
     */
    public static List<GoldMention> read(Path file, Consumer<String> warnings) throws IOException {
        List<GoldMention> gold = new ArrayList<>();
        Map<Span, Annotated> bySpan = new HashMap<>();
        try (BufferedReader in = StrictUtf8.undecoded(file)) {
            String undecoded;
            int number = 0;
            while ((undecoded = in.readLine()) != null) {
                number++;
                String line;
                try {
                    line = StrictUtf8.decode(undecoded);
                } catch (StrictUtf8.NotUtf8 e) {
                    throw new IOException(file + ":" + number + ": " + e.getMessage(), e);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new IOException(file + ":" + number + ": " + JsonReader.malformed(e, false), e);
                }
                if (!n.path("article").isTextual() || !n.path("start").isInt() || !n.path("end").isInt()
                        || !n.path("text").isTextual() || !n.path("kb_id").isTextual()
                        || n.get("end").intValue() <= n.get("start").intValue()) {
                    throw new IOException(file + ":" + number
                            + ": expected {\"article\", \"start\", \"end\" > start, \"text\", \"kb_id\"}");
                }
                String kbId = n.get("kb_id").asText();
                if (!EntityCatalog.wellFormedId(kbId)) {
                    throw new IOException(file + ":" + number + ": kb_id '" + kbId + "' is no catalog id: "
                            + EntityCatalog.ID_FORM);
                }
                GoldMention mention = new GoldMention(n.get("article").asText(), n.get("start").intValue(),
                        n.get("end").intValue(), n.get("text").asText(), kbId, file + ":" + number);
                Annotated earlier = bySpan.putIfAbsent(new Span(mention.article(), mention.start(), mention.end()),
                        new Annotated(mention, number));
                if (earlier == null) {
                    gold.add(mention);
                } else {
                    warnings.accept(file + ":" + number + ": " + repeated(mention, earlier));
                }
            }
        }
        return gold;
    }

    /** Why a row for a span already annotated is dropped. */
    private static String repeated(GoldMention mention, Annotated earlier) {
        if (mention.sameAnnotation(earlier.mention())) {
            return "the same mention as line " + earlier.line() + ", counted once";
        }
        return mention.article() + " [" + mention.start() + ", " + mention.end() + ") is annotated at line "
                + earlier.line() + " already, as '" + earlier.mention().text() + "' " + earlier.mention().kbId()
                + "; this row's '" + mention.text() + "' " + mention.kbId() + " is ignored";
    }
}
