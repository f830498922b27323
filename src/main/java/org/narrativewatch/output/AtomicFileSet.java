package org.narrativewatch.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files that replace the previous ones all together or not at all. Each new file is written to a
 * temporary file beside its target ({@link #open}, {@link #write}), the files to go are named
 * ({@link #remove}), and {@link #commit} puts them all in place. Renaming each file in turn is not
 * enough when a later run reads these files as "the previous run" (the report's state and its bulk
 * files, which the next run's deletes are computed from): a run killed between two renames would
 * leave a mix that no run wrote.
 *
 * <p>The commit writes a journal naming every file, sets each previous file aside (a hard link
 * where the file system has them, so that a reader never misses the file), moves the new one in,
 * and deletes the journal: that deletion is the commit point. A run killed before it leaves the
 * journal, and {@link #rollBack}, which the next run calls before it reads or cleans anything, puts
 * every previous file back and removes the new ones. After the commit point the files set aside are
 * deleted; those a killed run left are temporary files ({@link AtomicFiles#removeLeftovers}).
 */
public final class AtomicFileSet implements Closeable {
    /**
     * For tests only: with {@code -Dnarrative-watch.test.halt-at-commit-step=N} the JVM halts at once,
     * as {@code kill -9} would (no finally block, exit status 137), before step N of a commit: 0 writes
     * the journal, then one step per file operation, the last one deletes the journal.
     */
    static final String HALT_PROPERTY = "narrative-watch.test.halt-at-commit-step";
    private static final int HALT_AT_STEP = Integer.getInteger(HALT_PROPERTY, -1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Path journal;
    /** Target → its new file, beside it; null for a target to remove. */
    private final Map<Path, Path> staged = new LinkedHashMap<>();
    private int step;
    private boolean committed;

    /**
     * @param root    the folder every file of the set lies in (the journal names them relative to it,
     *                so that a folder moved after a killed run is still rolled back)
     * @param journal the journal's file, inside {@code root}
     */
    public AtomicFileSet(Path root, Path journal) {
        this.root = root.toAbsolutePath().normalize();
        this.journal = journal.toAbsolutePath().normalize();
    }

    /** Opens a new file of the set: its {@link AtomicFiles.Pending#commit()} hands it to the set. */
    public AtomicFiles.Pending open(Path target) throws IOException {
        return new AtomicFiles.Pending(target, 1 << 16, this);
    }

    public void write(Path target, byte[] content) throws IOException {
        try (AtomicFiles.Pending file = new AtomicFiles.Pending(target, 0, this)) {
            file.stream().write(content);
            file.commit();
        }
    }

    /** Removes {@code target} with the commit, when it exists then. */
    public void remove(Path target) {
        add(target, null);
    }

    void add(Path target, Path tmp) {
        Path file = target.toAbsolutePath().normalize();
        if (!file.startsWith(root) || staged.containsKey(file)) {
            throw new IllegalStateException(file + " is outside " + root + " or already in the set");
        }
        staged.put(file, tmp);
    }

    /** One entry of the journal: a target, its new file and its previous file set aside (names beside it, or null). */
    private record Entry(Path target, Path next, Path aside) {
    }

    /**
     * Puts every file of the set in place at once (see the class comment). When a step fails, the
     * previous files are put back before the failure is thrown.
     */
    public void commit() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<Path, Path> e : staged.entrySet()) {
            Path target = e.getKey();
            boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            if (exists || e.getValue() != null) {
                entries.add(new Entry(target, e.getValue(), exists ? AtomicFiles.temporaryName(target) : null));
            }
        }
        halt();
        AtomicFiles.write(journal, journalOf(entries));
        try {
            for (Entry e : entries) {
                if (e.aside() != null) {
                    halt();
                    setAside(e.target(), e.aside(), e.next() != null);
                }
                if (e.next() != null) {
                    halt();
                    AtomicFiles.replace(e.next(), e.target());
                }
            }
            halt();
            Files.delete(journal);
        } catch (IOException | RuntimeException e) {
            try {
                rollBack(root, journal);
            } catch (IOException | RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        committed = true;
        for (Entry e : entries) {
            if (e.aside() != null) {
                Files.deleteIfExists(e.aside());
            }
        }
    }

    /**
     * Keeps the previous file under the name {@code aside}: a second link to it when a new file
     * replaces it (the target stays readable), else (or without hard links) the file itself.
     */
    private static void setAside(Path target, Path aside, boolean replaced) throws IOException {
        if (replaced) {
            try {
                Files.createLink(aside, target);
                return;
            } catch (UnsupportedOperationException | FileSystemException e) {
                // no hard links here (FAT, some network file systems): moved, missing until the new file is in
            }
        }
        AtomicFiles.replace(target, aside);
    }

    private void halt() {
        if (step++ == HALT_AT_STEP) {
            Runtime.getRuntime().halt(137);
        }
    }

    private byte[] journalOf(List<Entry> entries) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode files = root.putArray("files");
        for (Entry e : entries) {
            ObjectNode file = files.addObject();
            file.put("target", this.root.relativize(e.target()).toString());
            file.put("new", e.next() == null ? null : e.next().getFileName().toString());
            file.put("previous", e.aside() == null ? null : e.aside().getFileName().toString());
        }
        return JSON.writeValueAsBytes(root);
    }

    /**
     * Undoes the commit of a run that was killed in it, as told by {@code journal}, if there is one:
     * every previous file goes back in place and every new one goes. Then the folder holds what it held
     * before that run.
     */
    public static void rollBack(Path root, Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return;
        }
        List<JsonNode> files = new ArrayList<>();
        JSON.readTree(journal.toFile()).path("files").forEach(files::add);
        for (int i = files.size() - 1; i >= 0; i--) {
            JsonNode file = files.get(i);
            Path target = root.resolve(file.path("target").asText());
            Path next = file.path("new").isTextual() ? target.resolveSibling(file.path("new").asText()) : null;
            Path aside = file.path("previous").isTextual()
                    ? target.resolveSibling(file.path("previous").asText()) : null;
            if (aside != null && Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) {
                AtomicFiles.replace(aside, target);
                Files.deleteIfExists(aside); // still there when it was a second link to the target
            } else if (aside == null && next != null && !Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(target); // a new file, moved in
            }
            if (next != null) {
                Files.deleteIfExists(next);
            }
        }
        Files.delete(journal);
    }

    /** Without a commit, deletes the new files: the previous ones stay as they were. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            for (Path tmp : staged.values()) {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            }
        }
    }
}
