package org.narrativewatch.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.narrativewatch.job.AnalyzeJob;
import org.narrativewatch.output.OutputFolderLock;
import org.narrativewatch.report.ReportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code narrative-watch report}: aggregate reports from per-article JSON, without re-analysing text. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {
            "Builds the aggregate reports and the SQL store from the records that analyze wrote.",
            "From OUT/articles/*.json it writes OUT/aggregates/report.json, OUT/csv/*.csv,",
            "OUT/elasticsearch/bulk-*.ndjson, OUT/index.html and OUT/html/ (one page per article), and loads",
            "the records into the SQL store (OUT/narrative-watch.sqlite unless --db or --no-db).",
            "See docs/reports.md and docs/store.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every record was read",
            "1:some records were unreadable and left out; everything else was written",
            "2:usage error",
            "3:fatal error (input folder missing, output folder unusable or in use by another command)"})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "DIR",
            description = "Folder of per-article JSON records. Default: OUT/articles")
    Path from;

    @Option(names = {"-o", "--out"}, paramLabel = "OUT", defaultValue = "reports",
            description = "Report folder (not -: that is standard output). Default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--top-evidence", paramLabel = "K",
            description = "Evidence sentences kept per narrative. Default: 10")
    int topEvidence = ReportJob.Options.DEFAULTS.topEvidence();

    @Option(names = "--no-article-pages", negatable = true, defaultValue = "true",
            description = "Write (or skip) one HTML page per article under OUT/html/articles/. Default: on.")
    boolean articlePages = true;

    @Option(names = "--index-prefix", paramLabel = "PREFIX",
            description = "Prefix of the Elasticsearch index names (PREFIX-articles, PREFIX-evidence). Default: narrative-watch")
    String indexPrefix = ReportJob.Options.DEFAULTS.indexPrefix();

    @Option(names = {"-q", "--quiet"}, description = "Do not print the summary lines (they are shown only on a terminal anyway).")
    boolean quiet;

    @Mixin
    StoreOptions stores;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        if (topEvidence < 0) {
            throw new ParameterException(spec.commandLine(), "--top-evidence must not be negative");
        }
        if (!indexPrefix.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new ParameterException(spec.commandLine(),
                    "--index-prefix must be lower case letters, digits, '.', '_' or '-' (an Elasticsearch index name)");
        }
        OutputPaths.refuseStandardOutput(spec.commandLine(), "--out", out.toString(),
                "the report folder cannot be standard output");
        Path records = from != null ? from : out.resolve(AnalyzeJob.ARTICLES_DIR);
        stores.validate(out, from == null ? List.of() : List.of(new OutputPaths.Read("--from", from)));
        ReportJob.requireRecordsFolder(records); // before OUT is made: a mistyped folder leaves nothing behind
        // Made and locked before anything in OUT is written or deleted: an analyze or report run
        // writing into OUT at the same time would lose its files. The embedded store goes there too.
        try (OutputFolderLock lock = OutputFolderLock.acquire(out)) {
            stores.check(out);
            // Put in place last, after the store: a run killed before leaves the previous reports whole.
            try (ReportJob.Prepared report = new ReportJob(new ReportJob.Options(topEvidence, articlePages,
                    indexPrefix), System.err).prepare(records, out)) {
                ReportJob.Result r = report.result();
                boolean silent = quiet || !TerminalProgress.stderrIsTerminal(); // logs on stderr only for a person watching
                if (!silent) {
                    System.err.printf(Locale.ROOT, "report: %d articles (%d with narratives, %d unreadable files) in %.1f s -> %s%n",
                            r.articles(), r.withNarratives(), r.unreadable(), r.wallSeconds(),
                            out.resolve(ReportJob.INDEX_HTML));
                }
                stores.writeReport(records, out, started, silent, System.err);
                report.commit();
                return r.unreadable() > 0 ? ExitCodes.SOME_INPUTS_FAILED : ExitCodes.OK;
            }
        }
    }
}
