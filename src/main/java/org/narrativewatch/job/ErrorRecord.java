package org.narrativewatch.job;

/**
 * One line of errors.jsonl: an input, line or article that produced no output, and why.
 *
 * @param stage "read" for inputs that could not be read, else the pipeline stage that failed
 */
public record ErrorRecord(String file, long line, String article, String stage, String reason) {
}
