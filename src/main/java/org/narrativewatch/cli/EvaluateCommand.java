package org.narrativewatch.cli;

import picocli.CommandLine.Command;

/** {@code narrative-watch evaluate ...}: scores a layer of the pipeline against labelled data. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Scores the pipeline against labelled data; prints a JSON report on stdout.",
        subcommands = {EvaluateNarrativesCommand.class})
final class EvaluateCommand {
}
