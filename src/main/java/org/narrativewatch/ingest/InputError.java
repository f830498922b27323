package org.narrativewatch.ingest;

import org.narrativewatch.doc.Origin;

/**
 * An input (or one line or row of it) that could not become an article, and why.
 *
 * @param unread true when the input, or a part of it, could not be read at all (missing, not
 *               readable, an I/O error, a folder that cannot be listed, reading stopped part way),
 *               so which articles it holds is unknown; false when it was read and found bad
 *               (empty, binary, mis-encoded, malformed, too large). Records of earlier runs are
 *               never removed as stale after a run with an unread input.
 */
public record InputError(String file, long line, String reason, boolean unread) {

    /** An input, line or row that was read and is not an article. */
    public InputError(String file, long line, String reason) {
        this(file, line, reason, false);
    }

    /**
     * The error as the commands print it: {@code file:line: reason}, or {@code file: reason} for a
     * whole input, so that the bad line of a large JSONL or CSV file can be found.
     */
    public String message() {
        return new Origin(file, line) + ": " + reason;
    }

    /** An input, or part of one, that could not be read: the articles it holds are unknown. */
    public static InputError unread(String file, long line, String reason) {
        return new InputError(file, line, reason, true);
    }
}
