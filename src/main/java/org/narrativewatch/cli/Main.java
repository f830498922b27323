package org.narrativewatch.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.narrativewatch.output.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The narrative-watch command line: wires the stages together, one subcommand per job. Every
 * subcommand inherits the version (scope INHERIT), so {@code analyze --version}, which its help
 * offers, prints what {@code --version} does.
 */
@Command(name = "narrative-watch", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class, scope = CommandLine.ScopeType.INHERIT,
        description = "Tags tracked entities and propaganda narratives in news articles.",
        subcommands = {AnalyzeCommand.class, ReportCommand.class, EntitiesCommand.class, NarrativesCommand.class,
            EvaluateCommand.class, TrainTaggerCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:everything was processed",
            "1:some inputs failed (see errors.jsonl); everything else was written",
            "2:usage error",
            "3:fatal error (model, catalog or output folder unusable, or the output folder in use by another command)",
            "4:a check failed (validate, test, evaluate below --min-f1 or --min-macro-f1)"})
public final class Main {
    private static final Pattern QUOTED_STACK_TRACE = Pattern.compile("\\R\\s+at \\S+\\(");

    public static void main(String[] args) {
        fileNameCharsetWarning(System.getProperty("sun.jnu.encoding")).ifPresent(System.err::println);
        System.exit(run(args));
    }

    /**
     * The warning for a JVM that reads and writes file names in a charset other than UTF-8, or none. Java
     * takes that charset from the locale it starts under (sun.jnu.encoding), so under LANG=C a file named
     * "Größe.txt" can be neither opened nor written, and a folder's such files get other ids. The
     * ./narrative-watch launcher starts Java under a UTF-8 locale; {@code java -jar} cannot change it.
     */
    static Optional<String> fileNameCharsetWarning(String fileNameCharset) {
        if (fileNameCharset == null || fileNameCharset.replace("-", "").equalsIgnoreCase("UTF8")) {
            return Optional.empty();
        }
        return Optional.of("narrative-watch: warning: file names are read as " + fileNameCharset + ", not UTF-8, "
                + "because the locale is not a UTF-8 one (LANG=C?): files whose names are not ASCII cannot be read "
                + "or written. Run under a UTF-8 locale, e.g. LC_ALL=C.UTF-8 java -jar ..., or with ./narrative-watch, "
                + "which does.");
    }

    public static int run(String... args) {
        // What a command prints on standard output is data (a gazetteer to extend, a list to grep): UTF-8 as
        // the files it writes, not the locale's charset, which under LANG=C turns every non-ASCII name into "?".
        // (A PrintWriter made on the PrintStream itself still sees the writes it fails, as the run checks.)
        return run(new PrintWriter(System.out, true, StandardCharsets.UTF_8), new PrintWriter(System.err, true), args);
    }

    /** Runs a command line with the given standard output and error (for embedding and tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = withShortErrors(new CommandLine(new Main()).setOut(out).setErr(err));
        cli.registerConverter(Path.class, Main::path);
        try {
            int code = cli.execute(args);
            // A PrintWriter only notes a write that failed (a full disk, a closed pipe) and goes on: without
            // this, `narratives list > /dev/full` would exit 0 with its output lost. A run that failed
            // already (--jsonl - stops at the failed write) has said why.
            if (out.checkError() && code != ExitCodes.FATAL) {
                err.println("narrative-watch: " + StandardOutput.WRITE_FAILED);
                return ExitCodes.FATAL;
            }
            return code;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Makes a command line report errors as this one does, each line starting with its name (such
     * as {@code narrative-watch-spark:}): like grep and jq, a usage error is one line (with the option
     * meant, for a mistyped one) and a hint, not the whole help page; a fatal error is its reason in
     * words, exit code 3.
     */
    public static CommandLine withShortErrors(CommandLine cli) {
        String program = cli.getCommandName();
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine command = e.getCommandLine();
            PrintWriter errors = command.getErr();
            printError(errors, program, e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, errors);
            errors.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            printError(cmd.getErr(), program, describe(e));
            return ExitCodes.FATAL;
        });
        return cli;
    }

    /**
     * A path option's value. An empty one ({@code --out "$UNSET"}) is refused: Java reads it as
     * the current folder, where the command would then write or read unasked.
     */
    static Path path(String value) {
        if (value.isEmpty()) {
            throw new CommandLine.TypeConversionException("an empty path names no file or folder");
        }
        return Path.of(value);
    }

    /**
     * Prints a usage or fatal error. Its paths and values come from the command line, from folder
     * listings and from files, so control characters in them are shown as escapes rather than
     * sent to the terminal; a message of several lines (a catalog's problems, one a line) keeps
     * its lines.
     */
    private static void printError(PrintWriter err, String program, String message) {
        err.println((program + ": " + message).lines().map(TerminalText::printable)
                .collect(Collectors.joining(System.lineSeparator())));
    }

    /** A one-line reason for a fatal error, in words for the user. */
    static String describe(Exception e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
            // The whole name escaped: one with a line break in it is still one line.
            return "cannot use " + TerminalText.printable(String.valueOf(fs.getFile())) + ": "
                    + (fs.getReason() != null ? fs.getReason() : kind.toLowerCase());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getNextException() != null) {
                // A failed JDBC batch's own message quotes its first statement, cut short by the
                // driver; the database's reason is only in the next exception.
                return describe(sql.getNextException()) + " (" + message(sql) + ")";
            }
        }
        return message(e);
    }

    /**
     * The exception's message, without the stack trace that a Spark job's failure quotes from the
     * failed task (its lines start with a tab and "at "): the reason is in the lines before it.
     */
    private static String message(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return QUOTED_STACK_TRACE.split(message, 2)[0];
    }
}
