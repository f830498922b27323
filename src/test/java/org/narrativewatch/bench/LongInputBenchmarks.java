package org.narrativewatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.Origin;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time of the narrative stage on one long article (bench/jmh.sh LongInputBenchmarks; not part of the test
 * run): the first {@code words} words of the texts of the stance sets (scripts/experiments/stance/set-a/texts
 * and the others: real articles dense in the catalog's narratives) after four short sentences, either as
 * one sentence (full stops and other sentence ends taken out, as in a text that has none) or as the texts'
 * own sentences. docs/bad-input.md and docs/performance.md: the two cost about the same, and time grows in
 * proportion to the words.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class LongInputBenchmarks {
    /** Four short sentences first, so the text is read as an article (attribution, rebuttals, framing). */
    static final String OPENING = "Moscow has again been accused of spreading disinformation. Officials in Brussels "
            + "said the claims were false. The Kremlin denied it. Analysts say the story is more complicated than "
            + "either side admits.\n\n";

    @Param({"5000", "10000", "20000", "40000"})
    int words;

    @Param({"one-sentence", "sentences"})
    String shape;

    private Stage narratives;
    private Doc analysed;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Models models = Models.load(PipelineOptions.defaults());
        String text = OPENING + body(words, shape.equals("one-sentence"));
        analysed = models.pipeline().processBefore(new Article("long", text, null, null, null, null, null, "en",
                new Origin("long", 0), List.of()), "narratives");
        narratives = models.pipeline().stages().get(models.pipeline().indexOf("narratives"));
    }

    /** The texts' bodies (each without its title line), cut at {@code words} words. */
    static String body(int words, boolean oneSentence) throws IOException {
        List<Path> texts;
        try (Stream<Path> sets = Files.list(Path.of("scripts/experiments/stance"))) {
            texts = new ArrayList<>();
            for (Path set : sets.filter(p -> p.getFileName().toString().startsWith("set-")).sorted().toList()) {
                try (Stream<Path> files = Files.list(set.resolve("texts"))) {
                    files.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(texts::add);
                }
            }
        }
        List<String> paragraphs = new ArrayList<>();
        int count = 0;
        for (Path text : texts) {
            String content = Files.readString(text, StandardCharsets.UTF_8);
            for (String line : content.substring(content.indexOf('\n') + 1).split("\n")) {
                String paragraph = oneSentence ? line.replaceAll("[.!?;:…]", " ") : line;
                List<String> kept = new ArrayList<>();
                for (String word : paragraph.strip().split("\\s+")) {
                    if (!word.isEmpty() && count < words) {
                        kept.add(word);
                        count++;
                    }
                }
                if (!kept.isEmpty()) {
                    paragraphs.add(String.join(" ", kept));
                }
                if (count == words) {
                    return String.join(oneSentence ? " " : "\n", paragraphs) + "\n";
                }
            }
        }
        throw new IllegalStateException("the stance sets have fewer than " + words + " words");
    }

    @Benchmark
    public void narratives(Blackhole bh) {
        Doc doc = ComponentBenchmarks.copy(analysed);
        narratives.process(doc);
        bh.consume(doc);
    }
}
