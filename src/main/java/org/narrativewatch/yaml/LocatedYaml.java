package org.narrativewatch.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A YAML document as a Jackson tree that remembers the line each node starts on, so that catalog
 * problems can be reported as file:line. Jackson's own tree reader drops locations. Read as
 * {@link StrictYaml} reads: a key given twice is an error.
 */
public final class LocatedYaml {
    private final JsonNode root;
    private final Map<JsonNode, Integer> lines;

    private LocatedYaml(JsonNode root, Map<JsonNode, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    public static LocatedYaml parse(String text) throws IOException {
        Map<JsonNode, Integer> lines = new IdentityHashMap<>();
        try (JsonParser p = StrictYaml.FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            JsonNode root = first == null ? JsonNodeFactory.instance.missingNode() : read(p, lines);
            return new LocatedYaml(root, lines);
        }
    }

    private static JsonNode read(JsonParser p, Map<JsonNode, Integer> lines) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        int line = p.currentTokenLocation().getLineNr();
        JsonNode node;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, read(p, lines));
                }
                node = o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, lines));
                }
                node = a;
            }
            // Lines are kept by node identity, so every string and number gets a node of its own: the factory
            // hands out one shared node for every "" (a value left blank) and one for every 0, which would
            // all be reported at the line of the file's last one.
            case VALUE_STRING -> node = new TextNode(p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                BigDecimal value = p.getDecimalValue();
                node = value.signum() == 0 ? new DecimalNode(BigDecimal.ZERO) : f.numberNode(value);
            }
            case VALUE_TRUE -> node = f.booleanNode(true);
            case VALUE_FALSE -> node = f.booleanNode(false);
            default -> node = f.nullNode();
        }
        lines.put(node, line);
        return node;
    }

    /** The document; a missing node when the text holds none (empty, or only comments). */
    public JsonNode root() {
        return root;
    }

    /**
     * Line of a node, or of its closest known container when the node is a shared constant (true, false
     * and null, which Jackson does not let us copy).
     */
    public int line(JsonNode node, int fallback) {
        Integer line = lines.get(node);
        return line != null && !(node.isBoolean() || node.isNull()) ? line : fallback;
    }
}
