package org.narrativewatch.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Indices as Elasticsearch's {@code _bulk} leaves them, for tests without a server: an
 * {@code index} action creates or replaces the document by {@code _index} and {@code _id}, a
 * {@code delete} removes it (a missing one is no error), and nothing else is accepted.
 */
public final class BulkLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code _index/_id} → document. */
    private final Map<String, JsonNode> docs = new TreeMap<>();

    /** Loads the run's bulk files, {@code elasticsearch/bulk-*.ndjson} under {@code reports}, in name order. */
    public BulkLoad load(Path reports) throws IOException {
        List<Path> parts;
        try (Stream<Path> files = Files.list(reports.resolve("elasticsearch"))) {
            parts = files.filter(p -> p.getFileName().toString().matches("bulk-\\d+\\.ndjson")).sorted().toList();
        }
        for (Path part : parts) {
            String body = Files.readString(part);
            assertTrue(body.isEmpty() || body.endsWith("\n"), "_bulk needs a final newline: " + part);
            List<String> lines = body.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                JsonNode action = JSON.readTree(lines.get(i));
                assertTrue(action.isObject() && action.size() == 1, lines.get(i));
                String op = action.fieldNames().next();
                JsonNode meta = action.path(op);
                String key = meta.path("_index").asText() + "/" + meta.path("_id").asText();
                switch (op) {
                    case "index" -> {
                        JsonNode doc = JSON.readTree(lines.get(++i));
                        assertTrue(doc.isObject(), "a document follows an index action: " + lines.get(i));
                        docs.put(key, doc);
                    }
                    case "delete" -> docs.remove(key);
                    default -> fail("not an action this tool writes: " + lines.get(i));
                }
            }
        }
        return this;
    }

    /** {@code _index/_id} → document, sorted. */
    public Map<String, JsonNode> docs() {
        return docs;
    }
}
