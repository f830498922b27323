package org.narrativewatch.job;

import static org.narrativewatch.output.TerminalText.printable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.Stance;
import org.narrativewatch.ingest.ArticleSink;
import org.narrativewatch.ingest.Ingest;
import org.narrativewatch.ingest.InputError;
import org.narrativewatch.output.ArticleJson;
import org.narrativewatch.output.ArticleRecord;
import org.narrativewatch.output.AtomicFiles;
import org.narrativewatch.pipeline.Pipeline;

/**
 * Runs the pipeline over all inputs: one thread reads, N workers analyse, and one writer takes
 * results in input order, so every output (files, the JSONL stream, errors.jsonl) is the same
 * whatever the thread count. At most a bounded number of articles is in flight, so memory does
 * not grow with the corpus. Re-runs into the same folder are incremental: articles whose input and
 * versions are unchanged are not analysed again, and a changed catalog re-runs only the stages
 * that use it ({@link LayerCache}).
 */
public final class AnalyzeJob {
    public static final String ARTICLES_DIR = "articles";
    public static final String ERRORS_FILE = "errors.jsonl";
    public static final String SUMMARY_FILE = "summary.json";
    /** The longest per-article time budget, a day: a longer one is no limit (0) mistyped, and soon overflows in nanoseconds. */
    public static final long MAX_ARTICLE_TIMEOUT_SECONDS = 86_400;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int ERRORS_SHOWN = 20;

    private final Ingest ingest;
    private final Pipeline pipeline;
    private final ArticleJson articleJson;
    private final Map<String, String> versions;
    private final int threads;
    private final Duration articleTimeout;
    private final PrintStream log;

    /**
     * @param articleTimeout the most time one article may take, at most {@link #MAX_ARTICLE_TIMEOUT_SECONDS};
     *                       past it the article gets an error record and the run goes on.
     *                       {@link Duration#ZERO} means no limit.
     */
    public AnalyzeJob(Ingest ingest, Pipeline pipeline, ArticleJson articleJson, Map<String, String> versions,
                      int threads, Duration articleTimeout, PrintStream log) {
        if (articleTimeout.isNegative() || articleTimeout.getSeconds() > MAX_ARTICLE_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("article timeout of " + articleTimeout.getSeconds()
                    + " s is not 0 to " + MAX_ARTICLE_TIMEOUT_SECONDS + " s");
        }
        this.ingest = ingest;
        this.pipeline = pipeline;
        this.articleJson = articleJson;
        this.versions = versions;
        this.threads = threads;
        this.articleTimeout = articleTimeout;
        this.log = log;
    }

    /** How much of an article's analysis an earlier run saved. */
    private enum Reuse { NONE, PARTLY, FULLY }

    /** What a worker hands the writer: an analysed article or an error, in input order. */
    private record Outcome(Doc doc, byte[] pretty, byte[] line, ErrorRecord error, Reuse reuse) {
    }

    /** An entry of the in-order queue: the writer awaits each one's outcome in turn. */
    private interface Pending {
        /** The outcome, or null for the end of input. */
        Outcome await() throws InterruptedException;
    }

    private record Ready(Outcome outcome) implements Pending {
        @Override
        public Outcome await() {
            return outcome;
        }
    }

    /**
     * One article's analysis. The writer waits for it at most the article budget, counted from
     * the moment a worker began it; past that it takes a timeout error instead, abandons the task,
     * interrupts its thread and has the pool start a replacement worker. CoreNLP checks interrupts
     * between annotators, sentences and in its sequence models, so the abandoned thread mostly
     * stops soon; code that never checks (a tokenizer, a runaway regular expression) keeps its
     * thread until it ends, and the run goes on without it.
     */
    private final class ArticleTask implements Runnable, Pending {
        private static final int RUNNING = 0;
        private static final int DONE = 1;
        private static final int ABANDONED = 2;

        private final Article article;
        private final WorkerPool pool;
        private final java.util.function.Function<Article, Outcome> analysis;
        private final CompletableFuture<Outcome> result = new CompletableFuture<>();
        private final CountDownLatch started = new CountDownLatch(1);
        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private volatile long startedAt;
        private Thread runner;

        ArticleTask(Article article, WorkerPool pool, java.util.function.Function<Article, Outcome> analysis) {
            this.article = article;
            this.pool = pool;
            this.analysis = analysis;
        }

        @Override
        public void run() {
            synchronized (this) {
                runner = Thread.currentThread();
            }
            startedAt = System.nanoTime();
            started.countDown();
            Outcome outcome = analysis.apply(article);
            result.complete(outcome);
            synchronized (this) {
                if (!state.compareAndSet(RUNNING, DONE)) {
                    pool.stuckWorkerFinished();
                }
                runner = null;
            }
            Thread.interrupted(); // an interrupt meant for this article must not hit the next one
        }

        /** Gives up on the article unless it finished just now; true when given up. */
        private synchronized boolean abandon() {
            if (!state.compareAndSet(RUNNING, ABANDONED)) {
                return false;
            }
            runner.interrupt();
            return true;
        }

        @Override
        public Outcome await() throws InterruptedException {
            // Every earlier article is finished or abandoned and replaced, so a worker takes this one soon.
            started.await();
            try {
                if (articleTimeout.isZero()) {
                    return result.get();
                }
                long left = articleTimeout.toNanos() - (System.nanoTime() - startedAt); // overflow-safe order
                return result.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (!abandon()) {
                    return result.join(); // finished just now
                }
                pool.replaceStuckWorker();
                return failed(article, "analysis took longer than the per-article time budget of "
                        + articleTimeout.toSeconds() + " s; article skipped (raise the budget with --article-timeout)");
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause()); // analyse() returns every failure as an outcome
            }
        }
    }

    /**
     * Analyses every input into {@code outDir}. {@code jsonl}, when not null, also receives every
     * per-article record as one line. {@code progress} is told of each finished article.
     */
    public RunSummary run(List<String> inputs, Path outDir, OutputStream jsonl, Progress progress)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        Path articlesDir = outDir.resolve(ARTICLES_DIR);
        Files.createDirectories(articlesDir);
        Path errorsFile = outDir.resolve(ERRORS_FILE);
        // From a run that was killed. In DIR itself only those of its own files: the --jsonl file
        // may be written there, and the user's own files may lie there too.
        AtomicFiles.removeLeftoversOf(errorsFile);
        AtomicFiles.removeLeftoversOf(outDir.resolve(SUMMARY_FILE));
        AtomicFiles.removeLeftovers(articlesDir);
        AtomicFiles.removeLeftovers(outDir.resolve(LayerCache.DIR));
        Path errorsTmp = AtomicFiles.temporaryFor(errorsFile);
        LayerCache cache = new LayerCache(outDir, "tokens=" + articleJson.includesTokens());
        UniqueIds ids = new UniqueIds(articlesDir); // before this run writes any record

        WorkerPool workers = new WorkerPool(threads);
        BlockingQueue<Pending> inOrder = new ArrayBlockingQueue<>(Math.max(8, threads * 8));
        Counters counters = new Counters();
        Set<String> written = new HashSet<>(); // ids of the records this run wrote
        AtomicReference<Exception> writerFailure = new AtomicReference<>();
        AtomicBoolean unread = new AtomicBoolean(); // an input, or part of one, could not be read

        try (OutputStream errors = new BufferedOutputStream(Files.newOutputStream(errorsTmp))) {
            Thread writer = new Thread(() -> {
                try {
                    drain(inOrder, articlesDir, jsonl, errors, counters, written, progress);
                } catch (IOException | InterruptedException | RuntimeException e) {
                    writerFailure.set(e);
                    inOrder.clear(); // let the reader finish instead of waiting for room forever
                }
            }, "nw-writer");
            writer.setDaemon(true); // if the reading thread dies of an Error, the process must end, not wait for it
            writer.start();

            // The output folder lies inside the input when the user runs `analyze .`: never read it back.
            // The page layout's patterns run on this thread, which no one interrupts: they get the article budget.
            long files = ingest.excluding(List.of(outDir)).withPatternBudget(articleTimeout).readAll(inputs, new ArticleSink() {
                @Override
                public void article(Article article) {
                    if (writerFailure.get() != null) {
                        return;
                    }
                    ArticleTask task = new ArticleTask(ids.unique(article), workers,
                            a -> analyse(a, cache, jsonl != null));
                    put(inOrder, task);
                    workers.execute(task);
                }

                @Override
                public void error(InputError e) {
                    if (e.unread()) {
                        unread.set(true);
                    }
                    if (writerFailure.get() == null) {
                        put(inOrder, new Ready(new Outcome(null, null, null, ErrorRecord.readFailed(e), Reuse.NONE)));
                    }
                }

                @Override
                public void passedOver(String folder, String reason) {
                    log.println(printable("narrative-watch: " + folder + ": " + reason));
                }
            });
            put(inOrder, new Ready(null)); // end of input
            writer.join();
            counters.files = files;
        } finally {
            workers.shutdownNow();
        }
        if (writerFailure.get() != null) {
            throw new IOException("writing results failed: " + writerFailure.get().getMessage(), writerFailure.get());
        }
        AtomicFiles.replace(errorsTmp, errorsFile);
        if (counters.errors > ERRORS_SHOWN) {
            log.println("narrative-watch: " + (counters.errors - ERRORS_SHOWN) + " more errors in " + errorsFile);
        }
        if (unread.get()) {
            // What an unread input holds is unknown: its records may well be current. Keep them all.
            long kept = stale(articlesDir, written, false);
            if (kept > 0) {
                log.println(printable("narrative-watch: not every input could be read (see " + errorsFile + "), so "
                        + kept + " record" + (kept == 1 ? "" : "s") + " of earlier runs in " + articlesDir
                        + " that this run did not write " + (kept == 1 ? "was" : "were")
                        + " kept, not removed; a run that reads every input removes them"));
            }
        } else {
            stale(articlesDir, written, true);
            cache.removeAllBut(written);
        }

        double wall = (System.nanoTime() - t0) / 1e9;
        RunSummary summary = new RunSummary(counters.files, counters.read, counters.analyzed, counters.skipped,
                counters.errors, counters.tokens, counters.sentences, counters.entities, counters.narrativeHits,
                counters.narrativeHitsByStance, counters.languages, wall, counters.reused, counters.partlyReused);
        writeSummary(outDir, inputs, summary, started);
        return summary;
    }

    private Outcome analyse(Article article, LayerCache cache, boolean wantLine) {
        try {
            String key = cache.key(article);
            LayerCache.Entry earlier = cache.read(article);
            int from = earlier == null ? 0 : resumeFrom(earlier, key);
            Doc doc;
            List<Integer> warningStages = new ArrayList<>();
            if (from == 0) {
                doc = new Doc(article);
            } else {
                doc = earlier.doc();
                for (int i = 0; i < earlier.warningStages().size(); i++) {
                    if (earlier.warningStages().get(i) < from) {
                        warningStages.add(earlier.warningStages().get(i));
                        doc.warn(earlier.warnings().get(i));
                    }
                }
            }
            int stages = pipeline.stages().size();
            pipeline.run(doc, from, warningStages);
            if (from < stages) {
                cache.write(key, versions, doc, warningStages);
            }
            Reuse reuse = from == 0 ? Reuse.NONE : from < stages ? Reuse.PARTLY : Reuse.FULLY;
            return new Outcome(doc, articleJson.pretty(doc), wantLine ? articleJson.line(doc) : null, null, reuse);
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(null, null, null, ErrorRecord.analysisFailed(article, e), Reuse.NONE);
        } catch (OutOfMemoryError e) {
            // The article's own data is unreachable now, so the run can go on without it.
            return failed(article, "analysis ran out of memory; lower --max-article-bytes or give Java more "
                    + "memory (NW_JAVA_OPTS=-Xmx...)");
        }
    }

    private static Outcome failed(Article article, String reason) {
        return new Outcome(null, null, null, new ErrorRecord(article.origin().file(), article.origin().line(),
                article.id(), "analyze", reason), Reuse.NONE);
    }

    /**
     * The first stage that must run again for an article analysed before: 0 when its input or a
     * version that is not a stage's own catalog changed, the earliest stage whose catalog version
     * changed, or the number of stages when nothing did.
     */
    private int resumeFrom(LayerCache.Entry earlier, String key) {
        if (!earlier.key().equals(key)) {
            return 0;
        }
        Set<String> changed = new HashSet<>(versions.keySet());
        changed.addAll(earlier.versions().keySet());
        changed.removeIf(k -> java.util.Objects.equals(versions.get(k), earlier.versions().get(k)));
        int from = pipeline.stages().size();
        for (String k : changed) {
            int stage = pipeline.indexOf(k);
            if (stage < 0) {
                return 0;
            }
            from = Math.min(from, stage);
        }
        return from;
    }

    private void drain(BlockingQueue<Pending> inOrder, Path articlesDir, OutputStream jsonl,
                       OutputStream errors, Counters counters, Set<String> written, Progress progress)
            throws IOException, InterruptedException {
        while (true) {
            Outcome o = inOrder.take().await();
            if (o == null) {
                return;
            }
            if (o.error() != null) {
                counters.errors++;
                ErrorRecord e = o.error();
                errors.write(JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(e));
                errors.write('\n');
                if (counters.errors <= ERRORS_SHOWN) {
                    log.println(printable("narrative-watch: " + e.message()));
                }
                progress.step();
                continue;
            }
            Doc doc = o.doc();
            String id = doc.article().id();
            Path record = AtomicFiles.inside(articlesDir, id + ".json");
            if (o.reuse() != Reuse.FULLY || !sameBytes(record, o.pretty())) {
                AtomicFiles.write(record, o.pretty());
            }
            written.add(id); // the article's own String: a million tiny articles cost one set entry each
            if (jsonl != null) {
                jsonl.write(o.line());
            }
            counters.count(doc);
            if (o.reuse() == Reuse.FULLY) {
                counters.reused++;
            } else if (o.reuse() == Reuse.PARTLY) {
                counters.partlyReused++;
            }
            progress.step();
        }
    }

    private static boolean sameBytes(Path file, byte[] bytes) throws IOException {
        try {
            return Files.size(file) == bytes.length && java.util.Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    private static <T> void put(BlockingQueue<T> queue, T item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Counts, and when {@code remove} deletes, the records from earlier runs that this run did not
     * produce: they would otherwise leak into reports. Only called with {@code remove} when every
     * input was read as a whole. Only a file that is provably such a record counts: an article
     * record (as the reports read one) named after its id. Anything else in the folder was put
     * there by someone else; it is named on stderr and left alone.
     */
    private long stale(Path articlesDir, Set<String> written, boolean remove) throws IOException {
        long records = 0;
        long others = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(articlesDir, "*.json")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.length() - ".json".length());
                if (written.contains(id)) {
                    continue;
                }
                String notARecord = notARecordOf(f);
                if (notARecord == null) {
                    records++;
                    if (remove) {
                        Files.delete(f);
                    }
                } else if (++others <= ERRORS_SHOWN) {
                    log.println(printable("narrative-watch: " + f + ": not a record of an earlier run, so left in "
                            + "place: " + notARecord));
                }
            }
        }
        if (others > ERRORS_SHOWN) {
            log.println("narrative-watch: " + (others - ERRORS_SHOWN) + " more files in " + articlesDir
                    + " that are not article records were left in place");
        }
        return records;
    }

    /** Why a file is not the article record {@code <id>.json} its name says it is, or null when it is one. */
    private static String notARecordOf(Path file) {
        try {
            ArticleRecord.read(Files.readAllBytes(file)).checkedAs(file.getFileName().toString());
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        }
    }

    private void writeSummary(Path outDir, List<String> inputs, RunSummary s, Instant started) throws IOException {
        ObjectNode root = SummaryHeader.of(JSON, started, inputs);
        root.put("threads", threads);
        root.put("article_timeout_seconds", articleTimeout.toSeconds());
        ObjectNode counts = SummaryHeader.counts(root, s.inputFiles(), s.articlesRead(), s.analyzed(), s.skipped(),
                s.errors());
        counts.put("tokens", s.tokens());
        counts.put("sentences", s.sentences());
        counts.put("entity_mentions", s.entities());
        counts.put("narrative_hits", s.narrativeHits());
        for (Stance stance : Stance.values()) {
            counts.put("narrative_hits_" + stance.participle(), s.narrativeHitsByStance().getOrDefault(stance, 0L));
        }
        counts.put("articles_reused", s.reused());
        counts.put("articles_partly_reused", s.partlyReused());
        root.putPOJO("languages", new TreeMap<>(s.languages()));
        ObjectNode timings = root.putObject("timings");
        timings.put("wall_seconds", round(s.wallSeconds()));
        timings.put("articles_per_second", round(s.articlesRead() / Math.max(s.wallSeconds(), 1e-9)));
        timings.put("tokens_per_second", round(s.tokens() / Math.max(s.wallSeconds(), 1e-9)));
        ObjectNode stages = timings.putObject("stage_seconds");
        for (int i = 0; i < pipeline.stages().size(); i++) {
            stages.put(pipeline.stages().get(i).name(), round(pipeline.nanos(i) / 1e9));
        }
        root.putPOJO("versions", new TreeMap<>(versions));
        AtomicFiles.write(outDir.resolve(SUMMARY_FILE),
                (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Run totals; touched only by the writer thread. */
    private static final class Counters {
        long files;
        long read;
        long analyzed;
        long skipped;
        long errors;
        long tokens;
        long sentences;
        long entities;
        long narrativeHits;
        final Map<Stance, Long> narrativeHitsByStance = new EnumMap<>(Stance.class);
        long reused;
        long partlyReused;
        final Map<String, Long> languages = new TreeMap<>();

        void count(Doc doc) {
            read++;
            if (doc.skipped()) {
                skipped++;
            } else {
                analyzed++;
            }
            tokens += doc.tokens().size();
            sentences += doc.sentences().size();
            entities += doc.entities().size();
            narrativeHits += doc.narratives().size();
            doc.narratives().forEach(hit -> narrativeHitsByStance.merge(hit.stance(), 1L, Long::sum));
            if (doc.language() != null) {
                languages.merge(doc.language(), 1L, Long::sum);
            }
        }
    }
}
