package org.narrativewatch.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written under a temporary name and renamed: what a failure says, and what it leaves. */
class AtomicFilesTest {
    @TempDir
    Path tmp;

    /**
     * A write that fails names the file the caller gave, not the hidden temporary one beside it
     * ("cannot use /tmp/.model.gz.f69262adc6d1b710.tmp: Is a directory" named a file the user never
     * saw), and leaves no temporary file behind.
     */
    @Test
    void aFailedWriteNamesTheTargetAndLeavesNothing() throws Exception {
        byte[] model = "model".getBytes(StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(tmp.resolve("model.gz"));
        Files.writeString(folder.resolve("keep.txt"), "kept");
        FileSystemException overFolder = assertThrows(FileSystemException.class, () -> AtomicFiles.write(folder, model));
        assertEquals(folder.toString(), overFolder.getFile());
        assertNotNull(overFolder.getReason(), "the system's reason (Is a directory) is kept");

        Path article = Files.writeString(tmp.resolve("article.txt"), "Moscow talks\n");
        Path underAFile = article.resolve("model.gz");
        FileSystemException inFile = assertThrows(FileSystemException.class, () -> AtomicFiles.write(underAFile, model));
        assertEquals(underAFile.toString(), inFile.getFile());
        assertNotNull(inFile.getReason(), "the system's reason (Not a directory) is kept");

        try (Stream<Path> files = Files.walk(tmp)) {
            assertEquals(List.of("article.txt", "model.gz", "model.gz/keep.txt"),
                    files.filter(f -> !f.equals(tmp)).map(f -> tmp.relativize(f).toString()).sorted().toList());
        }
        assertArrayEquals("Moscow talks\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(article));
    }

    /**
     * A file that is replaced keeps its permissions (audit 12a: a --jsonl file made private with chmod 600
     * became world-readable again on the next run); a new file gets the same ones as any file created there.
     */
    @Test
    void aReplacedFileKeepsItsPermissions() throws Exception {
        Path records = tmp.resolve("records.jsonl");
        AtomicFiles.write(records, "{}\n".getBytes(StandardCharsets.UTF_8));
        Path plain = Files.writeString(tmp.resolve("plain.txt"), "made with the usual umask");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(records));

        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        Files.setPosixFilePermissions(records, ownerOnly);
        AtomicFiles.write(records, "{\"id\":1}\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(ownerOnly, Files.getPosixFilePermissions(records));
        try (AtomicFiles.Pending streamed = AtomicFiles.open(records)) {
            streamed.stream().write("{\"id\":2}\n".getBytes(StandardCharsets.UTF_8));
            streamed.commit();
        }
        assertEquals(ownerOnly, Files.getPosixFilePermissions(records));
        assertEquals("{\"id\":2}\n", Files.readString(records));
    }
}
