package org.narrativewatch.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.narrativewatch.ingest.Ingest;
import org.narrativewatch.job.AnalyzeJob;
import org.narrativewatch.job.Progress;
import org.narrativewatch.job.RunSummary;
import org.narrativewatch.output.ArticleJson;
import org.narrativewatch.pipeline.Models;
import org.narrativewatch.pipeline.PipelineOptions;
import org.narrativewatch.report.ReportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code narrative-watch analyze}: articles in, per-article JSON and reports out. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {
            "Analyses articles: language, tokens, sentences, entities and narratives.",
            "Writes DIR/articles/<id>.json per article, DIR/summary.json, DIR/errors.jsonl,",
            "then the reports of the report command (DIR/index.html, DIR/aggregates, DIR/csv, ...),",
            "and loads the results into a SQL database: DIR/narrative-watch.sqlite unless --db or --no-db.",
            "Formats by extension: .txt, .html/.htm, .json, .jsonl, .csv.",
            "A bad input (unreadable, binary, mis-encoded, too large, too slow) gets one record in errors.jsonl "
                + "naming its file and line; every other article is still analysed (see docs/bad-input.md).",
            "A run killed half-way leaves no partial files; running it again gives the output of one clean run."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all inputs processed",
            "1:some inputs failed (see errors.jsonl); everything else was written",
            "2:usage error",
            "3:fatal error (model, catalog, output folder or database unusable)"})
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "0..*", defaultValue = "corpus",
            description = "Files, folders (searched recursively) or - for stdin; one that does not exist is a usage "
                    + "error, and the output folder (DIR) is never read as input. Default: ${DEFAULT-VALUE}")
    List<String> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "reports",
            description = "Output folder. Default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--jsonl", paramLabel = "FILE",
            description = "Also write every per-article record as one JSON line to FILE (- for stdout).")
    String jsonl;

    @Mixin
    ThreadOptions threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar (it is shown only when stderr is a terminal anyway).")
    boolean quiet;

    @Option(names = "--stdin-format", paramLabel = "FORMAT", defaultValue = "txt",
            description = "Format of standard input, and of an INPUT that is not a regular file and has no known "
                    + "extension (a FIFO such as <(zcat a.jsonl)): txt, html, json, jsonl or csv. Default: ${DEFAULT-VALUE}")
    String stdinFormat;

    @Mixin
    InputOptions inputOptions;

    @Option(names = "--article-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Most time one article may take to analyse; a slower one gets a record in errors.jsonl "
                    + "and the run goes on. 0: no limit. Default: ${DEFAULT-VALUE}")
    long articleTimeoutSeconds;

    @Option(names = "--no-article-pages", negatable = true, defaultValue = "true",
            description = "Write (or skip) one HTML page per article under DIR/html/articles/, as the report "
                    + "command does. Default: on.")
    boolean articlePages = true;

    @Option(names = "--tokens", description = "Also write the token layer (offsets, POS, lemma) into each record.")
    boolean tokens;

    @Mixin
    ModelOptions models;

    @Mixin
    StoreOptions stores;

    @Override
    public Integer call() throws Exception {
        // Taken before the models load: CoreNLP's logging setup may swap System.out and System.err.
        PrintStream err = System.err;
        PrintStream stdout = System.out;
        if (!Ingest.FORMATS.contains(stdinFormat)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--stdin-format must be one of " + Ingest.FORMATS);
        }
        int workers = threads.workers();
        inputOptions.check(spec.commandLine());
        if (articleTimeoutSeconds < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--article-timeout must be 0 or more");
        }
        checkInputs(); // before anything in --out is touched
        Files.createDirectories(out);
        stores.check(out);
        Models loaded = Models.load(models.pipelineOptions());
        List<Path> notInputs = new ArrayList<>(List.of(out));
        if (jsonl != null && !"-".equals(jsonl)) {
            notInputs.add(Path.of(jsonl));
        }
        Ingest ingest = new Ingest(inputOptions.readOptions(stdinFormat), loaded.layout()).excluding(notInputs);
        AnalyzeJob job = new AnalyzeJob(ingest, loaded.pipeline(), new ArticleJson(loaded.versions(), tokens),
                loaded.versions(), workers, Duration.ofSeconds(articleTimeoutSeconds), err);

        boolean watched = !quiet && TerminalProgress.stderrIsTerminal(); // progress and closing messages go to stderr
        RunSummary summary;
        try (OutputStream jsonlOut = openJsonl(stdout);
             Progress progress = watched ? new TerminalProgress(countFiles(inputs, out), err) : Progress.NONE) {
            summary = job.run(inputs, out, jsonlOut, progress);
        }
        ReportJob.Options reportOptions = new ReportJob.Options(ReportJob.Options.DEFAULTS.topEvidence(), articlePages,
                ReportJob.Options.DEFAULTS.indexPrefix());
        ReportJob.Result report = new ReportJob(reportOptions, err)
                .run(out.resolve(AnalyzeJob.ARTICLES_DIR), out);
        if (watched) {
            err.printf("analyzed %d articles (%d skipped, %d errors), %d tokens in %.1f s -> %s%n",
                    summary.analyzed(), summary.skipped(), summary.errors(), summary.tokens(),
                    summary.wallSeconds(), out);
        }
        stores.write(out.resolve(AnalyzeJob.ARTICLES_DIR), out, "analyze", !watched, err);
        return summary.errors() > 0 || report.unreadable() > 0 ? ExitCodes.SOME_INPUTS_FAILED : ExitCodes.OK;
    }

    /**
     * Every INPUT must exist (as in grep, ripgrep and jq, a mistyped one is a usage error; read as
     * a failed input it would make the run look complete to stale-record pruning), standard input
     * can be read once, and no INPUT may lie in the output folder, which is never read as input.
     */
    private void checkInputs() {
        picocli.CommandLine cli = spec.commandLine();
        boolean defaulted = cli.getParseResult() == null || cli.getParseResult().matchedPositionals().isEmpty();
        Path outReal = Files.isDirectory(out) ? Ingest.realPath(out) : null;
        long stdin = inputs.stream().filter(org.narrativewatch.ingest.Input.STDIN::equals).count();
        if (stdin > 1) {
            throw new picocli.CommandLine.ParameterException(cli, "standard input (-) is named " + stdin
                    + " times; it can be read only once");
        }
        for (String name : inputs) {
            if (org.narrativewatch.ingest.Input.STDIN.equals(name)) {
                continue;
            }
            String missing = InputOptions.missing(name);
            if (missing != null) {
                throw new picocli.CommandLine.ParameterException(cli, defaulted
                        ? missing + " (the default INPUT; name the files or folders to analyse)" : missing);
            }
            if (outReal != null && Ingest.realPath(Path.of(name)).startsWith(outReal)) {
                throw new picocli.CommandLine.ParameterException(cli, name + ": is the output folder (--out " + out
                        + ") or inside it; the output folder is never read as input");
            }
        }
    }

    private OutputStream openJsonl(PrintStream stdout) throws IOException {
        if (jsonl == null) {
            return null;
        }
        if ("-".equals(jsonl)) {
            return new BufferedOutputStream(stdout) {
                @Override
                public void close() throws IOException {
                    flush(); // stdout stays open for whoever else writes to it
                }
            };
        }
        return new BufferedOutputStream(Files.newOutputStream(Path.of(jsonl)));
    }

    /** A cheap first count of input files, so the progress bar can show a total and an ETA. */
    private static long countFiles(List<String> inputs, Path out) {
        long n = 0;
        Path outAbsolute = Ingest.realPath(out);
        for (String in : inputs) {
            Path p = Path.of(in);
            if (Files.isDirectory(p)) {
                Path base = Ingest.realPath(p);
                try (var walk = Files.walk(base)) {
                    n += walk.filter(f -> !f.startsWith(outAbsolute)).filter(Files::isRegularFile).count();
                } catch (IOException | java.io.UncheckedIOException e) {
                    n++;
                }
            } else {
                n++;
            }
        }
        return n;
    }
}
