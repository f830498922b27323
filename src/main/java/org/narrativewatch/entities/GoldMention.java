package org.narrativewatch.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One hand-annotated mention of a tracked entity (format: docs/entities-format.md, "Gold set").
 *
 * @param article the article's file name, relative to an articles folder
 * @param start   Unicode code point offset of the first character in the file's text
 * @param end     code point offset after the last character
 * @param text    the mention as written (checked against the article)
 * @param kbId    the catalog id it refers to
 */
public record GoldMention(String article, int start, int end, String text, String kbId) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a gold file: one JSON object per line; blank lines and lines starting with # are skipped. */
    public static List<GoldMention> read(Path file) throws IOException {
        List<GoldMention> gold = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                if (!n.path("article").isTextual() || !n.path("start").isInt() || !n.path("end").isInt()
                        || !n.path("text").isTextual() || !n.path("kb_id").isTextual()
                        || n.get("end").intValue() <= n.get("start").intValue()) {
                    throw new IOException(file + ":" + number
                            + ": expected {\"article\", \"start\", \"end\" > start, \"text\", \"kb_id\"}");
                }
                gold.add(new GoldMention(n.get("article").asText(), n.get("start").intValue(),
                        n.get("end").intValue(), n.get("text").asText(), n.get("kb_id").asText()));
            }
        }
        return gold;
    }
}
