package org.narrativewatch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.Printed;
import org.narrativewatch.TestData;
import org.narrativewatch.cli.ExitCodes;

/** The Spark job's command line, checked before a Spark session starts. */
class SparkMainTest {
    @TempDir
    Path tmp;

    /** As for analyze: "-" is standard output, which cannot hold the job's output folder; ./- names a folder "-". */
    @Test
    void anOutputFolderNamedDashIsAUsageError() throws Exception {
        Path in = Files.writeString(tmp.resolve("a.txt"), "Moscow talks\n\nThe Kremlin said on Tuesday that it would "
                + "join talks in Istanbul.\n");
        Printed run = Printed.run(SparkMain::run, in.toString(), "--out", "-");
        assertEquals(ExitCodes.USAGE, run.code(), run.stderr());
        assertTrue(run.stderr().contains("--out -: the output folder cannot be standard output; to name a file or "
                + "folder called -, write ./-"), run.stderr());
        assertFalse(Files.exists(Path.of("-")), "no folder called - in the working folder");
    }

    /** As for analyze (audit 11a #8): a usage error is one line and a hint, not the whole help. */
    @Test
    void aUsageErrorIsOneLineAndAHint() throws Exception {
        Path in = Files.copy(TestData.shared().resolve("ptc/articles/article111111112.txt"), tmp.resolve("one.txt"));
        Printed missing = Printed.run(SparkMain::run, in.toString());
        assertEquals(ExitCodes.USAGE, missing.code(), missing.stderr());
        assertEquals(List.of("narrative-watch-spark: Missing required option: '--out=OUT'",
                "Try 'narrative-watch-spark --help' for more information."), missing.stderr().lines().toList());

        Printed mistyped = Printed.run(SparkMain::run, in.toString(), "--out", tmp.resolve("x").toString(),
                "--partitons", "2");
        assertEquals(ExitCodes.USAGE, mistyped.code(), mistyped.stderr());
        assertTrue(mistyped.stderr().startsWith("narrative-watch-spark: Unknown option: '--partitons'"),
                mistyped.stderr());
        assertTrue(mistyped.stderr().contains("--partitions"), "the option meant: " + mistyped.stderr());
        assertTrue(mistyped.stderr().lines().count() <= 4, mistyped.stderr());

        Printed help = Printed.run(SparkMain::run, "--help");
        assertEquals(ExitCodes.OK, help.code());
        assertTrue(help.stdout().contains("Exit codes:"), "the full help is --help: " + help.stdout());
    }

    /**
     * A catalog that does not load (audit 11a #7) is found on the driver before Spark starts, and
     * reported as analyze reports it: one line, exit code 3, nothing written.
     */
    @Test
    void aCatalogThatDoesNotLoadIsAOneLineFatalErrorBeforeSparkStarts() throws Exception {
        Path in = Files.copy(TestData.shared().resolve("ptc/articles/article111111112.txt"), tmp.resolve("one.txt"));
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "entities:\n  - id: [unclosed\n");
        Path out = tmp.resolve("out");
        Printed spark = Printed.run(SparkMain::run, in.toString(), "--out", out.toString(), "--entities", bad.toString());
        Printed cli = Printed.run("analyze", in.toString(), "--out", tmp.resolve("cli").toString(), "--no-db",
                "--entities", bad.toString());
        assertEquals(ExitCodes.FATAL, cli.code(), cli.stderr());
        assertEquals(ExitCodes.FATAL, spark.code(), spark.stderr());
        assertTrue(cli.stderr().startsWith("narrative-watch: entity catalog " + bad + " has 1 problem(s), first: "),
                cli.stderr());
        assertEquals(cli.stderr().replace("narrative-watch:", "narrative-watch-spark:"), spark.stderr());
        assertFalse(Files.exists(out), "Spark never started");
    }
}
