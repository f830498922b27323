package org.narrativewatch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code narrative-watch evaluate <what>}: scores a layer of the pipeline against labelled data. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Scores the pipeline against labelled or hand-annotated gold sets; prints JSON on stdout.",
        subcommands = {EvaluateEntitiesCommand.class, EvaluateNarrativesCommand.class})
final class EvaluateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name what to evaluate: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
