package org.narrativewatch.doc;

/**
 * Where an article came from: the input file as the user named it ("-" for stdin) and, for
 * formats with one article per line or row, the 1-based line number (0 when not applicable).
 */
public record Origin(String file, long line) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
