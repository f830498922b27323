package org.narrativewatch.ingest;

import java.io.IOException;

/**
 * The input cannot be read as articles (from {@code line} on, when that is known; else 0); the
 * message says why, in words for the user.
 */
public class BadInputException extends IOException {
    private final long line;

    public BadInputException(String message) {
        this(message, 0);
    }

    public BadInputException(String message, long line) {
        super(message);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
