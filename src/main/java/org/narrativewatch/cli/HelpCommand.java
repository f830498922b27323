package org.narrativewatch.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * {@code narrative-watch help [COMMAND...]}: the help of any command, nested ones included
 * ({@code help narratives test}); picocli's own help command looks one level down only.
 */
@Command(name = "help", helpCommand = true,
        description = {"Shows the help of a command: 'help narratives test' is 'narratives test --help'.",
            "Without COMMAND, the help of narrative-watch."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:help shown", "2:usage error (no such command, an unknown option)"})
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean helpRequested;

    /** As every command has (README), so that {@code help -V} is not taken for an unknown option. */
    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean versionRequested;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "The command whose help to show, with its subcommands (e.g. narratives test).")
    List<String> names = new ArrayList<>();

    private CommandLine self;
    private ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public void run() {
        // Picocli lets a help command through with arguments it does not know (help -x), which
        // would show the help as if they were not there: like any other command's, they are a usage error.
        if (!self.getUnmatchedArguments().isEmpty()) {
            throw new CommandLine.UnmatchedArgumentException(self, self.getUnmatchedArguments());
        }
        CommandLine command = self.getParent();
        for (int i = 0; i < names.size(); i++) {
            CommandLine subcommand = command.getSubcommands().get(names.get(i));
            if (subcommand == null) {
                throw new ParameterException(command, "unknown command '" + String.join(" ", names.subList(0, i + 1))
                        + "'; " + subcommandsOf(command));
            }
            command = subcommand;
        }
        command.usage(out, colors);
    }

    /** What the user could have typed instead, for the one line of a usage error. */
    private static String subcommandsOf(CommandLine command) {
        String name = "'" + command.getCommandSpec().qualifiedName() + "'";
        Set<String> subcommands = command.getSubcommands().keySet();
        return subcommands.isEmpty() ? name + " has no subcommands" : name + " has " + String.join(", ", subcommands);
    }
}
