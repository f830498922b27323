package org.narrativewatch.ingest;

import java.io.IOException;

/** The input cannot be read as articles; the message says why, in words for the user. */
public class BadInputException extends IOException {
    public BadInputException(String message) {
        super(message);
    }
}
