package org.narrativewatch.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a reader (or a run killed half-way) sees either the old file or the
 * complete new one: write a temporary file in the same folder, then rename it over the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    private static final String TEMP_SUFFIX = ".tmp";

    public static void write(Path target, byte[] content) throws IOException {
        Path tmp = temporaryFor(target);
        try {
            Files.write(tmp, content);
            replace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A new temporary file beside {@code target}, for content that {@link #replace} later puts in place. */
    public static Path temporaryFor(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return Files.createTempFile(dir, "." + target.getFileName(), TEMP_SUFFIX);
    }

    /** Renames a finished temporary file over the target in one step. */
    public static void replace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the temporary files a killed run left in {@code dir}; returns how many. */
    public static int removeLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "." + "*" + TEMP_SUFFIX)) {
            for (Path f : files) {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(f);
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * The path of {@code name} inside {@code dir}, refusing any name that would lead outside it
     * or is no plain file name: separators, "." or "..", NUL, empty.
     */
    public static Path inside(Path dir, String name) {
        Path base = dir.toAbsolutePath().normalize();
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")
                || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("refusing to write outside " + dir + ": " + name);
        }
        Path resolved = base.resolve(name).normalize();
        if (!base.equals(resolved.getParent())) {
            throw new IllegalArgumentException("refusing to write outside " + dir + ": " + name);
        }
        return resolved;
    }
}
