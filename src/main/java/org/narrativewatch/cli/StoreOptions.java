package org.narrativewatch.cli;

import static org.narrativewatch.output.TerminalText.printable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.narrativewatch.job.AnalyzeJob;
import org.narrativewatch.store.Dialect;
import org.narrativewatch.store.LoadResult;
import org.narrativewatch.store.RunRecord;
import org.narrativewatch.store.Store;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The SQL store options of every command that writes results (docs/store.md): by default the
 * embedded SQLite file DIR/narrative-watch.sqlite; {@code --db} names others instead.
 */
final class StoreOptions {
    /** The {@code --db} value that stands for the embedded file in the output folder. */
    static final String EMBEDDED = "embedded";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = {"SQL database to load the results into, instead of DIR/" + Store.EMBEDDED_FILE
                    + "; repeatable. One of:",
                "  jdbc:postgresql://HOST:PORT/DB?user=USER&password=PASSWORD",
                "  jdbc:sqlite:FILE",
                "  " + EMBEDDED + "   (DIR/" + Store.EMBEDDED_FILE + ", to keep it as well)"})
    List<String> urls = new ArrayList<>();

    @Option(names = "--no-db", description = "Write no SQL database.")
    boolean noDb;

    /**
     * Checks the options without connecting: a usage error must stop the command before it
     * creates the output folder or any file. A SQLite file of --db must not be one of the run's own
     * files in the output folder (errors.jsonl, summary.json, ...): opened first, it would be
     * created as a database that the run's file then replaces, or, already there, fail to open only
     * after the analysis. Nor may it be a file the command reads ({@code reads}: an article, a
     * catalog), which it would replace. The embedded store, under any spelling, is where it belongs.
     */
    void validate(Path out, List<OutputPaths.Read> reads) {
        Object embedded = database(Store.embeddedUrl(out));
        for (String url : urls(out)) {
            Optional<Path> file = Store.sqliteDatabase(url);
            if (file.isPresent() && !database(url).equals(embedded)) {
                Path real = OutputPaths.realFile(file.get());
                OutputPaths.refuseRunOutput(spec.commandLine(), "--db", Store.redact(url), real, out);
                OutputPaths.refuseRead(spec.commandLine(), "--db", Path.of(Store.redact(url)), real, reads);
            }
        }
    }

    /** The files of the SQLite databases the stores write, the embedded one included (see {@link Store#sqliteFiles}). */
    List<Path> sqliteFiles(Path out) {
        List<Path> files = new ArrayList<>();
        for (String url : urls(out)) {
            files.addAll(Store.sqliteFiles(url));
        }
        return files;
    }

    /**
     * Checks the options, connects to every store and brings its schema up to date, so that a
     * wrong URL, a server that is down or a refused password stops the command before hours of
     * analysis rather than after.
     */
    void check(Path out) throws SQLException {
        for (String url : urls(out)) {
            try {
                Store.open(url).close();
            } catch (SQLException e) {
                throw new SQLException(failure(url, e), e.getSQLState(), e.getErrorCode(), e);
            }
        }
    }

    /** Loads the records of an analyze run into every store and records the run that out/summary.json describes. */
    void writeAnalysis(Path records, Path out, boolean quiet, PrintStream err) throws IOException, SQLException {
        Path summary = out.resolve(AnalyzeJob.SUMMARY_FILE);
        RunRecord run = Files.isRegularFile(summary)
                ? RunRecord.fromSummary("analyze", new ObjectMapper().readTree(summary.toFile()))
                : RunRecord.of("analyze");
        write(records, out, loaded -> run, quiet, err);
    }

    /**
     * Loads the records into every store and records a {@code report} run: its input is the records
     * folder as given, its versions those the records carry, and it has no counts of an analysis.
     * A summary.json in {@code out} describes the analyze run that wrote the records, not this one,
     * so it is not read.
     */
    void writeReport(Path records, Path out, Instant started, boolean quiet, PrintStream err)
            throws IOException, SQLException {
        List<String> inputs = List.of(records.toString());
        write(records, out, loaded -> RunRecord.ofRecords("report", started, inputs, loaded.versions()), quiet, err);
    }

    /**
     * Loads the records into every store and records the run {@code run} makes of what the store
     * loaded; fails after trying them all.
     */
    private void write(Path records, Path out, Function<LoadResult, RunRecord> run, boolean quiet, PrintStream err)
            throws IOException, SQLException {
        List<String> targets = urls(out);
        int failed = 0;
        for (String url : targets) {
            try (Store store = Store.open(url)) {
                LoadResult result = store.load(records);
                store.recordRun(run.apply(result));
                if (!quiet) {
                    err.printf(Locale.ROOT, "narrative-watch: %s: %d articles (%d new, %d changed, %d unchanged, "
                                    + "%d rejected), %d rows in %.1f s%n", store, result.articles(), result.inserted(),
                            result.replaced(), result.unchanged(), result.rejected(), result.rows(), result.seconds());
                }
                // A rejection names a file of the records folder, which anyone may have put there.
                result.rejections().forEach(r -> err.println(printable("narrative-watch: " + store + ": rejected " + r)));
            } catch (SQLException | IOException | RuntimeException e) {
                if (targets.size() == 1) {
                    throw new SQLException(failure(url, e), e);
                }
                failed++;
                err.println("narrative-watch: " + failure(url, e));
            }
        }
        if (failed > 0) {
            throw new SQLException(failed + " of " + targets.size() + " databases could not be written");
        }
    }

    /**
     * What went wrong with one database, naming it (password blanked): the driver's own message
     * ("[SQLITE_NOTADB] File opened that is not a database file") does not say which of the
     * databases, the embedded one or one of several --db, it is about.
     */
    private static String failure(String url, Exception e) {
        return Store.redact(url) + ": " + Store.redact(Main.describe(e), url);
    }

    /**
     * The JDBC URLs to write, after checking that each names a supported database, once: a database
     * named twice would be loaded twice and record the run twice.
     */
    private List<String> urls(Path out) {
        if (noDb && !urls.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--db and --no-db exclude each other");
        }
        if (noDb) {
            return List.of();
        }
        List<String> resolved = new ArrayList<>();
        List<Object> databases = new ArrayList<>();
        for (String target : urls.isEmpty() ? List.of(EMBEDDED) : urls) {
            String url = EMBEDDED.equals(target) ? Store.embeddedUrl(out) : target;
            try {
                Dialect.of(url);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--db: " + e.getMessage());
            }
            Object database = database(url);
            int earlier = databases.indexOf(database);
            if (earlier >= 0) {
                String spelling = resolved.get(earlier).equals(url) ? "" : " (also as " + Store.redact(resolved.get(earlier)) + ")";
                throw new ParameterException(spec.commandLine(), "--db names the same database twice: "
                        + Store.redact(url) + spelling);
            }
            databases.add(database);
            resolved.add(url);
        }
        return resolved;
    }

    /**
     * What tells one database from another: a SQLite database's file, links resolved (whether it
     * exists yet or not), since {@code embedded}, {@code jdbc:sqlite:team.sqlite},
     * {@code jdbc:sqlite:./team.sqlite} and {@code jdbc:sqlite:file:team.sqlite} can all name one file;
     * another database's URL.
     */
    private static Object database(String url) {
        return Store.sqliteDatabase(url).<Object>map(OutputPaths::realFile).orElse(url);
    }
}
