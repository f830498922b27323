package org.narrativewatch.report;

import static org.narrativewatch.output.TerminalText.printable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.narrativewatch.output.ArticleRecord;
import org.narrativewatch.output.AtomicFileSet;
import org.narrativewatch.output.AtomicFiles;

/**
 * Builds every report from a folder of per-article JSON records without touching the text
 * analysis: aggregates (report.json, CSV), Elasticsearch bulk files and the HTML site.
 *
 * <p>Records are read one at a time in file name order; each one updates the counters, is
 * appended to the bulk file and the article list, gets its page, and is dropped. Memory is
 * therefore bounded by the aggregates (narratives × days, outlets, entities), not by the number
 * of articles. Every output except aggregates/run-info.json is the same for the same records after
 * the same previous run in the folder ("what is new" and the bulk files' deletes compare with it).
 *
 * <p>What a later run reads as the previous run (the bulk files, previous.json) and what describes
 * it (report.json, the CSV files, index.html, the list pages, run-info.json) replace the previous
 * files together, in one {@link AtomicFileSet} committed at the very end of the command (after the
 * SQL store is loaded): a run killed at any point before leaves the previous run's files, so that
 * the same command run again compares with them and gives the bytes of one clean run. Article pages
 * depend on their record alone and are written as the records come.
 */
public final class ReportJob {
    public static final String INDEX_HTML = "index.html";
    public static final String AGGREGATES_DIR = "aggregates";
    public static final String REPORT_JSON = "report.json";
    public static final String STATE_JSON = "previous.json";
    public static final String RUN_INFO_JSON = "run-info.json";
    public static final String CSV_DIR = "csv";
    public static final String ELASTICSEARCH_DIR = "elasticsearch";
    /** The bulk files in {@link #ELASTICSEARCH_DIR}. */
    public static final String BULK_PART_GLOB = BulkWriter.PART_GLOB;
    public static final String HTML_DIR = "html";
    public static final String ARTICLE_PAGES_DIR = "articles";
    /** In {@link #AGGREGATES_DIR}: names the files of a commit under way; see {@link AtomicFileSet}. */
    static final String COMMIT_JOURNAL = ".commit.json";

    private static final int ERRORS_SHOWN = 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param topEvidence  evidence rows kept per narrative
     * @param articlePages whether to write one HTML page per article (the default)
     * @param indexPrefix  prefix of the Elasticsearch index names
     */
    public record Options(int topEvidence, boolean articlePages, String indexPrefix) {
        public static final Options DEFAULTS = new Options(10, true, "narrative-watch");
    }

    /** What a run read and wrote. */
    public record Result(long files, long articles, long unreadable, long withNarratives, int bulkParts,
                         int listPages, double wallSeconds) {
    }

    private final Options options;
    private final PrintStream log;

    public ReportJob(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /** One per-article record to report on: its file name ({@code <id>.json}) and its JSON. */
    public interface Record {
        String name();

        /** Where the record is, for messages. */
        String location();

        byte[] read() throws IOException;
    }

    /** Builds the reports from the records of a folder, {@code <id>.json} each, in file name order, and puts them in place. */
    public Result run(Path from, Path out) throws IOException {
        try (Prepared report = prepare(from, out)) {
            report.commit();
            return report.result();
        }
    }

    /**
     * Builds the reports from the records of a folder, {@code <id>.json} each, in file name order,
     * leaving the previous ones in place until {@link Prepared#commit()}.
     */
    public Prepared prepare(Path from, Path out) throws IOException {
        List<String> names = recordNames(from);
        // Each record is made when its turn comes: for a million articles, a million held paths
        // would cost more heap than the names.
        return prepare(() -> names.stream().map(name -> fileRecord(from, name)).iterator(), from.toString(), out);
    }

    /**
     * The reports of a run, written beside the previous ones: {@link #commit()} puts them all in place
     * at once (the command's last step), closing without it leaves the previous ones.
     */
    public static final class Prepared implements java.io.Closeable {
        private final Result result;
        private final AtomicFileSet files;
        private final Path pagesDir;
        private final Set<String> pagesWritten;

        private Prepared(Result result, AtomicFileSet files, Path pagesDir, Set<String> pagesWritten) {
            this.result = result;
            this.files = files;
            this.pagesDir = pagesDir;
            this.pagesWritten = pagesWritten;
        }

        public Result result() {
            return result;
        }

        /**
         * Puts the reports in place, then removes the pages of articles no longer in the records (the
         * previous run's list pages link them until the commit).
         */
        public void commit() throws IOException {
            files.commit();
            removeStalePages(pagesDir, pagesWritten);
        }

        @Override
        public void close() throws IOException {
            files.close();
        }
    }

    /**
     * Puts the previous run's reports back in {@code out} when a run was killed while putting its own
     * in place ({@link AtomicFileSet#rollBack}). Each run does it first; {@code analyze} does it as
     * soon as it holds the folder, so that the reports are whole while it analyses.
     */
    public static void restoreAfterKilledCommit(Path out) throws IOException {
        AtomicFileSet.rollBack(out, out.resolve(AGGREGATES_DIR).resolve(COMMIT_JOURNAL));
    }

    private static Record fileRecord(Path from, String name) {
        Path file = from.resolve(name);
        return new Record() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String location() {
                return file.toString();
            }

            @Override
            public byte[] read() throws IOException {
                return Files.readAllBytes(file);
            }
        };
    }

    /**
     * Builds the reports from records given in file name order (the Spark job streams them from
     * its JSON Lines output) and puts them in place; {@code from} says where they came from in run-info.json.
     */
    public Result run(Iterable<Record> records, String from, Path out) throws IOException {
        try (Prepared report = prepare(records, from, out)) {
            report.commit();
            return report.result();
        }
    }

    /** As {@link #run(Iterable, String, Path)}, leaving the previous reports in place until {@link Prepared#commit()}. */
    public Prepared prepare(Iterable<Record> records, String from, Path out) throws IOException {
        restoreAfterKilledCommit(out);
        removeLeftovers(out);
        AtomicFileSet outputs = new AtomicFileSet(out, out.resolve(AGGREGATES_DIR).resolve(COMMIT_JOURNAL));
        try {
            return prepare(records, from, out, outputs);
        } catch (IOException | RuntimeException e) {
            outputs.close();
            throw e;
        }
    }

    private Prepared prepare(Iterable<Record> records, String from, Path out, AtomicFileSet outputs)
            throws IOException {
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        long files = 0;
        Path html = out.resolve(HTML_DIR);
        Path pagesDir = html.resolve(ARTICLE_PAGES_DIR);
        Files.createDirectories(pagesDir);

        Aggregates agg = new Aggregates(options.topEvidence());
        ArticleLists lists = new ArticleLists(html, outputs);
        Set<String> pagesWritten = new HashSet<>();
        long unreadable = 0;
        List<String> bulkParts;
        try (BulkWriter bulk = new BulkWriter(out.resolve(ELASTICSEARCH_DIR), options.indexPrefix(),
                BulkWriter.MAX_PART_BYTES, outputs)) {
            for (Record input : records) {
                files++;
                ArticleRecord record;
                try {
                    // A JSON object without an article's identity ({} or a stray file), or a record under
                    // another name than its id (a copy), is no article; the store leaves it out on the same test.
                    record = ArticleRecord.read(input.read()).checkedAs(input.name());
                } catch (IOException | IllegalArgumentException e) {
                    unreadable++;
                    if (unreadable <= ERRORS_SHOWN) {
                        say("skipping unreadable " + input.location() + ": "
                                + e.getMessage().lines().findFirst().orElse(""));
                    }
                    continue;
                }
                String name = input.name();
                String stem = name.substring(0, name.length() - ".json".length());
                ReportArticle article = new ReportArticle(record, stem);
                String page = null;
                if (options.articlePages()) {
                    page = HTML_DIR + "/" + ARTICLE_PAGES_DIR + "/" + article.pageName();
                    Path file = AtomicFiles.inside(pagesDir, article.pageName());
                    String madeFrom = ArticlePage.madeFrom(article.pageName(), record);
                    if (!ArticlePage.isMadeFrom(file, madeFrom)) {
                        HtmlPages.write(ArticlePage.render(article, madeFrom), AtomicFiles.open(file));
                    }
                    pagesWritten.add(article.pageName());
                }
                agg.add(article, page);
                bulk.add(article, stem, page);
                lists.add(article, page == null ? null : ARTICLE_PAGES_DIR + "/" + article.pageName());
            }
            bulkParts = bulk.finish();
            if (!bulk.deletesComplete()) {
                say("the previous bulk files in " + out.resolve(ELASTICSEARCH_DIR) + " are not in record order"
                        + " (or not this tool's), so this run's files delete only part of the documents it no longer"
                        + " has: load them into emptied indices (docs/reports.md, \"Elasticsearch\")");
            }
        }
        if (unreadable > ERRORS_SHOWN) {
            say((unreadable - ERRORS_SHOWN) + " more unreadable files");
        }
        List<String> listPages = lists.finish();

        Path aggregatesDir = out.resolve(AGGREGATES_DIR);
        Files.createDirectories(aggregatesDir);
        Path stateFile = aggregatesDir.resolve(STATE_JSON);
        // The labels are data, as the narratives and entities tables give them: null when a narrative
        // has no title or an entity no name (the index page shows the key then), never a stand-in.
        RunHistory.Comparison news = RunHistory.compare(RunHistory.load(stateFile), agg.runCounts(),
                id -> agg.narratives().get(id).title,
                id -> agg.entities().containsKey(id) ? agg.entities().get(id).canonical : null);
        List<Table> tables = new ArrayList<>(agg.tables());
        tables.add(news.table());
        Map<String, Long> totals = totals(agg, unreadable);

        JsonReport.write(outputs.open(aggregatesDir.resolve(REPORT_JSON)), totals, news.previous(), tables);
        CsvTables.write(outputs, out.resolve(CSV_DIR), tables);
        IndexPage.Links links = new IndexPage.Links(tables.stream().map(Table::name).toList(), bulkParts, listPages);
        HtmlPages.write(IndexPage.render(agg, totals, news, links), outputs.open(out.resolve(INDEX_HTML)));
        RunHistory.save(outputs, stateFile, news.next());

        double wall = (System.nanoTime() - t0) / 1e9;
        Result result = new Result(files, agg.articles(), unreadable, agg.withNarratives(), bulkParts.size(),
                listPages.size(), wall);
        outputs.write(aggregatesDir.resolve(RUN_INFO_JSON), runInfo(from, started, result, pagesWritten.size()));
        return new Prepared(result, outputs, pagesDir, pagesWritten);
    }

    /**
     * Prints a message on the log. A record's file name and the parser's message quoting its bytes
     * are anyone's, so control characters in them are shown as escapes, not sent to the terminal.
     */
    private void say(String message) {
        log.println(printable("narrative-watch: report: " + message));
    }

    /**
     * Deletes the temporary files that a run killed while writing the reports left: in every folder
     * the reports fill, and in {@code out} itself those of the index page only (it is the user's
     * folder too, with the records and maybe the --jsonl file of analyze).
     */
    private static void removeLeftovers(Path out) throws IOException {
        Path html = out.resolve(HTML_DIR);
        for (Path dir : List.of(html, html.resolve(ARTICLE_PAGES_DIR), out.resolve(AGGREGATES_DIR),
                out.resolve(CSV_DIR), out.resolve(ELASTICSEARCH_DIR))) {
            AtomicFiles.removeLeftovers(dir);
        }
        AtomicFiles.removeLeftoversOf(out.resolve(INDEX_HTML));
    }

    /**
     * Fails unless {@code from} is a folder, as the records folder must be: checked before anything
     * is written, so that a mistyped folder leaves nothing behind.
     */
    public static void requireRecordsFolder(Path from) throws NoSuchFileException {
        if (!Files.isDirectory(from)) {
            throw new NoSuchFileException(from.toString(), null,
                    "no such folder of per-article records (run analyze first?)");
        }
    }

    /** The *.json file names in the folder, sorted so that every streamed output has a fixed order. */
    private static List<String> recordNames(Path from) throws IOException {
        requireRecordsFolder(from);
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(from, "*.json")) {
            for (Path f : files) {
                if (Files.isRegularFile(f)) {
                    names.add(f.getFileName().toString());
                }
            }
        }
        names.sort(null);
        return names;
    }

    private static Map<String, Long> totals(Aggregates agg, long unreadable) {
        Map<String, Long> t = new LinkedHashMap<>();
        t.put("articles", agg.articles());
        t.put("skipped", agg.skipped());
        t.put("with_narratives", agg.withNarratives());
        t.put("undated", agg.undated());
        t.put("narratives", (long) agg.narratives().size());
        t.put("entities", (long) agg.entities().size());
        t.put("sources", (long) agg.bySource().size());
        t.put("unreadable_files", unreadable);
        return t;
    }

    /** Pages of articles that are no longer in the folder would otherwise linger as if they were. */
    private static void removeStalePages(Path pagesDir, Set<String> written) throws IOException {
        try (DirectoryStream<Path> pages = Files.newDirectoryStream(pagesDir, "*.html")) {
            for (Path p : pages) {
                if (!written.contains(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        }
    }

    private static byte[] runInfo(String from, Instant started, Result r, int pages) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", 1);
        root.put("started_at", started.toString());
        root.put("finished_at", Instant.now().toString());
        root.put("wall_seconds", Math.round(r.wallSeconds() * 1000) / 1000.0);
        root.put("from", from);
        root.put("files", r.files());
        root.put("articles", r.articles());
        root.put("unreadable_files", r.unreadable());
        root.put("article_pages", pages);
        root.put("list_pages", r.listPages());
        root.put("bulk_parts", r.bulkParts());
        return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
