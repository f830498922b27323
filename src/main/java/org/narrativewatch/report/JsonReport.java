package org.narrativewatch.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.narrativewatch.output.AtomicFiles;

/**
 * Writes aggregates/report.json (schema in docs/reports.md): totals, the previous run compared
 * with, and every table as an array of row objects whose keys are the table's columns in order.
 * Nothing in it depends on time, so the same articles give the same bytes.
 */
final class JsonReport {
    static final int SCHEMA_VERSION = 1;

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {
    }

    /** Writes report.json into {@code file} and commits it. */
    static void write(AtomicFiles.Pending file, Map<String, Long> totals, RunCounts previous, List<Table> tables)
            throws IOException {
        try (AtomicFiles.Pending pending = file) {
            JsonGenerator g = FACTORY.createGenerator(pending.stream());
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
            g.writeStartObject();
            g.writeNumberField("schema_version", SCHEMA_VERSION);
            g.writeObjectFieldStart("totals");
            for (Map.Entry<String, Long> t : totals.entrySet()) {
                g.writeNumberField(t.getKey(), t.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("previous_run");
            g.writeBooleanField("available", previous != null);
            if (previous == null) {
                g.writeNullField("articles");
            } else {
                g.writeNumberField("articles", previous.articles());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("tables");
            for (Table t : tables) {
                g.writeArrayFieldStart(t.name());
                for (List<Object> row : t.rows()) {
                    g.writeStartObject();
                    for (int i = 0; i < t.columns().size(); i++) {
                        g.writeFieldName(t.columns().get(i));
                        writeValue(g, row.get(i));
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.flush();
            pending.stream().write('\n');
            pending.commit();
        }
    }

    static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Long || value instanceof Integer) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else {
            g.writeString(value.toString());
        }
    }
}
