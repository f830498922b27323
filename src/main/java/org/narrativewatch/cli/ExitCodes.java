package org.narrativewatch.cli;

/** The documented exit codes of every command. */
public final class ExitCodes {
    /** Everything was processed. */
    public static final int OK = 0;
    /** Some inputs failed (see errors.jsonl); everything else was still written. */
    public static final int SOME_INPUTS_FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** Nothing useful could be done: a model or catalog failed to load, the output is not writable. */
    public static final int FATAL = 3;
    /** A check found problems (validate, test, evaluate below a required score). */
    public static final int CHECK_FAILED = 4;

    private ExitCodes() {
    }
}
