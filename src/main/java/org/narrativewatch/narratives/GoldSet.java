package org.narrativewatch.narratives;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.narrativewatch.ingest.StrictUtf8;
import org.narrativewatch.output.PublishedDate;

/**
 * Labelled texts for evaluating the catalog: the EUvsDisinfo case CSV (header
 * {@code date,id,title,countries,keywords,languages,outlets}; the text is the claim title, the
 * labels are the {@code keywords} split on '+', ',' or ';'; header names in any case and order) or
 * JSONL lines {@code {"text": ..., "labels": [...]}} with optional {@code id} and {@code date} (or the
 * CSV's names: {@code title} for the text, {@code keywords} as a list or a '+'-joined string).
 * A date range keeps items dated inside it (inclusive); items without a date are then left out.
 * Dates are read like articles' publication dates (in JSONL a string or a number, such as Unix
 * time). The file must be UTF-8. A line that cannot be used (malformed JSON, no text or a blank
 * one, a line or CSV row that is not UTF-8) is skipped, and an
 * unreadable date makes its item undated; both, and with a date range every undated item it leaves
 * out, are reported as problems naming the file and line, and never stop the evaluation.
 */
public final class GoldSet {
    /** One labelled text; {@code line} is where it starts in the file. */
    public record Item(String id, LocalDate date, String text, Set<String> labels, long line) {
    }

    /** The columns of the case CSV that an item is made of. */
    private static final List<String> COLUMNS = List.of("title", "keywords", "id", "date");

    private GoldSet() {
    }

    /** Reads the file; {@code problems} receives one message per line that was skipped or read only in part. */
    public static List<Item> read(Path file, LocalDate from, LocalDate to, Consumer<String> problems) throws IOException {
        return inRange(readAll(file, from != null || to != null, problems), from, to);
    }

    /**
     * Every usable item of the file, dated or not. {@code ranged} says that a date range will be
     * applied, which makes a missing date a problem: the item will be left out.
     */
    public static List<Item> readAll(Path file, boolean ranged, Consumer<String> problems) throws IOException {
        return file.getFileName().toString().endsWith(".jsonl")
                ? readJsonl(file, ranged, problems) : readCsv(file, ranged, problems);
    }

    /** The items dated from {@code from} to {@code to} (inclusive; null for open), or all of them when both are null. */
    public static List<Item> inRange(List<Item> items, LocalDate from, LocalDate to) {
        boolean ranged = from != null || to != null;
        List<Item> kept = new ArrayList<>();
        for (Item item : items) {
            // An undated item was reported while reading: with a range it is left out.
            if (!ranged || (item.date() != null && (from == null || !item.date().isBefore(from))
                    && (to == null || !item.date().isAfter(to)))) {
                kept.add(item);
            }
        }
        return kept;
    }

    private static List<Item> readCsv(Path file, boolean ranged, Consumer<String> problems) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setIgnoreHeaderCase(true).get();
        List<Item> items = new ArrayList<>();
        // Undecoded, each cell decoded on its own: a row that is not UTF-8 costs that row only.
        try (Reader reader = StrictUtf8.undecoded(file);
             CSVParser parser = CSVParser.parse(reader, format)) {
            for (String column : List.of("title", "keywords")) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new IOException(file + ": no '" + column + "' column in the header " + header(parser)
                            + " (expected the EUvsDisinfo layout date,id,title,countries,keywords,...)");
                }
            }
            long line = parser.getCurrentLineNumber() + 1;
            for (CSVRecord row : parser) {
                long start = line;
                line = parser.getCurrentLineNumber() + 1;
                Map<String, String> cells = new HashMap<>();
                try {
                    for (String column : COLUMNS) {
                        cells.put(column, get(row, column));
                    }
                } catch (CellNotUtf8 e) {
                    problems.accept(file + ":" + start + ": " + e.getMessage() + ", row skipped");
                    continue;
                }
                String title = cells.get("title");
                String id = cells.get("id");
                if (title == null || title.isBlank()) {
                    problems.accept(file + ":" + start + ": no title, row skipped");
                    continue;
                }
                Set<String> labels = new LinkedHashSet<>();
                addKeywords(cells.get("keywords"), labels);
                items.add(new Item(id != null ? id : file.getFileName() + ":" + start,
                        date(cells.get("date"), file, start, ranged, problems), title.strip(), labels, start));
            }
        }
        return items;
    }

    private static List<Item> readJsonl(Path file, boolean ranged, Consumer<String> problems) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Item> items = new ArrayList<>();
        try (BufferedReader in = StrictUtf8.undecoded(file)) {
            String undecoded;
            long line = 0;
            while ((undecoded = in.readLine()) != null) {
                line++;
                String text;
                try {
                    text = StrictUtf8.decode(undecoded);
                } catch (StrictUtf8.NotUtf8 e) {
                    problems.accept(file + ":" + line + ": " + e.getMessage() + ", line skipped");
                    continue;
                }
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = json.readTree(text);
                } catch (JsonProcessingException e) {
                    problems.accept(file + ":" + line + ": malformed JSON, line skipped");
                    continue;
                }
                // A JSONL file converted from the case CSV keeps its column names: title and keywords.
                String field = node.path("text").isTextual() ? "text" : "title";
                JsonNode body = node.path(field);
                if (!body.isTextual()) {
                    problems.accept(file + ":" + line + ": no \"text\" string, line skipped");
                    continue;
                }
                // An empty text (a claim whose title was lost in a conversion) has nothing to find: scored,
                // its labels would all be false negatives. Skipped as a CSV row without a title is.
                if (body.asText().isBlank()) {
                    problems.accept(file + ":" + line + ": \"" + field + "\" is "
                            + (body.asText().isEmpty() ? "empty" : "only white space") + ", line skipped");
                    continue;
                }
                Set<String> labels = new LinkedHashSet<>();
                JsonNode given = node.has("labels") ? node.path("labels") : node.path("keywords");
                if (given.isTextual()) {
                    addKeywords(given.asText(), labels);
                } else {
                    given.forEach(l -> labels.add(l.asText().strip()));
                }
                String id = node.path("id").isMissingNode() ? file.getFileName() + ":" + line : node.path("id").asText();
                items.add(new Item(id, date(dateText(node.path("date")), file, line, ranged, problems), body.asText(),
                        labels, line));
            }
        }
        return items;
    }

    /**
     * A JSONL date as the text the date parser reads, or null when there is none. A number is read
     * as an article's {@code published} number is (Unix seconds or milliseconds); an array or object
     * is kept as JSON so that the message calling it unreadable shows what was there.
     */
    private static String dateText(JsonNode date) {
        if (date.isMissingNode() || date.isNull()) {
            return null;
        }
        return date.isValueNode() ? date.asText() : date.toString();
    }

    /** '+' is the EUvsDisinfo export's separator; ',' and ';' are what other exports of the same database use. */
    private static void addKeywords(String keywords, Set<String> labels) {
        if (keywords == null) {
            return;
        }
        for (String k : keywords.split("[+,;]")) {
            if (!k.isBlank()) {
                labels.add(k.strip());
            }
        }
    }

    /** A cell that is not UTF-8; the message names its column, in which the byte's column is counted. */
    private static final class CellNotUtf8 extends Exception {
        CellNotUtf8(String column, StrictUtf8.NotUtf8 e) {
            super("the " + column + " cell: " + e.getMessage(), e);
        }
    }

    /** A cell's text, or null when the row has no such cell. */
    private static String get(CSVRecord row, String column) throws CellNotUtf8 {
        try {
            return row.isMapped(column) && row.isSet(column) ? StrictUtf8.decode(row.get(column)) : null;
        } catch (StrictUtf8.NotUtf8 e) {
            throw new CellNotUtf8(column, e);
        }
    }

    /** The header's column names, for a message; one that is not UTF-8 is shown as Java decodes it, with U+FFFD. */
    private static List<String> header(CSVParser parser) {
        return parser.getHeaderNames().stream()
                .map(name -> new String(name.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)).toList();
    }

    /**
     * An item's day, or null; a missing date is a problem only with a date range (the item is then
     * left out), an unreadable one always.
     */
    private static LocalDate date(String text, Path file, long line, boolean ranged, Consumer<String> problems) {
        if (text == null || text.isBlank()) {
            if (ranged) {
                problems.accept(file + ":" + line + ": no date, the item is left out of the date range");
            }
            return null;
        }
        LocalDate day = PublishedDate.parse(text).map(PublishedDate::day).orElse(null);
        if (day == null) {
            problems.accept(file + ":" + line + ": date '" + text + "' unreadable, the item counts as undated"
                    + (ranged ? " and is left out of the date range" : ""));
        }
        return day;
    }
}
