package org.narrativewatch.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
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
    private static final int READ_AHEAD = 64 * 1024;
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
        try (InputStream in = input.open();
             RowSizeLimit reader = new RowSizeLimit(decoder.openReader(in), decoder.maxBytes());
             CSVParser parser = parseHeader(reader, format)) {
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
                    reader.rowDone();
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
                throw new BadInputException("CSV unreadable from this line on (rows before it were read): "
                        + reason(e.getCause()), rowStartLine);
            }
        }
    }

    private static CSVParser parseHeader(Reader reader, CSVFormat format) throws IOException {
        try {
            return CSVParser.parse(reader, format);
        } catch (IOException e) {
            throw new BadInputException("CSV header unreadable: " + reason(e));
        } catch (UncheckedIOException e) {
            throw new BadInputException("CSV header unreadable: " + reason(e.getCause()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException("bad CSV header: " + e.getMessage());
        }
    }

    private static String reason(IOException e) {
        if (e instanceof CharacterCodingException) {
            return "not valid text in the expected encoding; re-encode it as UTF-8 or name its encoding with --encoding";
        }
        return e.getMessage();
    }

    /**
     * Fails a row longer than the article size limit. Without it one unclosed quote makes the
     * rest of a file of any size one cell, held in memory.
     */
    private static final class RowSizeLimit extends FilterReader {
        private final long maxChars;
        private long sinceRowStart;

        RowSizeLimit(Reader in, long maxChars) {
            super(in);
            this.maxChars = maxChars;
        }

        void rowDone() {
            sinceRowStart = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            sinceRowStart += n;
            // The parser reads ahead by at most a buffer, so allow for that before calling the row too long.
            if (sinceRowStart > maxChars + 2 * READ_AHEAD) {
                throw new IOException("a row is larger than the maximum article size of " + maxChars
                        + " (an unclosed quote?); raise it with --max-article-bytes");
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
