package org.narrativewatch.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.ingest.ArticleIds;
import org.narrativewatch.ingest.ArticleSink;
import org.narrativewatch.ingest.Ingest;
import org.narrativewatch.ingest.InputError;
import org.narrativewatch.output.ArticleJson;
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

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int ERRORS_SHOWN = 20;

    private final Ingest ingest;
    private final Pipeline pipeline;
    private final ArticleJson articleJson;
    private final Map<String, String> versions;
    private final int threads;
    private final PrintStream log;

    public AnalyzeJob(Ingest ingest, Pipeline pipeline, ArticleJson articleJson, Map<String, String> versions,
                      int threads, PrintStream log) {
        this.ingest = ingest;
        this.pipeline = pipeline;
        this.articleJson = articleJson;
        this.versions = versions;
        this.threads = threads;
        this.log = log;
    }

    /** How much of an article's analysis an earlier run saved. */
    private enum Reuse { NONE, PARTLY, FULLY }

    /** What a worker hands the writer: an analysed article or an error, in input order. */
    private record Outcome(Doc doc, byte[] pretty, byte[] line, ErrorRecord error, Reuse reuse) {
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
        Path errorsTmp = Files.createTempFile(outDir, "." + ERRORS_FILE, ".tmp");
        LayerCache cache = new LayerCache(outDir, "tokens=" + articleJson.includesTokens());

        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nw-worker");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Future<Outcome>> inOrder = new ArrayBlockingQueue<>(Math.max(8, threads * 8));
        Counters counters = new Counters();
        Set<String> written = new HashSet<>();
        Future<?>[] writerFailure = new Future<?>[1];

        try (OutputStream errors = Files.newOutputStream(errorsTmp)) {
            Thread writer = new Thread(() -> {
                try {
                    drain(inOrder, articlesDir, jsonl, errors, counters, written, progress);
                } catch (IOException | InterruptedException | ExecutionException e) {
                    writerFailure[0] = CompletableFuture.failedFuture(e);
                }
            }, "nw-writer");
            writer.start();

            Set<String> ids = new HashSet<>();
            long files = ingest.readAll(inputs, new ArticleSink() {
                @Override
                public void article(Article article) {
                    Article unique = uniqueId(article, ids);
                    put(inOrder, workers.submit(() -> analyse(unique, cache, jsonl != null)));
                }

                @Override
                public void error(InputError e) {
                    put(inOrder, CompletableFuture.completedFuture(new Outcome(null, null, null,
                            ErrorRecord.readFailed(e), Reuse.NONE)));
                }
            });
            put(inOrder, CompletableFuture.completedFuture(null)); // end of input
            writer.join();
            counters.files = files;
        } finally {
            workers.shutdownNow();
        }
        if (writerFailure[0] != null) {
            try {
                writerFailure[0].get();
            } catch (ExecutionException e) {
                throw new IOException("writing results failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        Files.move(errorsTmp, outDir.resolve(ERRORS_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        removeStale(articlesDir, written);
        cache.removeAllBut(written.stream().map(f -> f.substring(0, f.length() - ".json".length()))
                .collect(java.util.stream.Collectors.toSet()));
        if (counters.errors > ERRORS_SHOWN) {
            log.println("narrative-watch: " + (counters.errors - ERRORS_SHOWN) + " more errors in "
                    + outDir.resolve(ERRORS_FILE));
        }

        double wall = (System.nanoTime() - t0) / 1e9;
        RunSummary summary = new RunSummary(counters.files, counters.read, counters.analyzed, counters.skipped,
                counters.errors, counters.tokens, counters.sentences, counters.entities, counters.narrativeHits,
                counters.languages, wall, counters.reused, counters.partlyReused);
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
        }
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

    private void drain(BlockingQueue<Future<Outcome>> inOrder, Path articlesDir, OutputStream jsonl,
                       OutputStream errors, Counters counters, Set<String> written, Progress progress)
            throws IOException, InterruptedException, ExecutionException {
        while (true) {
            Outcome o = inOrder.take().get();
            if (o == null) {
                return;
            }
            if (o.error() != null) {
                counters.errors++;
                ErrorRecord e = o.error();
                errors.write(JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(e));
                errors.write('\n');
                if (counters.errors <= ERRORS_SHOWN) {
                    log.println("narrative-watch: " + e.file() + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.reason());
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
            written.add(id + ".json");
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

    /** Keeps ids unique within a run; a clash gets the content hash appended, and a warning. */
    private static Article uniqueId(Article article, Set<String> ids) {
        if (ids.add(article.id())) {
            return article;
        }
        Article renamed = ArticleIds.disambiguated(article);
        ids.add(renamed.id());
        return renamed;
    }

    private static <T> void put(BlockingQueue<T> queue, T item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Records from earlier runs that this run did not produce would otherwise leak into reports. */
    private static void removeStale(Path articlesDir, Set<String> written) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(articlesDir, "*.json")) {
            for (Path f : files) {
                if (!written.contains(f.getFileName().toString())) {
                    Files.delete(f);
                }
            }
        }
    }

    private void writeSummary(Path outDir, List<String> inputs, RunSummary s, Instant started) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", 1);
        root.put("started_at", started.toString());
        root.put("finished_at", Instant.now().toString());
        ArrayNode in = root.putArray("inputs");
        inputs.forEach(in::add);
        root.put("threads", threads);
        ObjectNode counts = root.putObject("counts");
        counts.put("input_files", s.inputFiles());
        counts.put("articles_read", s.articlesRead());
        counts.put("articles_analyzed", s.analyzed());
        counts.put("articles_skipped", s.skipped());
        counts.put("errors", s.errors());
        counts.put("tokens", s.tokens());
        counts.put("sentences", s.sentences());
        counts.put("entity_mentions", s.entities());
        counts.put("narrative_hits", s.narrativeHits());
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
            if (doc.language() != null) {
                languages.merge(doc.language(), 1L, Long::sum);
            }
        }
    }
}
