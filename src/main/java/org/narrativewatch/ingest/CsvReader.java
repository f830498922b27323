package org.narrativewatch.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.narrativewatch.doc.Origin;

/**
 * Reads a CSV file with a header row, one article per row. Column names default to the JSON field
 * names, matched ignoring case, and can be remapped (for instance text=body). A row with too few or too many cells, no
 * text, or more than the article size limit, is reported with its line number and the next row
 * read. A file whose header lacks a column named in a mapping, or names twice a column that a
 * field is read from, is refused as a whole. Blank lines and rows of empty cells (a spreadsheet's
 * empty rows), before the header too, are skipped, and every row keeps the number of the line it
 * starts on.
 */
public final class CsvReader implements ArticleReader {
    /** The fields a column can be mapped to. */
    public static final List<String> FIELDS = List.of("id", "title", "text", "url", "source", "published", "language");
    private static final int READ_AHEAD = 64 * 1024;
    /** RFC 4180, blank lines kept and absent cells read as null: see {@link Rows}. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false)
            .setQuoteMode(QuoteMode.ALL_NON_NULL).get();
    /** Field name to column name; fields not in the map use their own name. */
    private final Map<String, String> columns;
    private final TextDecoder decoder;

    /** @throws IllegalArgumentException when a mapping names a field that is not in {@link #FIELDS} */
    public CsvReader(TextDecoder decoder, Map<String, String> columns) {
        for (String field : columns.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown CSV field \"" + field + "\" (fields: "
                        + String.join(", ", FIELDS) + ")");
            }
        }
        this.decoder = decoder;
        this.columns = Map.copyOf(columns);
    }

    @Override
    public void read(Input input, ArticleSink sink) throws IOException {
        try (InputStream in = input.open();
             TextDecoder.CsvText csv = decoder.openCsv(in);
             RowSizeLimit reader = new RowSizeLimit(csv.reader(), decoder.maxBytes());
             CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            Rows rows = new Rows(parser, reader);
            List<String> header;
            try {
                List<String> headerRow = rows.next();
                header = headerRow == null ? List.of() : csv.cells(headerRow);
            } catch (BadInputException notText) {
                throw new BadInputException("CSV header unreadable: " + notText.getMessage());
            } catch (UncheckedIOException e) {
                throw new BadInputException("CSV header unreadable: " + reason(e.getCause()));
            }
            Map<String, Integer> fieldColumns = fieldColumns(header);
            String textColumn = column("text");
            requireColumn(header, fieldColumns, "text");
            for (String field : columns.keySet()) {
                requireColumn(header, fieldColumns, field);
            }
            try {
                for (List<String> row = rows.next(); row != null; row = rows.next()) {
                    long line = rows.line();
                    Origin origin = new Origin(input.name(), line);
                    List<String> cells;
                    try {
                        cells = csv.cells(row);
                    } catch (BadInputException notText) {
                        sink.error(new InputError(input.name(), line, notText.getMessage()));
                        continue;
                    }
                    long size = rowBytes(cells, decoder.maxBytes());
                    if (size > decoder.maxBytes()) {
                        sink.error(new InputError(input.name(), line, "row larger than the maximum article size of "
                                + decoder.maxBytes() + " bytes (raise it with --max-article-bytes)"));
                        continue;
                    }
                    if (cells.size() != header.size()) {
                        sink.error(new InputError(input.name(), line, "row has " + cells.size()
                                + " cells but the header has " + header.size()));
                        continue;
                    }
                    String text = cell(cells, fieldColumns, "text");
                    if (text == null || TextCharacters.of(text).isBlank()) {
                        sink.error(new InputError(input.name(), line, "no article text in column \"" + textColumn + "\""));
                        continue;
                    }
                    sink.article(new ArticleFields(cell(cells, fieldColumns, "id"), cell(cells, fieldColumns, "title"),
                            text, cell(cells, fieldColumns, "url"), cell(cells, fieldColumns, "source"),
                            cell(cells, fieldColumns, "published"), cell(cells, fieldColumns, "language"), List.of())
                            .toArticle(origin));
                }
            } catch (UncheckedIOException e) {
                throw BadInputException.stoppedAt("CSV unreadable from this line on (rows before it were read): "
                        + reason(e.getCause()), rows.nextLine());
            }
        }
    }

    /**
     * The rows of a CSV file that are not blank lines (the header first), each with the line it
     * starts on. The parser is told to keep blank lines, because one that skips them cannot say
     * how many it skipped, and a row after a blank line would be given the blank line's number. A
     * blank line is then a row of absent cells only: one for an empty line, several for a
     * spreadsheet's empty row, which Excel and LibreOffice write as {@code ,,}.
     * {@link QuoteMode#ALL_NON_NULL} makes the parser read an absent cell as null, unlike a quoted
     * empty one ({@code ""}), which is empty text someone wrote and reported as such.
     */
    private static final class Rows {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final RowSizeLimit limit;
        /** The line the row last returned starts on. */
        private long line;
        /** The line after the last row read (of any kind): where the next one starts. */
        private long nextLine = 1;

        Rows(CSVParser parser, RowSizeLimit limit) {
            this.parser = parser;
            this.records = parser.iterator();
            this.limit = limit;
        }

        /**
         * The cells of the next row that is not blank (an absent cell as ""), or null at the end.
         *
         * @throws UncheckedIOException when the file cannot be read or parsed further
         */
        List<String> next() {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                limit.rowDone();
                if (record.stream().anyMatch(Objects::nonNull)) {
                    return record.stream().map(cell -> cell == null ? "" : cell).toList();
                }
            }
            return null;
        }

        long line() {
            return line;
        }

        long nextLine() {
            return nextLine;
        }
    }

    /**
     * The column index of each field the header has a column for, names compared ignoring case:
     * spreadsheets and exporters write {@code Published}, {@code Source} and {@code URL}, and a
     * column left unread for its case would silently leave every row undated or without its outlet.
     * A field whose column name the header repeats (in any case) refuses the file: which of the
     * columns holds the field is anyone's guess, and reading one would lose the other unseen.
     * Repeated names of columns no field reads (blank ones, from a spreadsheet's empty columns) are fine.
     */
    private Map<String, Integer> fieldColumns(List<String> header) throws BadInputException {
        Map<String, Integer> fieldColumns = new HashMap<>();
        for (String field : FIELDS) {
            String name = column(field);
            List<Integer> positions = IntStream.range(0, header.size())
                    .filter(i -> header.get(i).equalsIgnoreCase(name)).boxed().toList();
            if (positions.size() > 1) {
                List<String> numbers = positions.stream().map(i -> String.valueOf(i + 1)).toList();
                throw new BadInputException("the CSV header " + header + " has " + positions.size() + " columns named \""
                        + name + "\" ignoring case (columns " + String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and "
                        + numbers.get(numbers.size() - 1) + "), so which one holds the " + field
                        + " is unclear; rename the others");
            }
            if (!positions.isEmpty()) {
                fieldColumns.put(field, positions.get(0));
            }
        }
        return fieldColumns;
    }

    /**
     * A field's column must be in the header: "text" always, any other field when a mapping names
     * its column (a mistyped mapping would otherwise leave that field empty in every record).
     */
    private void requireColumn(List<String> header, Map<String, Integer> fieldColumns, String field)
            throws BadInputException {
        if (!fieldColumns.containsKey(field)) {
            throw new BadInputException("no \"" + column(field) + "\" column in the CSV header " + header
                    + " (name it with --csv-column " + field + "=NAME)");
        }
    }

    /**
     * The size of a row as its cells' text in UTF-8 plus one byte per separator, counted no further
     * than just past {@code limit}.
     */
    static long rowBytes(List<String> cells, long limit) {
        long bytes = Math.max(cells.size() - 1, 0);
        for (String cell : cells) {
            if (bytes > limit) {
                break;
            }
            bytes += TextDecoder.utf8Length(cell, limit - bytes);
        }
        return bytes;
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

    private static String cell(List<String> cells, Map<String, Integer> fieldColumns, String field) {
        Integer column = fieldColumns.get(field);
        return column == null ? null : cells.get(column);
    }
}
