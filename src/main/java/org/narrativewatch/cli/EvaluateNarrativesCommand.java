package org.narrativewatch.cli;

import static org.narrativewatch.output.TerminalText.printable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.narrativewatch.doc.NarrativeHit;
import org.narrativewatch.narratives.Catalog;
import org.narrativewatch.narratives.GoldSet;
import org.narrativewatch.narratives.NarrativeEvaluation;
import org.narrativewatch.pipeline.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code narrative-watch evaluate narratives}: per-label precision, recall and F1 of the catalog. */
@Command(name = "narratives", mixinStandardHelpOptions = true,
        description = {
            "Scores the narrative catalog against labelled texts.",
            "Prints JSON on stdout: per-label precision, recall, F1 and support, macro- and micro-F1.",
            "FILE is the EUvsDisinfo CSV (text = title column, labels = keywords split on '+', ',' or ';') or JSONL",
            "lines {\"text\": ..., \"labels\": [...], \"date\": \"YYYY-MM-DD\"}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report printed", "1:report printed, some lines of FILE skipped or undated (named on stderr)",
            "2:usage error", "3:the gold file, catalog or a model cannot be read",
            "4:macro-F1 below --min-macro-f1"})
final class EvaluateNarrativesCommand implements Callable<Integer> {
    @Option(names = "--gold", paramLabel = "FILE", required = true, converter = FileToRead.class,
            description = "Labelled texts (.csv or .jsonl).")
    Path gold;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Only items dated on or after this day.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Only items dated on or before this day.")
    LocalDate to;

    @Option(names = "--scheme", paramLabel = "NAME", defaultValue = "euvsdisinfo",
            description = "Label scheme of the catalog's labels to score. Default: ${DEFAULT-VALUE}")
    String scheme;

    @Option(names = "--labels", paramLabel = "LABEL", split = ",",
            description = "Score only these labels (comma-separated). Default: every label the catalog maps.")
    List<String> labels;

    @Option(names = "--errors", paramLabel = "N", defaultValue = "0",
            description = "List up to N false positives and N false negatives per label. Default: ${DEFAULT-VALUE}")
    int errors;

    @Option(names = "--min-macro-f1", paramLabel = "X",
            description = "Exit with code 4 when macro-F1, as printed (four decimals), is below X (for CI).")
    Double minMacroF1;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = {"Also write one JSON line per text: id, date, text, gold labels, predicted labels, narratives.",
                "A file in a folder that exists; not - (stdout carries the scores), the gold file or a catalog."})
    Path predictionsFile;

    @Mixin
    ThreadOptions threads;

    @Mixin
    ModelOptions models;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        int workers = threads.workers();
        EvaluateCommand.checkScoreOptions(spec.commandLine(), errors, "--min-macro-f1", minMacroF1);
        if (from != null && to != null && from.isAfter(to)) {
            throw new ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to
                    + ": no day is in that range");
        }
        // picocli splits "--labels ," into no labels at all, which would score nothing with macro-F1 0.
        if (labels != null && labels.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--labels names no label; name at least one, "
                    + "or leave the option out to score every label the catalog maps");
        }
        Path predictionsTarget = checkPredictions();
        Models loaded = Models.load(models.pipelineOptions(false));
        checkLabels(loaded.narratives());
        List<String> problems = new ArrayList<>();
        List<GoldSet.Item> items = readGold(problem -> {
            problems.add(problem);
            // The messages quote the gold file's values (dates), which come from a scrape like any article.
            spec.commandLine().getErr().println(printable("narrative-watch: " + problem));
        });
        List<List<NarrativeHit>> predictions = NarrativeEvaluation.predict(loaded.pipeline(), items, gold.toString(),
                workers);
        Set<String> only = labels == null ? null : new LinkedHashSet<>(labels);
        ObjectNode scores = NarrativeEvaluation.score(loaded.narratives(), items, predictions,
                new NarrativeEvaluation.Options(scheme, only, errors, workers));
        if (predictionsTarget != null) {
            NarrativeEvaluation.writePredictions(predictionsTarget, loaded.narratives(), items, predictions, scheme);
        }
        ObjectNode report = JsonNodeFactory.instance.objectNode();
        report.put("gold", gold.toString());
        report.put("from", from == null ? null : from.toString());
        report.put("to", to == null ? null : to.toString());
        report.put("catalog", loaded.narratives().hash());
        report.setAll(scores);
        report.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        ObjectNode stageSeconds = report.putObject("stage_seconds");
        for (int i = 0; i < loaded.pipeline().stages().size(); i++) {
            stageSeconds.put(loaded.pipeline().stages().get(i).name(), Math.round(loaded.pipeline().nanos(i) / 1e8) / 10.0);
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        spec.commandLine().getOut().println(json.writeValueAsString(report)); // System.out may be CoreNLP's by now
        if (EvaluateCommand.below(spec.commandLine(), "macro-F1", scores.path("macro_f1").asDouble(), "--min-macro-f1",
                minMacroF1)) {
            return ExitCodes.CHECK_FAILED;
        }
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }

    /**
     * The --predictions file to replace (links resolved), or null for none; checked before the models
     * load. Not "-" (standard output carries the scores), not in a folder that does not exist, and
     * not a file the command reads: the gold file or a catalog would be lost (see {@link OutputPaths}).
     */
    private Path checkPredictions() {
        if (predictionsFile == null) {
            return null;
        }
        List<OutputPaths.Read> reads = new ArrayList<>(List.of(new OutputPaths.Read("--gold", gold)));
        reads.addAll(models.reads());
        return OutputPaths.fileToReplace(spec.commandLine(), "--predictions", predictionsFile,
                "standard output carries the scores", reads);
    }

    /**
     * The gold items to score: those in the date range. The CSV parser's messages say neither which
     * file nor that it is the gold file ("Invalid character between encapsulated token and delimiter
     * at line: 1, ..."), so the fatal error names it.
     */
    private List<GoldSet.Item> readGold(Consumer<String> problems) throws IOException {
        List<GoldSet.Item> all;
        try {
            all = GoldSet.readAll(gold, from != null || to != null, problems);
        } catch (UncheckedIOException e) { // how the CSV parser reports a syntax error after the header
            throw namingGold(e.getCause());
        } catch (IOException e) {
            throw namingGold(e);
        }
        return scorable(all, GoldSet.inRange(all, from, to));
    }

    /**
     * The items in range, when there are any. Without one the report would be all zeros with exit 0,
     * as if the catalog had found nothing: as evaluate entities refuses an empty gold file, a usage
     * error that says whether the file or the date range holds nothing.
     */
    private List<GoldSet.Item> scorable(List<GoldSet.Item> all, List<GoldSet.Item> inRange) {
        if (all.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--gold " + gold + ": no labelled text to score "
                    + "(the file holds no usable line)");
        }
        if (inRange.isEmpty()) {
            String range = (from == null ? "" : "--from " + from) + (from != null && to != null ? " " : "")
                    + (to == null ? "" : "--to " + to);
            String none = all.size() == 1 ? "the one labelled text of " + gold + " is not"
                    : "none of the " + all.size() + " labelled texts of " + gold + " is";
            throw new ParameterException(spec.commandLine(), range + ": " + none
                    + " dated in that range, so there is nothing to score");
        }
        return inRange;
    }

    /** The failure, naming the gold file where it does not: GoldSet's messages start with it; Main names a file system error's. */
    private IOException namingGold(IOException e) {
        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof FileSystemException || reason.startsWith(gold.toString())) {
            return e;
        }
        return new IOException(gold + ": not a readable gold file (--gold): " + reason, e);
    }

    /**
     * A scheme no narrative has labels in, or a label no narrative maps, would score nothing and
     * print an empty report with macro-F1 0: a usage error that names what the catalog has.
     */
    private void checkLabels(Catalog catalog) {
        Set<String> schemes = catalog.schemes();
        if (!schemes.contains(scheme)) {
            throw new ParameterException(spec.commandLine(), "--scheme " + scheme + ": no narrative of the catalog has "
                    + "labels in that scheme; " + (schemes.isEmpty() ? "the catalog maps no labels at all"
                            : "schemes in the catalog: " + String.join(", ", schemes)));
        }
        if (labels != null) {
            List<String> unmapped = NarrativeEvaluation.unmappedLabels(catalog, scheme, labels);
            if (!unmapped.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--labels: no narrative maps "
                        + String.join(", ", unmapped.stream().map(l -> "'" + l + "'").toList()) + " in scheme " + scheme
                        + "; labels the catalog maps in it: " + String.join(", ", catalog.labels(scheme)));
            }
        }
    }
}
