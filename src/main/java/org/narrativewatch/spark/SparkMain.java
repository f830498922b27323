package org.narrativewatch.spark;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.narrativewatch.cli.ExitCodes;
import org.narrativewatch.cli.InputOptions;
import org.narrativewatch.cli.Main;
import org.narrativewatch.cli.ModelOptions;
import org.narrativewatch.cli.OutputPaths;
import org.narrativewatch.pipeline.Models;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Entry point for {@code spark-submit --class org.narrativewatch.spark.SparkMain}: the analyze
 * command on a Spark cluster. The master, executors and memory come from spark-submit.
 */
@Command(name = "narrative-watch-spark", mixinStandardHelpOptions = true,
        description = {
            "Analyses articles on a Spark cluster with the same pipeline as `narrative-watch analyze`.",
            "Writes OUT/articles.jsonl/, OUT/articles.parquet/, OUT/errors.jsonl/ and OUT/summary.json.",
            "Inputs: files or folders on any Hadoop file system (.txt, .html/.htm, .json, .jsonl, .csv, .parquet)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all inputs processed",
            "1:some inputs failed (see OUT/errors.jsonl); everything else was written",
            "2:usage error",
            "3:fatal error (Spark, models or output unusable)"})
public final class SparkMain implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "Files or folders (searched recursively), as Hadoop paths: hdfs://, s3a://, file:/ or relative.")
    List<String> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "OUT", required = true,
            description = "Output folder (a Hadoop path); its datasets are replaced.")
    String out;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Tasks to split the inputs into. Default: four per core of the cluster.")
    int partitions;

    @Option(names = "--tokens", description = "Also write the token layer (offsets, POS, lemma) into each record.")
    boolean tokens;

    @Mixin
    InputOptions inputOptions;

    @Mixin
    ModelOptions models;

    public static void main(String[] args) {
        // No System.exit on success: spark-submit (and a cluster manager) treats the end of main as the end of the job.
        int code = run(args);
        if (code != ExitCodes.OK) {
            System.exit(code);
        }
    }

    /** Runs the job's command line; its errors are reported as {@code analyze}'s are ({@link Main#withShortErrors}). */
    public static int run(String... args) {
        return Main.withShortErrors(new CommandLine(new SparkMain())).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        if (partitions < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--partitions must not be negative");
        }
        OutputPaths.refuseStandardOutput(spec.commandLine(), "--out", out,
                "the output folder cannot be standard output");
        inputOptions.check(spec.commandLine());
        JobOptions options = JobOptions.of(inputOptions.readOptions("txt"), models.pipelineOptions(), tokens, partitions);
        // Here, before Spark starts, rather than on the executors, where a broken catalog would fail every task.
        Models.checkCatalogs(options.pipelineOptions());
        SparkSession spark = SparkSession.builder().appName("narrative-watch").getOrCreate();
        try {
            SparkAnalyzeJob.Summary s = new SparkAnalyzeJob(spark, options).run(inputs, out);
            err.printf(Locale.ROOT, "narrative-watch-spark: analyzed %d articles (%d skipped, %d errors) in %.1f s -> %s%n",
                    s.analyzed(), s.skipped(), s.errors(), s.wallSeconds(), out);
            return s.errors() > 0 ? ExitCodes.SOME_INPUTS_FAILED : ExitCodes.OK;
        } finally {
            spark.stop();
        }
    }
}
