package org.narrativewatch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.Printed;
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
}
