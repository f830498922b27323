package org.narrativewatch.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The worker thread count of every command that analyses articles in parallel. */
final class ThreadOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "Worker threads. Default: the number of cores.")
    Integer threads;

    /** {@code --threads}, else the number of cores; a usage error when it is below 1. */
    int workers() {
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        return workers;
    }
}
