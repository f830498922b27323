package org.narrativewatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.narrativewatch.TestData;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.ingest.Ingest;
import org.narrativewatch.ingest.ReadOptions;
import org.narrativewatch.output.ArticleJson;
import org.narrativewatch.pipeline.Models;
import org.narrativewatch.pipeline.PipelineOptions;
import org.narrativewatch.pipeline.Stage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time per article of each hot component on the 100-article PTC benchmark set (bench/jmh.sh; not
 * part of the test run). Each benchmark takes the next article in turn, so one operation is one
 * article of average size (about 980 tokens). Stages run on layers the earlier stages computed in
 * setup, so each number is that component alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ComponentBenchmarks {
    private Models models;
    private Ingest ingest;
    private List<Path> files;
    private List<Article> articles;
    /** Per stage index: docs with the layers of every earlier stage. */
    private List<List<Doc>> before;
    private List<Doc> analysed;
    private ArticleJson json;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path source = Path.of(System.getProperty("nw.shared", "../shared"), "data", "ptc", "articles");
        try (Stream<Path> s = Files.list(source)) {
            files = s.sorted().limit(100).toList();
        }
        models = Models.load(PipelineOptions.defaults());
        ingest = new Ingest(ReadOptions.defaults(), models.layout());
        articles = read(files.stream().map(Path::toString).toList());
        List<Stage> stages = models.pipeline().stages();
        before = new ArrayList<>();
        analysed = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            before.add(new ArrayList<>());
        }
        for (Article a : articles) {
            Doc doc = new Doc(a);
            for (int i = 0; i < stages.size(); i++) {
                before.get(i).add(copy(doc));
                stages.get(i).process(doc);
            }
            analysed.add(doc);
        }
        json = new ArticleJson(models.versions(), false);
    }

    private List<Article> read(List<String> inputs) {
        return TestData.readAll(ingest, inputs);
    }

    /** A doc with the same layers, so a stage can run on it again without seeing its own output. */
    static Doc copy(Doc d) {
        Doc c = new Doc(d.article());
        c.setLanguage(d.language(), d.languageConfidence());
        c.setTokens(d.tokens(), d.sentences());
        c.setNerMentions(d.nerMentions());
        c.setEntities(d.entities());
        c.setNarratives(d.narratives());
        d.warnings().forEach(c::warn);
        return c;
    }

    private int next() {
        next = (next + 1) % articles.size();
        return next;
    }

    private void stage(String name, Blackhole bh) {
        int i = models.pipeline().indexOf(name);
        Doc doc = copy(before.get(i).get(next()));
        models.pipeline().stages().get(i).process(doc);
        bh.consume(doc);
    }

    /** Reading one file: decoding, title and boilerplate layout. */
    @Benchmark
    public void reader(Blackhole bh) {
        bh.consume(read(List.of(files.get(next()).toString())));
    }

    @Benchmark
    public void language(Blackhole bh) {
        stage("language", bh);
    }

    /** Tokens, sentences, POS tags and lemmas. */
    @Benchmark
    public void nlp(Blackhole bh) {
        stage("nlp", bh);
    }

    /** The gazetteer: tracked entities and their links. */
    @Benchmark
    public void entities(Blackhole bh) {
        stage("entities", bh);
    }

    /** Every narrative rule in one pass. */
    @Benchmark
    public void narratives(Blackhole bh) {
        stage("narratives", bh);
    }

    @Benchmark
    public void jsonWriter(Blackhole bh) {
        bh.consume(json.pretty(analysed.get(next())));
    }
}
