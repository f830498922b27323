package org.narrativewatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One input to read: a local file, standard input ("-"), or a file that only an {@link Opener}
 * can reach (a Spark task reading from HDFS or S3).
 *
 * @param name         the name shown in messages and error records, as the user can find it
 * @param relativePath the path relative to the folder the user named ('/'-separated; the file
 *                     name for a file named directly, "-" for standard input): what identifies
 *                     the input however the folder was spelled, and gives the {@link #idBase}
 * @param path         the local file, or null for standard input and remote files
 * @param extension    lower-case file extension that selects the reader ("txt", "jsonl", ...)
 * @param opener       opens the content
 */
public record Input(String name, String relativePath, Path path, String extension, Opener opener) {

    public static final String STDIN = "-";

    /** Opens an input's content; called once per read. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** Standard input, read in the given format. */
    public static Input stdin(String format) {
        return new Input(STDIN, STDIN, null, format, () -> System.in);
    }

    /**
     * A file the user reached through a folder they named (or named directly):
     * {@code relativePath} is its path below that folder with '/' separators (just the file name
     * for a file named directly), which gives the id base and the format. {@code path} is the
     * local file, or null when only {@code opener} can reach it.
     */
    public static Input file(String name, String relativePath, Path path, Opener opener) {
        int dot = extensionDot(relativePath);
        String extension = dot > 0 ? relativePath.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        return new Input(name, relativePath, path, extension, opener);
    }

    /**
     * The base for ids of articles that bring none: the relative path without extension, folders
     * joined by "__" ("stdin" for standard input).
     */
    public String idBase() {
        if (STDIN.equals(name)) {
            return "stdin";
        }
        int dot = extensionDot(relativePath);
        return (dot > 0 ? relativePath.substring(0, dot) : relativePath).replace("/", "__");
    }

    /** The index of the dot that starts the file name's extension, or -1 (none, or a name like ".x"). */
    private static int extensionDot(String relativePath) {
        int nameStart = relativePath.lastIndexOf('/') + 1;
        int dot = relativePath.lastIndexOf('.');
        return dot > nameStart ? dot : -1;
    }

    public InputStream open() throws IOException {
        return opener.open();
    }
}
