package org.narrativewatch.job;

import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Origin;
import org.narrativewatch.ingest.InputError;

/**
 * One line of errors.jsonl: an input, line or article that produced no output, and why.
 *
 * @param stage "read" for inputs that could not be read, else the pipeline stage that failed
 */
public record ErrorRecord(String file, long line, String article, String stage, String reason) {

    /** The error as analyze prints it, located as {@link InputError#message()} locates it: {@code file:line: reason}. */
    public String message() {
        return new Origin(file, line) + ": " + reason;
    }

    /** An input, or a line or row of it, that could not be read as an article. */
    public static ErrorRecord readFailed(InputError error) {
        return new ErrorRecord(error.file(), error.line(), null, "read", error.reason());
    }

    /** An article whose analysis threw; the rest of the run goes on. */
    public static ErrorRecord analysisFailed(Article article, Throwable failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new ErrorRecord(article.origin().file(), article.origin().line(), article.id(), "analyze",
                "analysis failed: " + reason);
    }
}
