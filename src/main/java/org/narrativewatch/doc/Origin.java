package org.narrativewatch.doc;

/**
 * Where an article came from: the input file as the user named it ("-" for stdin) and, for
 * formats with one article per line or row, the 1-based line number (0 when not applicable).
 * {@code relativePath} is the file's path relative to the folder the user named: it identifies
 * the input however that folder was spelled ({@code corpus} or {@code /data/corpus}), where
 * {@code file} does not. Records show {@code file} and {@code line}.
 */
public record Origin(String file, long line, String relativePath) {

    /** An origin known only by the name it was given: the name is all there is to identify it by. */
    public Origin(String file, long line) {
        this(file, line, file);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
