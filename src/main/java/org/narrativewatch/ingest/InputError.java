package org.narrativewatch.ingest;

/** An input (or one line or row of it) that could not become an article, and why. */
public record InputError(String file, long line, String reason) {
}
