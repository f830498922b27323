package org.narrativewatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.narrativewatch.doc.Origin;

/**
 * Reads a CSV file with a header row, one article per row. Column names default to the JSON field
 * names and can be remapped (for instance text=body). A row with too few or too many cells, or no
 * text, is reported with its line number and the next row read.
 */
public final class CsvReader implements ArticleReader {
    /** Field name to column name; fields not in the map use their own name. */
    private final Map<String, String> columns;
    private final TextDecoder decoder;

    public CsvReader(TextDecoder decoder, Map<String, String> columns) {
        this.decoder = decoder;
        this.columns = Map.copyOf(columns);
    }

    @Override
    public void read(Input input, ArticleSink sink) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        try (InputStream in = input.open(); Reader reader = decoder.openReader(in);
             CSVParser parser = CSVParser.parse(reader, format)) {
            String textColumn = column("text");
            if (!parser.getHeaderMap().containsKey(textColumn)) {
                throw new BadInputException("no \"" + textColumn + "\" column in the CSV header "
                        + parser.getHeaderNames() + " (name it with --csv-column text=NAME)");
            }
            long rowStartLine = parser.getCurrentLineNumber() + 1;
            try {
                for (CSVRecord row : parser) {
                    long line = rowStartLine;
                    rowStartLine = parser.getCurrentLineNumber() + 1;
                    Origin origin = new Origin(input.name(), line);
                    if (!row.isConsistent()) {
                        sink.error(new InputError(input.name(), line, "row has " + row.size()
                                + " cells but the header has " + parser.getHeaderMap().size()));
                        continue;
                    }
                    String text = cell(row, "text");
                    if (text == null || text.isBlank()) {
                        sink.error(new InputError(input.name(), line, "no article text in column \"" + textColumn + "\""));
                        continue;
                    }
                    sink.article(new ArticleFields(cell(row, "id"), cell(row, "title"), text, cell(row, "url"),
                            cell(row, "source"), cell(row, "published"), cell(row, "language")).toArticle(origin));
                }
            } catch (UncheckedIOException e) {
                throw new BadInputException("malformed CSV after line " + rowStartLine + ": "
                        + e.getCause().getMessage());
            }
        }
    }

    private String column(String field) {
        return columns.getOrDefault(field, field);
    }

    private String cell(CSVRecord row, String field) {
        String name = column(field);
        return row.isMapped(name) && row.isSet(name) ? row.get(name) : null;
    }
}
