package org.narrativewatch.cli;

import static org.narrativewatch.output.TerminalText.printable;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.narrativewatch.doc.Article;
import org.narrativewatch.ingest.ArticleSink;
import org.narrativewatch.ingest.Ingest;
import org.narrativewatch.ingest.Input;
import org.narrativewatch.ingest.InputError;
import org.narrativewatch.ingest.PageLayout;
import org.narrativewatch.ingest.ReadOptions;
import org.narrativewatch.nlp.CoreNlpStage;
import org.narrativewatch.nlp.PerceptronTagger;
import org.narrativewatch.nlp.TaggerDistillation;
import org.narrativewatch.output.AtomicFiles;
import org.narrativewatch.pipeline.Resources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code narrative-watch train-tagger}: distils the fast POS tagger from CoreNLP's left3words tagger. */
@Command(name = "train-tagger", mixinStandardHelpOptions = true,
        description = {
            "Trains the part-of-speech tagger that the pipeline uses.",
            "It learns from CoreNLP's left3words tagger on your articles (every fifth held out) and prints",
            "how often the two agree on the held-out part.",
            "The shipped model was made with the command in docs/performance.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:model written", "1:model written; some inputs failed (named on stderr) and were left out",
            "2:usage error (an INPUT that does not exist; --out a folder, in a folder that does not exist, or a file "
                + "that the command reads)",
            "3:fatal error (no article read, a model or the output file unusable)"})
final class TrainTaggerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Files or folders of articles (any analyze format).")
    List<String> inputs;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Where to write the model: a file in a folder that exists, neither an INPUT nor in one.")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<OutputPaths.Read> reads = new ArrayList<>();
        for (String name : inputs) {
            String missing = InputOptions.missing(name);
            if (missing != null) {
                throw new ParameterException(spec.commandLine(), missing);
            }
            if (!Input.STDIN.equals(name)) {
                reads.add(new OutputPaths.Read("INPUT", Path.of(name)));
            }
        }
        Path model = OutputPaths.fileToReplace(spec.commandLine(), "--out", out,
                "the model is a binary file, not written to standard output", reads);
        PrintStream err = System.err;
        TaggerDistillation distillation = new TaggerDistillation();
        Ingest ingest = new Ingest(ReadOptions.defaults(),
                PageLayout.load(new java.io.ByteArrayInputStream(Resources.read(null, "boilerplate.yaml")),
                        Resources.origin(null, "boilerplate.yaml"), PerceptronTagger.load(
                                new java.io.ByteArrayInputStream(Resources.read(null, CoreNlpStage.TAGGER_MODEL)))));
        AtomicInteger articles = new AtomicInteger();
        AtomicInteger failedInputs = new AtomicInteger();
        ingest.readAll(inputs, new ArticleSink() {
            @Override
            public void article(Article article) {
                distillation.add(article);
                articles.incrementAndGet();
            }

            @Override
            public void error(InputError e) {
                // As analyze prints it: the line of a bad JSONL line or CSV row, control characters in a
                // file name or in the text quoted shown as escapes.
                err.println(printable("narrative-watch: " + e.message()));
                failedInputs.incrementAndGet();
            }
        });
        if (articles.get() == 0) {
            err.println(printable("narrative-watch: no article to train on in " + String.join(", ", inputs) + "; "
                    + out + " not written"));
            return ExitCodes.FATAL;
        }
        PerceptronTagger tagger = distillation.train();
        TaggerDistillation.Agreement a = distillation.agreement(tagger);
        try (AtomicFiles.Pending file = AtomicFiles.open(model)) {
            tagger.save(file.stream());
            file.commit();
        }
        err.printf(Locale.ROOT, "trained on %d sentences, %d features; held-out agreement with left3words over %d tokens:"
                + " tags %.4f, lemmas %.4f -> %s%n", a.trainingSentences(), tagger.features(), a.tokens(),
                a.tags(), a.lemmas(), out);
        return failedInputs.get() == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }
}
