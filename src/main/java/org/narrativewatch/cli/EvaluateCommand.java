package org.narrativewatch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code narrative-watch evaluate <what>}: scores a layer of the pipeline against labelled data. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Scores the pipeline against labelled or hand-annotated gold sets; prints JSON on stdout.",
        subcommands = {EvaluateEntitiesCommand.class, EvaluateNarrativesCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:scored", "1:scored, some gold lines skipped (evaluate narratives)",
            "2:usage error (no or unknown subcommand)", "3:a gold file, catalog or model cannot be read",
            "4:a score is below the required minimum"})
final class EvaluateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** The options every evaluation shares: a count of errors to list (0 or more) and a minimum F1 (0 to 1). */
    static void checkScoreOptions(picocli.CommandLine cli, int errors, String minOption, Double min) {
        if (errors < 0) {
            throw new ParameterException(cli, "--errors must be 0 or more, not " + errors);
        }
        if (min != null && !(min >= 0 && min <= 1)) {
            throw new ParameterException(cli, minOption + " is an F1 score between 0 and 1, not " + min);
        }
    }

    /**
     * Whether a printed score (four decimals, as the JSON shows it) is below the required minimum, and
     * if so says which score on stderr: a floor copied from the output must pass on an unchanged tool,
     * and an exit 4 must say what failed.
     */
    static boolean below(picocli.CommandLine cli, String score, double printed, String minOption, Double min) {
        if (min == null || printed >= min) {
            return false;
        }
        cli.getErr().println("narrative-watch: " + score + " " + printed + " is below " + minOption + " " + min);
        return true;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name what to evaluate: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
