package org.narrativewatch.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.narrativewatch.ingest.Ingest;
import org.narrativewatch.ingest.Input;
import org.narrativewatch.ingest.RepeatedInputs;
import org.narrativewatch.job.AnalyzeJob;
import org.narrativewatch.job.Progress;
import org.narrativewatch.job.RunSummary;
import org.narrativewatch.output.ArticleJson;
import org.narrativewatch.output.AtomicFiles;
import org.narrativewatch.output.OutputFolderLock;
import org.narrativewatch.pipeline.Models;
import org.narrativewatch.pipeline.PipelineOptions;
import org.narrativewatch.report.ReportJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
            "A run killed half-way leaves no partial files; running it again gives the output of one clean run.",
            "One command at a time writes into DIR: another one into it meanwhile stops at once (exit code 3)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all inputs processed",
            "1:some inputs failed (see errors.jsonl); everything else was written",
            "2:usage error",
            "3:fatal error (model, catalog, output folder or database unusable, or the output folder in use by another "
                + "command)"})
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "0..*", defaultValue = "corpus",
            description = "Files, folders (searched recursively) or - for stdin; one that does not exist is a usage "
                    + "error, and the output folder (DIR) is never read as input, nor, inside a named folder, the "
                    + "output folder of another run. Default: ${DEFAULT-VALUE}")
    List<String> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "reports",
            description = "Output folder (not -: that is standard output). Default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--jsonl", paramLabel = "FILE",
            description = "Also write every per-article record as one JSON line to FILE (- for stdout); FILE is "
                    + "replaced when the run ends. It may be in DIR, but not be one of the run's own files there, "
                    + "nor a file the run reads (an INPUT, a catalog).")
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
                    + "and the run goes on. 0: no limit; at most " + AnalyzeJob.MAX_ARTICLE_TIMEOUT_SECONDS
                    + " (a day). Default: ${DEFAULT-VALUE}")
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
            throw new ParameterException(spec.commandLine(),
                    "--stdin-format must be one of " + Ingest.FORMATS);
        }
        int workers = threads.workers();
        inputOptions.check(spec.commandLine());
        if (articleTimeoutSeconds < 0 || articleTimeoutSeconds > AnalyzeJob.MAX_ARTICLE_TIMEOUT_SECONDS) {
            throw new ParameterException(spec.commandLine(), "--article-timeout must be 0 (no limit) to "
                    + AnalyzeJob.MAX_ARTICLE_TIMEOUT_SECONDS + " seconds, not " + articleTimeoutSeconds);
        }
        // Every argument is checked before anything is created, opened for writing or loaded.
        OutputPaths.refuseStandardOutput(spec.commandLine(), "--out", out.toString(),
                "the output folder cannot be standard output (--jsonl - streams the records there)");
        Path jsonlFile = checkJsonl();
        checkInputs();
        List<String> toRead = RepeatedInputs.withoutRepeats(inputs, n -> Input.STDIN.equals(n) ? null : Path.of(n),
                name -> false, repeat -> err.println("narrative-watch: " + repeat));
        stores.validate(out, reads());
        // Before the models load, so that a second run into DIR stops at once, and before anything
        // in DIR is deleted or written, so that it touches nothing of the run that holds DIR.
        try (OutputFolderLock lock = OutputFolderLock.acquire(out)) {
            ReportJob.restoreAfterKilledCommit(out); // whole reports while this run analyses
            return analyze(toRead, jsonlFile, workers, err, stdout);
        }
    }

    /** The run itself, once every argument is checked and the output folder is locked. */
    private int analyze(List<String> toRead, Path jsonlFile, int workers, PrintStream err, PrintStream stdout)
            throws Exception {
        Models loaded = Models.load(models.pipelineOptions());
        stores.check(out);
        List<Path> notInputs = new ArrayList<>(List.of(out));
        if (jsonl != null && !"-".equals(jsonl)) {
            notInputs.add(Path.of(jsonl));
        }
        notInputs.addAll(stores.sqliteFiles(out)); // a --db file in an INPUT folder, with its journal
        Ingest ingest = new Ingest(inputOptions.readOptions(stdinFormat), loaded.layout()).excluding(notInputs);
        AnalyzeJob job = new AnalyzeJob(ingest, loaded.pipeline(), new ArticleJson(loaded.versions(), tokens),
                loaded.versions(), workers, Duration.ofSeconds(articleTimeoutSeconds), err);

        boolean watched = !quiet && TerminalProgress.stderrIsTerminal(); // progress and closing messages go to stderr
        RunSummary summary;
        try (AtomicFiles.Pending jsonlReplacement = openReplacement(jsonlFile);
             OutputStream jsonlOut = jsonlReplacement != null ? jsonlReplacement.stream() : openJsonlStream(stdout);
             Progress progress = watched ? new TerminalProgress(countFiles(toRead, out), err) : Progress.NONE) {
            summary = job.run(toRead, out, jsonlOut, progress);
            if (jsonlReplacement != null) {
                jsonlReplacement.commit();
            }
        }
        ReportJob.Options reportOptions = new ReportJob.Options(ReportJob.Options.DEFAULTS.topEvidence(), articlePages,
                ReportJob.Options.DEFAULTS.indexPrefix());
        // The reports replace the previous ones last, after the store: a run killed (or failing) before
        // leaves the previous run's bulk files and state, which the next run's deletes compare with.
        try (ReportJob.Prepared report = new ReportJob(reportOptions, err)
                .prepare(out.resolve(AnalyzeJob.ARTICLES_DIR), out)) {
            if (watched) {
                err.printf(Locale.ROOT, "analyzed %d articles (%d skipped, %d errors), %d tokens in %.1f s -> %s%n",
                        summary.analyzed(), summary.skipped(), summary.errors(), summary.tokens(),
                        summary.wallSeconds(), out);
            }
            stores.writeAnalysis(out.resolve(AnalyzeJob.ARTICLES_DIR), out, !watched, err);
            report.commit();
            return summary.errors() > 0 || report.result().unreadable() > 0 ? ExitCodes.SOME_INPUTS_FAILED
                    : ExitCodes.OK;
        }
    }

    /**
     * Every INPUT must exist (as in grep, ripgrep and jq, a mistyped one is a usage error; read as
     * a failed input it would make the run look complete to stale-record pruning), standard input
     * can be read once, and no INPUT may lie in the output folder: output is never read as input
     * (nor is the --jsonl file: see {@link #checkJsonl}).
     */
    private void checkInputs() {
        CommandLine cli = spec.commandLine();
        boolean defaulted = cli.getParseResult() == null || cli.getParseResult().matchedPositionals().isEmpty();
        Path outReal = Files.isDirectory(out) ? Ingest.realPath(out) : null;
        long stdin = inputs.stream().filter(Input.STDIN::equals).count();
        if (stdin > 1) {
            throw new ParameterException(cli, "standard input (-) is named " + stdin
                    + " times; it can be read only once");
        }
        for (String name : inputs) {
            if (Input.STDIN.equals(name)) {
                continue;
            }
            if (name.isEmpty()) {
                throw new ParameterException(cli, "an empty INPUT names no file (the current folder is .)");
            }
            String missing = InputOptions.missing(name);
            if (missing != null) {
                throw new ParameterException(cli, defaulted
                        ? missing + " (the default INPUT; name the files or folders to analyse)" : missing);
            }
            Path real = Ingest.realPath(Path.of(name));
            if (outReal != null && real.startsWith(outReal)) {
                throw new ParameterException(cli, name + ": is the output folder (--out " + out
                        + ") or inside it; the output folder is never read as input");
            }
        }
    }

    /**
     * Checks --jsonl before anything is opened: a file (not a folder) in a folder that exists, or
     * in the output folder that the run is about to make; not the output folder, nor in a folder the
     * run fills inside it (articles/, html/, ...: the run deletes files there), nor one of the files
     * the run writes (summary.json, the SQL store, ...: one would overwrite the other), nor a file it
     * reads (an INPUT named as a file, a catalog: it would be emptied before it is read, or lost).
     * A file in an INPUT folder is fine: the run does not read it. Returns the file to replace when
     * the run ends, links resolved, or null when there is none: no --jsonl, {@code -}, or a stream
     * such as a pipe.
     */
    private Path checkJsonl() {
        if (jsonl == null || "-".equals(jsonl)) {
            return null;
        }
        CommandLine cli = spec.commandLine();
        if (jsonl.isEmpty()) {
            throw new ParameterException(cli, "--jsonl: an empty path names no file (- is standard output)");
        }
        Path path = Path.of(jsonl);
        OutputPaths.refuseFolder(cli, "--jsonl", path);
        if (OutputPaths.isStream(path)) {
            return null;
        }
        Path file = OutputPaths.inExistingFolder(cli, "--jsonl", path, out);
        OutputPaths.refuseRunOutput(cli, "--jsonl", jsonl, file, out);
        for (Path database : stores.sqliteFiles(out)) {
            if (file.equals(Ingest.realPath(database))) {
                throw new ParameterException(cli, "--jsonl " + jsonl + ": is a file of the SQL store that the run "
                        + "loads (--db); name another file");
            }
        }
        OutputPaths.refuseRead(cli, "--jsonl", path, file, reads());
        return file;
    }

    /**
     * The files the run reads that an output file must not replace: the catalogs given instead of
     * the packaged ones and every INPUT file. An output in an INPUT folder is fine: the walk passes
     * over the run's own files (see {@link #analyze}).
     */
    private List<OutputPaths.Read> reads() {
        List<OutputPaths.Read> reads = new ArrayList<>(models.reads());
        for (String input : inputs) {
            if (!Input.STDIN.equals(input) && !Files.isDirectory(Path.of(input))) {
                reads.add(new OutputPaths.Read("INPUT", Path.of(input)));
            }
        }
        return reads;
    }

    /**
     * The --jsonl file opened under a temporary name, to be moved over {@code file} in one step
     * when the run has finished: a run that fails or is killed leaves the earlier file whole, and
     * an INPUT that is the file can never be emptied before it is read. Null for no file.
     */
    private static AtomicFiles.Pending openReplacement(Path file) throws IOException {
        if (file == null) {
            return null;
        }
        AtomicFiles.removeLeftoversOf(file); // of a run that was killed
        return AtomicFiles.open(file);
    }

    /** The --jsonl stream when it is no file to replace: standard output, a pipe, a device; else null. */
    private OutputStream openJsonlStream(PrintStream stdout) throws IOException {
        if (jsonl == null) {
            return null;
        }
        if ("-".equals(jsonl)) {
            return new BufferedOutputStream(new StandardOutput(stdout));
        }
        // Appended, not truncated: /dev/stdout reopens the file behind the descriptor, which may be a log (>>).
        return new BufferedOutputStream(Files.newOutputStream(Path.of(jsonl), StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    /**
     * A cheap first count of input files, so the progress bar can show a total and an ETA: the
     * regular files in the folders named, without what the walk passes over (hidden entries, the
     * output folder, another run's output).
     */
    private static long countFiles(List<String> inputs, Path out) {
        long n = 0;
        Path outAbsolute = Ingest.realPath(out);
        for (String in : inputs) {
            Path p = Path.of(in);
            if (Files.isDirectory(p)) {
                Path base = Ingest.realPath(p);
                long[] files = {0};
                try {
                    Files.walkFileTree(base, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                            boolean passedOver = !dir.equals(base) && (dir.getFileName().toString().startsWith(".")
                                    || dir.startsWith(outAbsolute) || Ingest.isRunOutput(dir));
                            return passedOver ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            if (attributes.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
                                files[0]++;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE; // the walk reports it
                        }
                    });
                    n += files[0];
                } catch (IOException e) {
                    n++;
                }
            } else {
                n++;
            }
        }
        return n;
    }
}
