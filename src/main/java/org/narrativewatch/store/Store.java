package org.narrativewatch.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.narrativewatch.output.ArticleRecord;

/**
 * The SQL store dashboards query (docs/store.md): articles, entity mentions, narrative hits,
 * evidence and runs, in an embedded SQLite file or a PostgreSQL database. Opening a store brings
 * its schema up to date. One {@code Store} is one run: every article it writes carries its run id,
 * and {@link #recordRun} adds that run's row with the counts of what was written.
 *
 * <pre>{@code
 * try (Store store = Store.open("jdbc:sqlite:reports/narrative-watch.sqlite")) {
 *     store.load(Path.of("reports/articles"));
 *     store.recordRun(RunRecord.of("load"));
 * }
 * }</pre>
 */
public final class Store implements AutoCloseable {
    /** The embedded store's file name inside the output folder. */
    public static final String EMBEDDED_FILE = "narrative-watch.sqlite";
    private static final int REJECTIONS_KEPT = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final Dialect dialect;
    private final Connection connection;
    private final String runId = UUID.randomUUID().toString();
    private final Instant opened = Instant.now();
    private final long openedNanos = System.nanoTime();
    private long inserted;
    private long replaced;
    private long unchanged;
    private long rejected;

    private Store(String url, Dialect dialect, Connection connection) {
        this.url = url;
        this.dialect = dialect;
        this.connection = connection;
    }

    /** Connects and migrates. For PostgreSQL, user and password may be URL parameters. */
    public static Store open(String jdbcUrl) throws SQLException {
        Dialect dialect = Dialect.of(jdbcUrl);
        Properties props = dialect.connectionProperties();
        Connection c = DriverManager.getConnection(jdbcUrl, props);
        try {
            dialect.prepare(c);
            Migrations.migrate(c, dialect);
            return new Store(jdbcUrl, dialect, c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The URL of the embedded store inside an output folder. */
    public static String embeddedUrl(Path outDir) {
        return Dialect.SQLITE_URL_PREFIX + outDir.resolve(EMBEDDED_FILE).toAbsolutePath().normalize();
    }

    /**
     * The files of the SQLite database a URL names ({@link #sqliteDatabase(String)}, {@link #sqliteFiles(Path)});
     * none for another database or an in-memory one.
     */
    public static List<Path> sqliteFiles(String jdbcUrl) {
        return sqliteDatabase(jdbcUrl).map(Store::sqliteFiles).orElse(List.of());
    }

    /**
     * The file of the SQLite database a URL names, absolute and normalised, whether it exists yet or
     * not: {@code jdbc:sqlite:FILE} and SQLite's URI form {@code jdbc:sqlite:file:FILE} (also
     * {@code file:///FILE}, percent-encoded, with parameters) name the same file, so a database can
     * be recognised under either spelling. Empty for another database or an in-memory one.
     */
    public static Optional<Path> sqliteDatabase(String jdbcUrl) {
        if (Dialect.of(jdbcUrl) != Dialect.SQLITE) {
            return Optional.empty();
        }
        String database = jdbcUrl.substring(Dialect.SQLITE_URL_PREFIX.length());
        String[] fileAndQuery = database.split("\\?", 2);
        String file = fileAndQuery[0];
        if (file.startsWith(SQLITE_URI_SCHEME)) {
            String query = fileAndQuery.length > 1 ? fileAndQuery[1].split("#", 2)[0] : "";
            if (Arrays.asList(query.split("&")).contains("mode=memory")) {
                return Optional.empty();
            }
            file = uriPath(file.split("#", 2)[0].substring(SQLITE_URI_SCHEME.length()));
        }
        if (file == null || file.isEmpty() || file.equals(":memory:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(file).toAbsolutePath().normalize());
    }

    private static final String SQLITE_URI_SCHEME = "file:";

    /**
     * The path of a SQLite URI after {@code file:} (https://sqlite.org/uri.html): an authority, if
     * any, must be empty or {@code localhost}; %XX escapes are decoded. Null for another authority,
     * which SQLite refuses.
     */
    private static String uriPath(String rest) {
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            if (!authority.isEmpty() && !authority.equals("localhost")) {
                return null;
            }
            rest = slash < 0 ? "" : rest.substring(slash);
        }
        byte[] encoded = rest.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length);
        for (int i = 0; i < encoded.length; i++) {
            if (encoded[i] == '%' && i + 2 < encoded.length && HexFormat.isHexDigit(encoded[i + 1])
                    && HexFormat.isHexDigit(encoded[i + 2])) {
                bytes.write(HexFormat.fromHexDigit(encoded[i + 1]) << 4 | HexFormat.fromHexDigit(encoded[i + 2]));
                i += 2;
            } else {
                bytes.write(encoded[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * The files of a SQLite database: the database and those SQLite writes beside it while it is
     * open (rollback journal, write-ahead log and the log's index).
     */
    public static List<Path> sqliteFiles(Path database) {
        String name = database.getFileName().toString();
        return Stream.of("", "-journal", "-wal", "-shm").map(suffix -> database.resolveSibling(name + suffix)).toList();
    }

    /**
     * The URL with any password blanked, fit for logs and messages: a {@code password=} parameter
     * and the password of the user-info ({@code //USER:PASSWORD@HOST}), which pgjdbc does not accept
     * but which users copy from psql's URLs. The user-info ends at the last {@code @} before the
     * query, so that a password with an unencoded {@code @} or {@code /} is blanked whole.
     */
    public static String redact(String jdbcUrl) {
        return jdbcUrl.replaceFirst("^([^?#]*?//[^:/?#@]*:)[^?#]*@", "$1***@")
                .replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /**
     * A driver's message about a URL with that URL's password blanked: DriverManager names the URL
     * it has no driver for ("No suitable driver found for jdbc:postgresql://nw:SECRET@db/nw", pgjdbc's
     * answer to a user-info URL without a port).
     */
    public static String redact(String message, String jdbcUrl) {
        return message.replace(jdbcUrl, redact(jdbcUrl));
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * The id written into its runs row, as {@code run_id} into every article row this store writes and
     * as {@code last_seen_run_id} into every article whose record it loads, unchanged ones included.
     */
    public String runId() {
        return runId;
    }

    /** The open connection, for queries; the store owns it and closes it. */
    public Connection connection() {
        return connection;
    }

    @Override
    public String toString() {
        return redact(url);
    }

    /** A batching writer for this run; close it (before {@link #recordRun}) to write the last batch. */
    public StoreWriter writer() throws SQLException {
        return writer(StoreWriter.DEFAULT_BATCH_ARTICLES);
    }

    public StoreWriter writer(int batchArticles) throws SQLException {
        return new StoreWriter(connection, dialect, runId, batchArticles, batch -> {
            inserted += batch.inserted();
            replaced += batch.replaced();
            unchanged += batch.unchanged();
        });
    }

    /** Upserts one article in its own transaction; for many, {@link #writer()} is much faster. */
    public void upsert(ArticleRecord record) throws SQLException {
        try (StoreWriter w = writer(1)) {
            w.upsert(record);
        }
    }

    /**
     * Upserts every per-article record ({@code *.json}) in a folder, in file-name order. Records
     * that cannot be read are counted as rejected and left out; the others are still loaded, and
     * their versions are merged into the result's.
     */
    public LoadResult load(Path articlesDir) throws IOException, SQLException {
        long t0 = System.nanoTime();
        List<String> rejections = new ArrayList<>();
        RecordVersions versions = new RecordVersions();
        long rejectedHere = 0;
        StoreWriter.LoadCounts counts;
        try (StoreWriter w = writer(); Stream<Path> files = Files.list(articlesDir)) {
            List<Path> records = files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
            for (Path file : records) {
                ArticleRecord record;
                try {
                    record = ArticleRecord.read(Files.readAllBytes(file)).checkedAs(file.getFileName().toString());
                } catch (IOException | IllegalArgumentException e) {
                    rejectedHere++;
                    if (rejections.size() < REJECTIONS_KEPT) {
                        rejections.add(file.getFileName() + ": " + e.getMessage());
                    }
                    continue;
                }
                // every record read counts, unchanged ones too: they are what the run loaded
                versions.add(record.versions());
                w.upsert(record);
            }
            w.flush();
            counts = w.counts();
        }
        rejected += rejectedHere;
        return new LoadResult(counts.inserted(), counts.replaced(), counts.unchanged(), rejectedHere, counts.rows(),
                (System.nanoTime() - t0) / 1e9, rejections, versions.json());
    }

    /**
     * Adds this run's row: what the command reported, plus what this store committed since it was
     * opened (articles new, replaced, unchanged and rejected, and the seconds since it was opened).
     */
    public void recordRun(RunRecord run) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO runs (run_id, command, started_at, "
                + "finished_at, loaded_at, inputs, versions, threads, input_files, articles_read, articles_analyzed, "
                + "articles_skipped, errors, tokens, sentences, entity_mentions, narrative_hits, wall_seconds, "
                + "store_inserted, store_replaced, store_unchanged, store_rejected, store_seconds) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            ps.setString(i++, runId);
            ps.setString(i++, run.command());
            dialect.setTimestamp(ps, i++, run.startedAt() != null ? run.startedAt() : opened);
            dialect.setTimestamp(ps, i++, run.finishedAt());
            dialect.setTimestamp(ps, i++, Instant.now());
            ps.setString(i++, JSON.writeValueAsString(run.inputs()));
            ps.setString(i++, run.versions());
            ps.setObject(i++, run.threads(), java.sql.Types.INTEGER);
            for (Long n : new Long[] {run.inputFiles(), run.articlesRead(), run.articlesAnalyzed(),
                    run.articlesSkipped(), run.errors(), run.tokens(), run.sentences(), run.entityMentions(),
                    run.narrativeHits()}) {
                ps.setObject(i++, n, java.sql.Types.BIGINT);
            }
            ps.setObject(i++, run.wallSeconds(), java.sql.Types.DOUBLE);
            ps.setLong(i++, inserted);
            ps.setLong(i++, replaced);
            ps.setLong(i++, unchanged);
            ps.setLong(i++, rejected);
            ps.setDouble(i, (System.nanoTime() - openedNanos) / 1e9);
            ps.executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
