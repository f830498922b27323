package org.narrativewatch.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.narrativewatch.doc.Article;
import org.narrativewatch.ingest.ArticleSink;
import org.narrativewatch.ingest.Ingest;
import org.narrativewatch.ingest.InputError;
import org.narrativewatch.ingest.PageLayout;
import org.narrativewatch.ingest.ReadOptions;
import org.narrativewatch.nlp.PerceptronTagger;
import org.narrativewatch.nlp.TaggerDistillation;
import org.narrativewatch.pipeline.Resources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code narrative-watch train-tagger}: distils the fast POS tagger from CoreNLP's left3words tagger. */
@Command(name = "train-tagger", mixinStandardHelpOptions = true,
        description = {
            "Trains the part-of-speech tagger the pipeline uses from CoreNLP's left3words tagger on",
            "your articles (every fifth held out) and prints how often the two agree on the held-out part.",
            "The shipped model was made with the command in docs/performance.md."})
final class TrainTaggerCommand implements Callable<Integer> {
    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Files or folders of articles (any analyze format).")
    List<String> inputs;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the model.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        TaggerDistillation distillation = new TaggerDistillation();
        Ingest ingest = new Ingest(ReadOptions.defaults(),
                PageLayout.load(new java.io.ByteArrayInputStream(Resources.read(null, "boilerplate.yaml"))));
        ingest.readAll(inputs, new ArticleSink() {
            @Override
            public void article(Article article) {
                distillation.add(article);
            }

            @Override
            public void error(InputError e) {
                err.println("narrative-watch: " + e.file() + ": " + e.reason());
            }
        });
        PerceptronTagger tagger = distillation.train();
        TaggerDistillation.Agreement a = distillation.agreement(tagger);
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (OutputStream o = Files.newOutputStream(out)) {
            tagger.save(o);
        }
        err.printf("trained on %d sentences, %d features; held-out agreement with left3words over %d tokens:"
                + " tags %.4f, lemmas %.4f -> %s%n", a.trainingSentences(), tagger.features(), a.tokens(),
                a.tags(), a.lemmas(), out);
        return ExitCodes.OK;
    }
}
