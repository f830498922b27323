package org.narrativewatch.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A YAML document as a Jackson tree that remembers the line each node starts on, and the line of
 * each key of a mapping, so that catalog problems can be reported as file:line. Jackson's own tree
 * reader drops locations. Read as {@link StrictYaml} reads: a key given twice is an error.
 */
public final class LocatedYaml {
    private final JsonNode root;
    private final Map<JsonNode, Integer> lines = new IdentityHashMap<>();
    /** Per mapping, the line of each key: a key whose value is a block starts a line before its value. */
    private final Map<JsonNode, Map<String, Integer>> keyLines = new IdentityHashMap<>();

    private LocatedYaml(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        this.root = first == null ? JsonNodeFactory.instance.missingNode() : read(p);
    }

    public static LocatedYaml parse(String text) throws IOException {
        try (JsonParser p = StrictYaml.FACTORY.createParser(text)) {
            return new LocatedYaml(p);
        }
    }

    private JsonNode read(JsonParser p) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        int line = p.currentTokenLocation().getLineNr();
        JsonNode node;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                Map<String, Integer> keys = new HashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    keys.put(name, p.currentTokenLocation().getLineNr());
                    p.nextToken();
                    o.set(name, read(p));
                }
                keyLines.put(o, keys);
                node = o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p));
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
            // An unquoted yes/no where text is meant is a problem to report at its own line, so a boolean
            // gets a node of its own too (the factory shares one for every true and one for every false).
            case VALUE_TRUE -> node = new LocatedBoolean(true);
            case VALUE_FALSE -> node = new LocatedBoolean(false);
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
     * Line of a node, or of its closest known container when the node is a shared constant (null,
     * which Jackson does not let us copy).
     */
    public int line(JsonNode node, int fallback) {
        Integer line = lines.get(node);
        return line != null && !node.isNull() ? line : fallback;
    }

    /** A boolean read from the document: equal to Jackson's own, but a node of its own to hold a line. */
    private static final class LocatedBoolean extends BooleanNode {
        private static final long serialVersionUID = 1L;

        LocatedBoolean(boolean value) {
            super(value);
        }
    }

    /**
     * Line of a key of a mapping, where a misspelt key is to be fixed; {@code fallback} when the mapping
     * is not one read from the document.
     */
    public int keyLine(JsonNode mapping, String key, int fallback) {
        Map<String, Integer> keys = keyLines.get(mapping);
        Integer line = keys == null ? null : keys.get(key);
        return line != null ? line : fallback;
    }

    /** A copy of a mapping read from the document that shares its values and keeps the lines of its keys. */
    public ObjectNode copy(ObjectNode mapping) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        copy.setAll(mapping);
        keyLines.put(copy, keyLines.getOrDefault(mapping, Map.of()));
        return copy;
    }
}
