package org.narrativewatch.output;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader (or a run killed half-way) sees either the old file or the
 * complete new one: write a temporary file in the same folder, then rename it over the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        try (Pending file = open(target)) {
            file.stream().write(content);
            file.commit();
        }
    }

    /**
     * Opens a file to be written piece by piece: nothing is visible at {@code target} until
     * {@link Pending#commit()}; closing without a commit throws the partial file away.
     */
    public static Pending open(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its files are private (0600), and the rename would keep that,
        // leaving reports that a web server or a colleague cannot read. A plain new file gets the
        // usual permissions (umask).
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        return new Pending(target, tmp);
    }

    /** The path of {@code name} inside {@code dir}, refusing any name that would lead outside it. */
    public static Path inside(Path dir, String name) {
        Path base = dir.toAbsolutePath().normalize();
        Path resolved = base.resolve(name).normalize();
        if (!resolved.getParent().equals(base) || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("refusing to write outside " + dir + ": " + name);
        }
        return resolved;
    }

    /** A file being written to a temporary name beside its target. */
    public static final class Pending implements Closeable {
        private final Path target;
        private final Path tmp;
        private final OutputStream out;
        private boolean committed;

        private Pending(Path target, Path tmp) throws IOException {
            this.target = target;
            this.tmp = tmp;
            this.out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16);
        }

        public OutputStream stream() {
            return out;
        }

        /** Closes the stream and moves the file into place. */
        public void commit() throws IOException {
            out.close();
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                try {
                    out.close();
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        }
    }
}
