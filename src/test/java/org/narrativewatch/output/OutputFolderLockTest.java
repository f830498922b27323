package org.narrativewatch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder lock within one process; CrashSafetyTest runs two commands into one folder at once. */
class OutputFolderLockTest {
    @TempDir
    Path tmp;

    @Test
    void aHeldFolderIsRefusedUntilItIsReleasedAndTheLockFileStays() throws IOException {
        Path folder = tmp.resolve("runs/today");
        try (OutputFolderLock held = OutputFolderLock.acquire(folder)) {
            assertTrue(Files.isRegularFile(folder.resolve(OutputFolderLock.FILE)), "made with its parents");
            Files.writeString(folder.resolve("summary.json"), "{}");
            OutputFolderLock.FolderInUseException e = assertThrows(OutputFolderLock.FolderInUseException.class,
                    () -> OutputFolderLock.acquire(folder));
            assertEquals(folder + ": another narrative-watch command is writing into this folder (it holds "
                    + folder.resolve(OutputFolderLock.FILE) + "); wait until it has finished, or choose another "
                    + "output folder", e.getMessage());
        }
        try (OutputFolderLock again = OutputFolderLock.acquire(folder)) {
            assertTrue(Files.isRegularFile(folder.resolve(OutputFolderLock.FILE)));
        }
        assertTrue(Files.isRegularFile(folder.resolve(OutputFolderLock.FILE)), "never deleted: see the class comment");
    }

    @Test
    void aFolderTheLockMadeGoesWhenTheCommandLeftNothingInIt() throws IOException {
        Path folder = tmp.resolve("new/runs/today");
        try (OutputFolderLock held = OutputFolderLock.acquire(folder)) {
            assertTrue(Files.isDirectory(folder));
        }
        assertFalse(Files.exists(tmp.resolve("new")), "a failed command leaves no folder behind");

        Path existing = Files.createDirectories(tmp.resolve("existing"));
        try (OutputFolderLock held = OutputFolderLock.acquire(existing)) {
            assertTrue(Files.isDirectory(existing));
        }
        assertTrue(Files.isRegularFile(existing.resolve(OutputFolderLock.FILE)), "a folder it did not make stays");
    }
}
