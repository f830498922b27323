package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command answers --help, and the summary a parent lists for it is a whole sentence. */
class HelpTest {
    @Test
    void everyCommandAnswersHelpWithItsExitCodes() {
        for (List<String> path : commandPaths(new CommandLine(new Main()), new ArrayList<>())) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
            assertEquals(0, code, String.join(" ", args) + " exits " + code + ": " + err);
            String usage = String.join(" ", args) + " printed: " + out;
            assertTrue(out.toString().contains(String.join(" ", prepend("Usage: narrative-watch", path))), usage);
            if (!path.contains("help")) {
                assertTrue(out.toString().contains("Exit codes:"), usage);
            }
            assertEquals("", err.toString(), String.join(" ", args) + " wrote to stderr");
        }
    }

    @Test
    void aUsageErrorIsOneLineAndAHintNotTheWholeHelp() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "analyze", "--threds");
        assertEquals(ExitCodes.USAGE, code);
        assertEquals("", out.toString());
        String[] lines = err.toString().strip().split("\\R");
        assertEquals("narrative-watch: Unknown option: '--threds'", lines[0], err.toString());
        assertTrue(err.toString().contains("--threads"), "suggests the option meant: " + err);
        assertEquals("Try 'narrative-watch analyze --help' for more information.", lines[lines.length - 1]);
        assertTrue(lines.length <= 4, err.toString());
    }

    @Test
    void theSummaryOfEveryCommandInItsParentsListIsAWholeSentence() {
        for (List<String> path : commandPaths(new CommandLine(new Main()), new ArrayList<>())) {
            if (path.isEmpty() || path.get(path.size() - 1).equals("help")) {
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
        StringWriter out = new StringWriter();
        Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
        String checkFailed = out.toString().lines().filter(l -> l.strip().startsWith("4")).findFirst().orElse("");
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
