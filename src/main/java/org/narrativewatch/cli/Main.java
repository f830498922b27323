package org.narrativewatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The narrative-watch command line: wires the stages together, one subcommand per job. */
@Command(name = "narrative-watch", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Tags tracked entities and propaganda narratives in news articles.",
        subcommands = {AnalyzeCommand.class, ReportCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:everything was processed",
            "1:some inputs failed (see errors.jsonl); everything else was written",
            "2:usage error",
            "3:fatal error (model, catalog or output folder unusable)",
            "4:a check failed (validate, test)"})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("narrative-watch: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCodes.FATAL;
        });
        return cli.execute(args);
    }
}
