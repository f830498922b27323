package org.narrativewatch.ingest;

import java.io.IOException;

/**
 * The input cannot be read as articles (from {@code line} on, when that is known; else 0); the
 * message says why, in words for the user.
 */
public class BadInputException extends IOException {
    private final long line;
    private final boolean stoppedPartWay;

    public BadInputException(String message) {
        this(message, 0);
    }

    public BadInputException(String message, long line) {
        this(message, line, false);
    }

    private BadInputException(String message, long line, boolean stoppedPartWay) {
        super(message);
        this.line = line;
        this.stoppedPartWay = stoppedPartWay;
    }

    /**
     * Reading stopped at {@code line}: what came before it was read, what follows was not, so
     * the articles the rest of the input holds are unknown.
     */
    public static BadInputException stoppedAt(String message, long line) {
        return new BadInputException(message, line, true);
    }

    public long line() {
        return line;
    }

    /** True when part of the input was never read (see {@link #stoppedAt}). */
    public boolean stoppedPartWay() {
        return stoppedPartWay;
    }
}
