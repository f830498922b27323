package org.narrativewatch.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import org.narrativewatch.ingest.StrictUtf8;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * How the YAML files analysts edit are read (the narrative catalog, the entity gazetteer, the
 * page-layout rules), and how a file that is not valid YAML is reported.
 */
public final class StrictYaml {
    /**
     * A key given twice in one mapping is an error. YAML parsers otherwise keep the last one silently:
     * a second {@code id:} would rename a narrative and a second {@code threshold:} replace the first
     * unseen, the very mistakes that unknown keys are errors for.
     */
    public static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private StrictYaml() {
    }

    /**
     * The text of a YAML file analysts edit, which must be UTF-8. Decoded leniently, a file saved as
     * Latin-1 or UTF-16 would have its non-ASCII names and markers turned into replacement characters
     * that never match, without a word. A file that is not UTF-8 fails like one that is not valid YAML,
     * at the line of its first byte that is not UTF-8, so every catalog reports it as it reports
     * its other YAML errors.
     */
    public static String text(byte[] bytes) throws JsonProcessingException {
        try {
            return StrictUtf8.decode(bytes);
        } catch (StrictUtf8.NotUtf8 e) {
            throw new NotUtf8(e);
        }
    }

    /** Whether a value is the format version {@code version} as a number: 1, not 1.5, "1" or true. */
    public static boolean isVersion(JsonNode value, int version) {
        return value.isNumber() && value.decimalValue().compareTo(BigDecimal.valueOf(version)) == 0;
    }

    /**
     * A value that is not what its key needs, as messages show it, with the fix when YAML read it
     * otherwise than the analyst meant: an unquoted yes, no, on, off, true or false is a boolean (a name
     * "Yes" would become "true"), and a number in quotes is text.
     */
    public static String found(JsonNode value) {
        if (value.isBoolean()) {
            return value + " (YAML reads an unquoted yes, no, on, off, true or false as true or false: "
                    + "put the text in quotes)";
        }
        if (value.isTextual() && value.asText().strip().matches("[-+]?[0-9]+(?:\\.[0-9]+)?")) {
            return value + " (a number in quotes is text: remove the quotes)";
        }
        return value.toString();
    }

    /** A file that is not UTF-8, located (line and column) at its first byte that is not. */
    private static final class NotUtf8 extends JsonProcessingException {
        private NotUtf8(StrictUtf8.NotUtf8 e) {
            super(e.getMessage(), new JsonLocation(ContentReference.unknown(), -1, e.line(), e.column()));
        }
    }

    /** Where a text stops being valid YAML (line counted from 1) and why, in one line. */
    public record ParseError(int line, String reason) {
        public static ParseError of(JsonProcessingException e) {
            // SnakeYAML's own message runs over several lines and also quotes the start of the collection
            // the error is in (often another entry); its problem and the problem's mark are what to fix.
            // Jackson's location is the last token read before the problem, often the line above.
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                // SnakeYAML counts lines from 0.
                return new ParseError(yaml.getProblemMark().getLine() + 1, oneLine(yaml.getProblem()));
            }
            return new ParseError(e.getLocation() != null ? e.getLocation().getLineNr() : 1,
                    oneLine(e.getOriginalMessage()));
        }

        private static String oneLine(String message) {
            return message == null ? "" : message.strip().replaceAll("\\s*\\n\\s*", " ");
        }
    }
}
