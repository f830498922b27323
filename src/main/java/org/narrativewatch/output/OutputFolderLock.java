package org.narrativewatch.output;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * An exclusive lock on an output folder for as long as a command writes into it. A run deletes the
 * temporary files a killed run left and the records it did not write; a second run into the same
 * folder at the same time would delete the first one's files under its feet. The lock is the
 * operating system's lock on the file {@value #FILE} in the folder: it is released when the
 * process ends, however it ends ({@code kill -9} included), so it is never left stale, and the
 * file itself stays (deleting it would let a third run lock a new file while a second still holds
 * the old one). A folder the lock had to create goes again when the command leaves nothing in it (a
 * catalog that fails to load): a failed command leaves no trace.
 *
 * <p>The lock belongs to the process: within one JVM a second attempt is refused too, but closing
 * that attempt's channel releases the first one's lock on POSIX systems. Each command of the tool
 * runs in its own process, so it keeps runs apart; code that embeds two runs into one folder at once
 * in one JVM is not protected.
 */
public final class OutputFolderLock implements Closeable {
    /** The lock file's name in the output folder: hidden, so no run reads it as an input. */
    public static final String FILE = ".narrative-watch.lock";

    private final FileChannel channel;
    private final Path folder;
    /** The outermost folder that {@link #acquire} created (the output folder or a parent of it), or null. */
    private final Path created;

    private OutputFolderLock(FileChannel channel, Path folder, Path created) {
        this.channel = channel;
        this.folder = folder;
        this.created = created;
    }

    /** Another command holds the output folder. */
    public static final class FolderInUseException extends IOException {
        FolderInUseException(Path folder) {
            super(folder + ": another narrative-watch command is writing into this folder (it holds "
                    + folder.resolve(FILE) + "); wait until it has finished, or choose another output folder");
        }
    }

    /**
     * Creates {@code folder} if need be and locks it, without waiting.
     *
     * @throws FolderInUseException when another process (or this one) holds the lock
     */
    public static OutputFolderLock acquire(Path folder) throws IOException {
        Path created = null;
        for (Path p = folder.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) {
            created = p;
        }
        Files.createDirectories(folder);
        FileChannel channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds it
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new FolderInUseException(folder);
        }
        return new OutputFolderLock(channel, folder.toAbsolutePath().normalize(), created);
    }

    /**
     * Releases the lock (closing the channel does), and removes the folders {@link #acquire} created when
     * nothing but the lock file is in them.
     */
    @Override
    public void close() throws IOException {
        channel.close();
        if (created == null) {
            return;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            if (entries.anyMatch(e -> !e.getFileName().toString().equals(FILE))) {
                return;
            }
        }
        Files.deleteIfExists(folder.resolve(FILE));
        for (Path p = folder; p != null && p.startsWith(created); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }
}
