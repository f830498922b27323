package org.narrativewatch.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.narrativewatch.output.ArticleRecord;

/**
 * Loads generated per-article records (see {@link ClaimCorpus}) into one or more stores and prints
 * how fast: the figures in docs/store.md. Run it with {@code scripts/store-benchmark}; options:
 * {@code --articles N} (default 100000), {@code --claims-per-article K} (default 80, about 1,000
 * tokens like a news article), {@code --db JDBC_URL} (repeatable; default a new SQLite file in a
 * temporary folder, plus PostgreSQL when NW_PG_URL is set), {@code --passes P} (default 2: the
 * second pass loads the same records again and must find them all unchanged). Then it times each
 * documented query (docs/queries/) on the loaded store and counts each table's rows. Run it from
 * the project folder.
 *
 * <p>The timed part is what a load does for each record: parse its JSON, build the rows, upsert
 * them in batches. Making the records (JSON writing) is timed apart and left out. Besides wall
 * time it prints the loading thread's CPU time, which other jobs on a shared machine do not
 * inflate; with SQLite that includes the database's own work (it runs in the thread), with
 * PostgreSQL the server's work is not in it. The load average says how busy the machine was.
 */
public final class LoadBenchmark {
    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int articles = 100_000;
        int claimsPerArticle = 80;
        int passes = 2;
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(args[++i]);
                case "--claims-per-article" -> claimsPerArticle = Integer.parseInt(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--db" -> urls.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (urls.isEmpty()) {
            urls.add(Store.embeddedUrl(Files.createTempDirectory("nw-store-bench")));
            String pg = System.getenv("NW_PG_URL");
            if (pg != null && !pg.isBlank()) {
                urls.add(pg);
            }
        }
        ClaimCorpus corpus = ClaimCorpus.load();
        System.out.printf(Locale.ROOT, "records: %d articles of %d EUvsDisinfo claims each%n", articles,
                claimsPerArticle);
        for (String url : urls) {
            for (int pass = 1; pass <= passes; pass++) {
                run(corpus, url, articles, claimsPerArticle, pass);
            }
            timeQueries(url);
        }
    }

    /** Prints each table's row count, then runs each documented query once and prints its time. */
    private static void timeQueries(String url) throws Exception {
        try (Store store = Store.open(url)) {
            for (String table : StoreContract.TABLES.keySet()) {
                System.out.printf(Locale.ROOT, "%s table %s: %d rows%n", Store.redact(url), table,
                        SqlRows.count(store.connection(), "SELECT COUNT(*) FROM " + table));
            }
            for (String name : DocumentedQueries.names()) {
                long t0 = System.nanoTime();
                int rows = SqlRows.query(store.connection(), DocumentedQueries.read(name)).size();
                System.out.printf(Locale.ROOT, "%s query %s: %d rows in %.2f s%n", Store.redact(url), name, rows,
                        (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    private static void run(ClaimCorpus corpus, String url, int articles, int claimsPerArticle, int pass)
            throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long generateNanos = 0;
        long loadNanos = 0;
        long loadCpuNanos = 0;
        long tokens = 0;
        long jsonBytes = 0;
        StoreWriter.LoadCounts counts;
        long wall0 = System.nanoTime();
        try (Store store = Store.open(url)) {
            try (StoreWriter writer = store.writer()) {
                for (long n = 0; n < articles; n++) {
                    long t0 = System.nanoTime();
                    byte[] json = corpus.recordBytes(n, claimsPerArticle);
                    long t1 = System.nanoTime();
                    long cpu1 = threads.getCurrentThreadCpuTime();
                    ArticleRecord record = ArticleRecord.read(json);
                    writer.upsert(record);
                    loadCpuNanos += threads.getCurrentThreadCpuTime() - cpu1;
                    long t2 = System.nanoTime();
                    generateNanos += t1 - t0;
                    loadNanos += t2 - t1;
                    tokens += record.counts().tokens();
                    jsonBytes += json.length;
                }
                long t = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                writer.flush();
                loadCpuNanos += threads.getCurrentThreadCpuTime() - cpu;
                loadNanos += System.nanoTime() - t;
                counts = writer.counts();
            }
            store.recordRun(RunRecord.of("benchmark"));
        }
        double load = loadNanos / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        System.out.printf(Locale.ROOT, "%s pass %d: %d articles (%d new, %d replaced, %d unchanged), %d rows, "
                        + "%d tokens, %.0f MB of JSON; load %.1f s = %.0f articles/s, %.0f rows/s, "
                        + "%.1f s CPU in the loading thread (record generation %.1f s, wall %.1f s, "
                        + "load average %.1f)%n",
                Store.redact(url), pass, counts.inserted() + counts.replaced() + counts.unchanged(),
                counts.inserted(), counts.replaced(), counts.unchanged(), counts.rows(), tokens, jsonBytes / 1e6,
                load, articles / load, counts.rows() / load, loadCpuNanos / 1e9, generateNanos / 1e9, wall,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
