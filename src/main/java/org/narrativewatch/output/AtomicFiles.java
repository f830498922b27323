package org.narrativewatch.output;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader (or a run killed half-way) sees either the old file or the
 * complete new one: write a temporary file in the same folder, then rename it over the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    private static final String TEMP_SUFFIX = ".tmp";

    public static void write(Path target, byte[] content) throws IOException {
        try (Pending file = new Pending(target, 0)) {
            file.stream().write(content);
            file.commit();
        }
    }

    /**
     * Opens a file to be written piece by piece: nothing is visible at {@code target} until
     * {@link Pending#commit()}; closing without a commit throws the partial file away.
     */
    public static Pending open(Path target) throws IOException {
        return new Pending(target, 1 << 16);
    }

    /**
     * A new, empty temporary file beside {@code target} (".name.RANDOM.tmp", which
     * {@link #removeLeftovers} recognises), for content that {@link #replace} later puts in place.
     * Not Files.createTempFile: its files are private (0600), and the rename would keep that,
     * leaving reports that a web server or a colleague cannot read; a plain new file gets the
     * usual permissions (umask).
     */
    public static Path temporaryFor(Path target) throws IOException {
        Opened opened = createTemporary(target);
        opened.out().close();
        return opened.tmp();
    }

    /** A temporary file name beside {@code target}, which {@link #removeLeftovers} recognises. */
    static Path temporaryName(Path target) {
        return target.toAbsolutePath().resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
    }

    /**
     * Creates and opens a temporary file beside {@code target} with one system call (open with
     * O_CREAT|O_EXCL), looking for the folder only when it is missing: for a million tiny articles
     * the system calls per file are most of the cost.
     */
    private static Opened createTemporary(Path target) throws IOException {
        while (true) {
            Path tmp = temporaryName(target);
            try {
                return new Opened(tmp, Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
            } catch (FileAlreadyExistsException e) {
                // another writer drew the same name: draw again
            } catch (NoSuchFileException e) {
                Files.createDirectories(tmp.getParent());
            } catch (FileSystemException e) {
                throw naming(target, e);
            }
        }
    }

    /**
     * The same failure (permission denied, a read-only file system, a target that is a folder), but
     * naming the file the caller gave rather than the hidden temporary one beside it, which the user
     * never named and cannot find.
     */
    private static FileSystemException naming(Path target, FileSystemException e) {
        FileSystemException named = e instanceof AccessDeniedException
                ? new AccessDeniedException(target.toString(), null, e.getReason())
                : new FileSystemException(target.toString(), null, e.getReason());
        named.initCause(e);
        return named;
    }

    /**
     * Renames a finished temporary file over the target in one step. A file it replaces passes on its
     * permissions: a file the user made private (chmod 600, the --jsonl file in a shared folder) stays so.
     */
    public static void replace(Path tmp, Path target) throws IOException {
        keepPermissions(tmp, target);
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileSystemException e) {
            throw naming(target, e);
        }
    }

    /**
     * Gives {@code tmp} the POSIX permissions of {@code target}, if that exists. java.io's exists() is one
     * stat with no exception for the usual case, a new file (a million records in a first run).
     */
    private static void keepPermissions(Path tmp, Path target) throws IOException {
        if (!target.toFile().exists()) {
            return;
        }
        try {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        } catch (UnsupportedOperationException e) {
            // a file system without POSIX permissions: the new file has its default ones
        } catch (NoSuchFileException e) {
            // the target went in the meantime: nothing to pass on
        } catch (FileSystemException e) {
            throw naming(target, e);
        }
    }

    /** Deletes the temporary files a killed run left in {@code dir}, a folder only this tool writes; returns how many. */
    public static int removeLeftovers(Path dir) throws IOException {
        return removeLeftovers(dir, name -> name.startsWith(".") && name.endsWith(TEMP_SUFFIX));
    }

    /**
     * Deletes the temporary files a killed run left beside {@code target} for it, and only those:
     * the folder may be the user's ({@code --jsonl ~/all.jsonl}, {@code --out .}), where a hidden
     * ".tmp" file of another program is none of this tool's business. Returns how many.
     */
    public static int removeLeftoversOf(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        return removeLeftovers(target.toAbsolutePath().getParent(), name -> name.startsWith(prefix)
                && name.substring(prefix.length()).matches("[0-9a-f]{1,16}" + Pattern.quote(TEMP_SUFFIX)));
    }

    private static int removeLeftovers(Path dir, Predicate<String> temporary) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                f -> temporary.test(f.getFileName().toString()))) {
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

    private record Opened(Path tmp, OutputStream out) {
    }

    /** A file being written to a temporary name beside its target. */
    public static final class Pending implements Closeable {
        private final Path target;
        private final Path tmp;
        private final OutputStream out;
        /** The set that puts the file in place with others, or null to rename it on {@link #commit()}. */
        private final AtomicFileSet set;
        private boolean committed;

        /** {@code buffer}: bytes to buffer, 0 for content written in one piece. */
        private Pending(Path target, int buffer) throws IOException {
            this(target, buffer, null);
        }

        Pending(Path target, int buffer, AtomicFileSet set) throws IOException {
            Opened opened = createTemporary(target);
            this.target = target;
            this.tmp = opened.tmp();
            this.out = buffer > 0 ? new BufferedOutputStream(opened.out(), buffer) : opened.out();
            this.set = set;
        }

        public OutputStream stream() {
            return out;
        }

        /**
         * Closes the stream and moves the file into place, or, for a file of an {@link AtomicFileSet},
         * hands it to the set, which moves it with the others.
         */
        public void commit() throws IOException {
            out.close();
            if (set == null) {
                replace(tmp, target);
            } else {
                set.add(target, tmp);
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
