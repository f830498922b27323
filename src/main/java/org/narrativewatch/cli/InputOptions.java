package org.narrativewatch.cli;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.narrativewatch.ingest.CsvReader;
import org.narrativewatch.ingest.Input;
import org.narrativewatch.ingest.ReadOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How inputs are decoded and parsed; shared by every command that reads articles (and the Spark job). */
public final class InputOptions {
    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Charset of the inputs without a byte-order mark that are not valid UTF-8, judged per "
                    + "file, JSONL line or CSV row (an HTML page's <meta charset> comes first). A charset that does "
                    + "not write ASCII as ASCII (ISO-2022-JP, UTF-16LE) is used for every input without one. "
                    + "ISO-8859-1 and US-ASCII are read as Windows-1252, as browsers read them. "
                    + "Default: ${DEFAULT-VALUE}")
    Charset encoding;

    @Option(names = "--max-article-bytes", paramLabel = "BYTES",
            description = "Largest article (file, JSON array element, JSONL line or CSV row) accepted; larger "
                    + "ones get a record in errors.jsonl and are skipped. Default: 20971520 (20 MiB)")
    long maxArticleBytes = ReadOptions.DEFAULT_MAX_ARTICLE_BYTES;

    @Option(names = "--csv-column", paramLabel = "FIELD=COLUMN",
            description = "CSV column holding a field, e.g. text=body (fields: id, title, text, url, source, published, "
                    + "language). Column names are matched ignoring case. A CSV file whose header has no such column is "
                    + "not read.")
    Map<String, String> csvColumns = Map.of();

    /** Rejects values no run can use, as usage errors (exit code 2). */
    public void check(CommandLine cli) {
        if (maxArticleBytes < 1) {
            throw new CommandLine.ParameterException(cli, "--max-article-bytes must be at least 1");
        }
        checkCsvColumnsOnce(cli);
        for (Map.Entry<String, String> mapping : csvColumns.entrySet()) {
            if (!CsvReader.FIELDS.contains(mapping.getKey())) {
                throw new CommandLine.ParameterException(cli, "--csv-column " + mapping.getKey() + "="
                        + mapping.getValue() + ": unknown field \"" + mapping.getKey() + "\"; the fields are "
                        + String.join(", ", CsvReader.FIELDS));
            }
        }
    }

    /**
     * A field mapped to two columns is a usage error: the map keeps only the last, so the run would read
     * one of the columns without a word.
     */
    private static void checkCsvColumnsOnce(CommandLine cli) {
        CommandLine.ParseResult parsed = cli.getParseResult();
        if (parsed == null || !parsed.hasMatchedOption("--csv-column")) {
            return;
        }
        Map<String, String> columns = new HashMap<>();
        for (String mapping : parsed.matchedOption("--csv-column").originalStringValues()) {
            String[] fieldColumn = mapping.split("=", 2);
            String earlier = columns.putIfAbsent(fieldColumn[0], fieldColumn[1]);
            if (earlier != null && !earlier.equalsIgnoreCase(fieldColumn[1])) { // columns are matched ignoring case
                throw new CommandLine.ParameterException(cli, "--csv-column maps the field \"" + fieldColumn[0]
                        + "\" twice, to \"" + earlier + "\" and to \"" + fieldColumn[1]
                        + "\"; give one column per field");
            }
        }
    }

    /**
     * Why a named INPUT cannot be read at all ("NAME: no such file or directory"), or null when it exists
     * or is standard input. As in grep, ripgrep and jq, such an INPUT is a usage error, not a failed input.
     */
    static String missing(String name) {
        if (Input.STDIN.equals(name)) {
            return null;
        }
        Path path = Path.of(name);
        if (Files.exists(path)) {
            return null;
        }
        return name + ": " + (Files.isSymbolicLink(path) ? "broken symbolic link" : "no such file or directory");
    }

    public ReadOptions readOptions(String stdinFormat) {
        return new ReadOptions(encoding, maxArticleBytes, csvColumns, stdinFormat);
    }
}
