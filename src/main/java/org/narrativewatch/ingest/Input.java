package org.narrativewatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One input to read: a file, or standard input ("-").
 *
 * @param name         the name shown in messages and error records, as the user can find it
 * @param idBase       the base for ids of articles that bring none: the path relative to the
 *                     directory the user named, without extension
 * @param path         the file, or null for standard input
 * @param extension    lower-case file extension that selects the reader ("txt", "jsonl", ...)
 */
public record Input(String name, String idBase, Path path, String extension) {

    public static final String STDIN = "-";

    public InputStream open() throws IOException {
        return path == null ? System.in : Files.newInputStream(path);
    }

    public boolean isStdin() {
        return path == null;
    }
}
