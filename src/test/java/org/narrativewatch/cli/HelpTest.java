package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command answers --help and help COMMAND..., and the summary a parent lists for it is a whole sentence. */
class HelpTest {
    /** What a command line printed and returned. */
    private record Run(int code, String out, String err) {
        String[] errLines() {
            return err.strip().split("\\R");
        }
    }

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * A fatal error is its reason: a Spark job that failed quotes its task's stack trace in its
     * message (audit 11a #7), which is left out; a reason of several lines keeps them.
     */
    @Test
    void aFatalErrorIsItsReasonWithoutAQuotedStackTrace() {
        String sparkFailure = "Job aborted due to stage failure: Task 0 in stage 0.0 failed 1 times, most recent "
                + "failure: Lost task 0.0 in stage 0.0 (TID 0) (192.0.2.2 executor driver): "
                + "java.io.UncheckedIOException: cannot load models: no such file: my-entities.yaml\n"
                + "\tat org.narrativewatch.spark.ExecutorModels.lambda$get$0(ExecutorModels.java:29)\n"
                + "\tat java.base/java.util.concurrent.ConcurrentHashMap.computeIfAbsent(ConcurrentHashMap.java:1708)\n";
        assertEquals(sparkFailure.lines().findFirst().orElseThrow(), Main.describe(new RuntimeException(sparkFailure)));
        String problems = "narrative catalog my.yaml has 2 problem(s):\n  my.yaml:3: no id\n  my.yaml:9: no id";
        assertEquals(problems, Main.describe(new java.io.IOException(problems)));
    }

    @Test
    void everyCommandAnswersHelpWithItsExitCodes() {
        for (List<String> path : commandPaths(new CommandLine(new Main()), new ArrayList<>())) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Run help = run(args);
            assertEquals(0, help.code(), String.join(" ", args) + " exits " + help.code() + ": " + help.err());
            String usage = String.join(" ", args) + " printed: " + help.out();
            assertTrue(help.out().contains(String.join(" ", prepend("Usage: narrative-watch", path))), usage);
            assertTrue(help.out().contains("Exit codes:"), usage);
            assertEquals("", help.err(), String.join(" ", args) + " wrote to stderr");
        }
    }

    @Test
    void helpShowsTheHelpOfAnyCommandNestedOrNot() {
        for (List<String> path : commandPaths(new CommandLine(new Main()), new ArrayList<>())) {
            List<String> options = new ArrayList<>(path);
            options.add("--help");
            Run help = run(prepend("help", path));
            assertEquals(0, help.code(), "help " + String.join(" ", path) + ": " + help.err());
            assertEquals(run(options).out(), help.out(), "help " + String.join(" ", path));
            assertEquals("", help.err());
        }
    }

    /** A script that logs {@code narrative-watch analyze --version} records the version, as for the top level. */
    @Test
    void everyCommandWhoseHelpOffersTheVersionPrintsIt() {
        String version = run(List.of("--version")).out();
        assertTrue(version.startsWith("narrative-watch "), version);
        int offered = 0;
        for (List<String> path : commandPaths(new CommandLine(new Main()), new ArrayList<>())) {
            List<String> help = new ArrayList<>(path);
            help.add("--help");
            if (!run(help).out().contains("-V, --version")) {
                continue;
            }
            offered++;
            for (String option : List.of("--version", "-V")) {
                List<String> args = new ArrayList<>(path);
                args.add(option);
                Run printed = run(args);
                assertEquals(0, printed.code(), String.join(" ", args) + ": " + printed.err());
                assertEquals(version, printed.out(), String.join(" ", args));
            }
        }
        assertTrue(offered >= 14, "commands whose help offers --version: " + offered);
    }

    @Test
    void helpOfAnUnknownCommandIsAUsageErrorNamingWhatThereIs() {
        Run nested = run(List.of("help", "narratives", "tst"));
        assertEquals(ExitCodes.USAGE, nested.code());
        assertEquals("", nested.out());
        assertEquals(List.of("narrative-watch: unknown command 'narratives tst'; 'narrative-watch narratives' has list, "
                        + "validate, test, export", "Try 'narrative-watch narratives --help' for more information."),
                List.of(nested.errLines()));

        Run beyondALeaf = run(List.of("help", "entities", "list", "all"));
        assertEquals(ExitCodes.USAGE, beyondALeaf.code());
        assertEquals(List.of("narrative-watch: unknown command 'entities list all'; 'narrative-watch entities list' has "
                        + "no subcommands", "Try 'narrative-watch entities list --help' for more information."),
                List.of(beyondALeaf.errLines()));

        Run topLevel = run(List.of("help", "analyse"));
        assertEquals(ExitCodes.USAGE, topLevel.code());
        assertTrue(topLevel.errLines()[0].startsWith("narrative-watch: unknown command 'analyse'; 'narrative-watch' "
                + "has analyze, report, "), topLevel.err());
        assertEquals("Try 'narrative-watch --help' for more information.", topLevel.errLines()[1]);
    }

    /**
     * Picocli lets its help command through with options it does not know (audit 8a: help -x, help
     * --tokens printed the help, exit 0); they are a usage error as for any command. -V is not one:
     * help has --version too (README: every command has).
     */
    @Test
    void anUnknownOptionOfHelpIsAUsageErrorAndItsVersionOptionPrintsTheVersion() {
        for (List<String> args : List.of(List.of("help", "-x"), List.of("help", "analyze", "--tokens"))) {
            Run run = run(args);
            assertEquals(ExitCodes.USAGE, run.code(), args + ": " + run.out());
            assertEquals("", run.out(), args.toString());
            assertEquals("narrative-watch: Unknown option: '" + args.get(args.size() - 1) + "'", run.errLines()[0]);
            assertEquals("Try 'narrative-watch help --help' for more information.",
                    run.errLines()[run.errLines().length - 1]);
        }
        String version = run(List.of("--version")).out();
        for (String option : List.of("-V", "--version")) {
            Run run = run(List.of("help", option));
            assertEquals(0, run.code(), run.err());
            assertEquals(version, run.out());
        }
        assertTrue(run(List.of("help", "--help")).out().contains("-V, --version"));
    }

    @Test
    void aUsageErrorIsOneLineAndAHintNotTheWholeHelp() {
        Run run = run(List.of("analyze", "--threds"));
        assertEquals(ExitCodes.USAGE, run.code());
        assertEquals("", run.out());
        String[] lines = run.errLines();
        assertEquals("narrative-watch: Unknown option: '--threds'", lines[0], run.err());
        assertTrue(run.err().contains("--threads"), "suggests the option meant: " + run.err());
        assertEquals("Try 'narrative-watch analyze --help' for more information.", lines[lines.length - 1]);
        assertTrue(lines.length <= 4, run.err());
    }

    /** Usage errors that nested commands find after parsing, when they run, and one the parser finds. */
    @Test
    void theHintOfAUsageErrorNamesTheNestedCommandThatRan() {
        Map<List<String>, String> commandOf = Map.of(
                List.of("entities", "list", "--type", "country"), "narrative-watch entities list",
                List.of("evaluate", "entities", "--gold", "gold.jsonl", "--errors", "-1"), "narrative-watch evaluate entities",
                List.of("evaluate", "narratives", "--gold", "gold.csv", "--min-macro-f1", "2"),
                "narrative-watch evaluate narratives",
                List.of("narratives", "list", "--entities", "e.yaml"), "narrative-watch narratives list");
        commandOf.forEach((args, command) -> {
            Run run = run(args);
            assertEquals(ExitCodes.USAGE, run.code(), String.join(" ", args) + ": " + run.err());
            String[] lines = run.errLines();
            assertEquals("Try '" + command + " --help' for more information.", lines[lines.length - 1],
                    String.join(" ", args));
            assertTrue(lines.length <= 4, run.err());
        });
    }

    @Test
    void theSummaryOfEveryCommandInItsParentsListIsAWholeSentence() {
        for (List<String> path : commandPaths(new CommandLine(new Main()), new ArrayList<>())) {
            if (path.isEmpty()) {
                continue;
            }
            CommandLine command = new CommandLine(new Main());
            for (String name : path) {
                command = command.getSubcommands().get(name);
            }
            String[] description = command.getCommandSpec().usageMessage().description();
            assertTrue(description.length > 0 && description[0].strip().endsWith("."),
                    String.join(" ", path) + ": the first description line is what the command list shows, so it must"
                            + " be a whole sentence: " + (description.length > 0 ? description[0] : "(none)"));
        }
    }

    @Test
    void theTopLevelExitCodeForAFailedCheckNamesEveryThresholdOption() {
        String checkFailed = run(List.of("--help")).out().lines().filter(l -> l.strip().startsWith("4")).findFirst().orElse("");
        List<String> thresholds = new ArrayList<>();
        for (List<String> path : commandPaths(new CommandLine(new Main()), new ArrayList<>())) {
            CommandLine command = new CommandLine(new Main());
            for (String name : path) {
                command = command.getSubcommands().get(name);
            }
            command.getCommandSpec().options().forEach(o -> {
                for (String name : o.names()) {
                    if (name.startsWith("--min-") && !thresholds.contains(name)) {
                        thresholds.add(name);
                    }
                }
            });
        }
        assertTrue(thresholds.size() >= 2, "threshold options: " + thresholds);
        for (String option : thresholds) {
            assertTrue(checkFailed.contains(option), "narrative-watch --help, exit code 4, should name " + option
                    + ", a command exits 4 below it: " + checkFailed);
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** The name path of every command in the tree, the root (empty path) included. */
    private static List<List<String>> commandPaths(CommandLine command, List<String> path) {
        List<List<String>> paths = new ArrayList<>();
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) {
                return; // an alias of a command already listed
            }
            List<String> child = new ArrayList<>(path);
            child.add(name);
            paths.addAll(commandPaths(sub, child));
        });
        return paths;
    }
}
