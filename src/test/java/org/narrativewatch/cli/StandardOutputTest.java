package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.Printed;

/**
 * A command whose standard output cannot be written (a full disk, as {@code > /dev/full}) fails
 * with exit code 3 and says so, rather than exiting 0 with its output lost.
 */
class StandardOutputTest {
    private static final Path FULL_DISK = Path.of("/dev/full");

    @TempDir
    Path tmp;

    /** Commands that print their results, or what was asked for, on stdout. */
    private List<List<String>> printingCommands() throws IOException {
        Path gold = Files.writeString(tmp.resolve("gold.jsonl"),
                "{\"id\": \"a\", \"text\": \"There was a coup in Kyiv in 2014.\", \"labels\": [\"Coup\"]}\n");
        return List.of(List.of("narratives", "list"), List.of("narratives", "validate"), List.of("entities", "list"),
                List.of("evaluate", "narratives", "--gold", gold.toString()), List.of("--version"),
                List.of("analyze", "--help"));
    }

    @Test
    void aCommandWhoseOutputCannotBeWrittenFailsAndSaysSo() throws IOException {
        assumeTrue(Files.exists(FULL_DISK), "no /dev/full on this system");
        for (List<String> command : printingCommands()) {
            String[] args = command.toArray(String[]::new);
            Path file = tmp.resolve("stdout.txt");
            Printed written = Printed.runWithStdoutTo(file, args);
            assertEquals(ExitCodes.OK, written.code(), command + ": " + written.stderr());
            assertTrue(Files.size(file) > 0, command + " printed nothing");

            Printed lost = Printed.runWithStdoutTo(FULL_DISK, args);
            assertEquals(ExitCodes.FATAL, lost.code(), command + ": " + lost.stderr());
            assertTrue(lost.stderr().endsWith("narrative-watch: cannot write to standard output"
                    + System.lineSeparator()), command + ": " + lost.stderr());
        }
    }
}
