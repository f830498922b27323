package org.narrativewatch.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.narrativewatch.output.AtomicFileSet;
import org.narrativewatch.output.AtomicFiles;

/**
 * Writes each table as NAME.csv: RFC 4180 (comma, double quotes, CRLF), UTF-8 without a byte
 * order mark, one header row. Text cells that a spreadsheet would run as a formula (starting
 * with =, +, -, @, tab or carriage return) get a leading apostrophe; lists are joined with ";".
 */
final class CsvTables {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private CsvTables() {
    }

    /** Writes the tables into {@code dir} as files of the set. */
    static void write(AtomicFileSet files, Path dir, List<Table> tables) throws IOException {
        for (Table t : tables) {
            try (AtomicFiles.Pending file = files.open(AtomicFiles.inside(dir, t.name() + ".csv"))) {
                Writer w = new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, FORMAT);
                csv.printRecord(t.columns());
                List<String> cells = new ArrayList<>(t.columns().size());
                for (List<Object> row : t.rows()) {
                    cells.clear();
                    for (Object value : row) {
                        cells.add(cell(value));
                    }
                    csv.printRecord(cells);
                }
                csv.flush();
                file.commit();
            }
        }
    }

    /** The text of one cell, made safe to open in a spreadsheet. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value instanceof List<?> list
                ? String.join(";", list.stream().map(String::valueOf).toList())
                : value.toString();
        return neutralised(text);
    }

    /** Prefixes an apostrophe to text that spreadsheets would otherwise evaluate as a formula. */
    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + text : text;
    }
}
