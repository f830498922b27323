package org.narrativewatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToIntFunction;
import org.narrativewatch.cli.Main;

/**
 * What a command run in this JVM printed on standard output and error, and its exit code. Some commands
 * print to {@code System.out} and {@code System.err} directly, so both are captured for the run.
 */
public record Printed(int code, String stdout, String stderr) {
    /** Runs {@code narrative-watch ARGS} as {@link Main#run(String...)} does. */
    public static Printed run(String... args) {
        return run(Main::run, args);
    }

    /** Runs another command line the same way, such as the Spark job's ({@code SparkMain::run}). */
    public static Printed run(ToIntFunction<String[]> command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Printed run = run(command, out, args);
        return new Printed(run.code(), out.toString(StandardCharsets.UTF_8), run.stderr());
    }

    /**
     * Runs {@code narrative-watch ARGS > FILE} as a shell would: standard output goes to {@code file}
     * ({@code /dev/full} stands for a full disk), and {@link #stdout()} is empty.
     */
    public static Printed runWithStdoutTo(Path file, String... args) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return run(Main::run, out, args);
        }
    }

    /** Runs with standard output into {@code stdout}: only the exit code and stderr are returned. */
    private static Printed run(ToIntFunction<String[]> command, OutputStream stdout, String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = command.applyAsInt(args);
            return new Printed(code, "", err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }
}
