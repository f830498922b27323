package org.narrativewatch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.narrativewatch.ingest.ArticleIds;

/** Article ids come from the input; none may name a file outside the output folder or one that breaks a file system. */
class PathInjectionTest {
    private static final String SAFE_NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "..", ".", "/etc/passwd", "/", "C:\\Windows\\System32\\drivers\\etc\\hosts",
        "\\\\server\\share\\x", "a\u0000b", "\u0000", "", " ", "~/.ssh/authorized_keys", "-rf", "--out=/tmp",
        ".bashrc", "CON", "con", "NUL.txt", "com1", "LPT9.json", "aux.tar.gz", "name.", "name ", "\u202Eexe.txt",
        "статья", "報告", "a/b/../../../c", "..%2F..%2Fetc%2Fpasswd", "%00", "article\r\nX-Injected: 1"})
    void hostileIdsBecomeOneSafeFileInsideTheFolder(String raw) throws IOException {
        String id = ArticleIds.safe(raw);
        assertTrue(id.matches(SAFE_NAME), id);
        assertTrue(id.length() <= 134, id);
        assertTrue(!id.matches("(?i)(CON|PRN|AUX|NUL|COM\\d|LPT\\d)(\\..*)?"), id);
        Path articles = Files.createDirectories(tmp.resolve("out/articles"));
        Path target = AtomicFiles.inside(articles, id + ".json");
        assertEquals(articles.toAbsolutePath().normalize(), target.getParent());
        AtomicFiles.write(target, new byte[] {'{', '}'});
        try (Stream<Path> all = Files.walk(tmp)) {
            assertEquals(List.of(target), all.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).toList());
        }
    }

    @Test
    void veryLongIdsAreCutButStayDistinct() {
        String a = "x".repeat(100_000) + "a";
        String b = "x".repeat(100_000) + "b";
        assertTrue(ArticleIds.safe(a).length() <= 131);
        assertNotEquals(ArticleIds.safe(a), ArticleIds.safe(b));
    }

    @Test
    void idsThatNeedNoChangeAreKept() {
        assertEquals("article694356862", ArticleIds.safe("article694356862"));
        assertEquals("euvs-2019.07_12", ArticleIds.safe("euvs-2019.07_12"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.json", "..", ".", "", "/etc/passwd", "a/b.json", "a\\b.json", "a\u0000.json",
        "/", "x/../../y.json"})
    void insideRefusesAnyNameThatIsNotAPlainFileName(String name) {
        Path dir = tmp.resolve("out");
        assertThrows(IllegalArgumentException.class, () -> AtomicFiles.inside(dir, name));
    }

    @Test
    void leftoversOfAKilledRunAreRemovedAndNothingElse() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("articles"));
        Path kept = Files.writeString(dir.resolve("a.json"), "{}");
        Path other = Files.writeString(dir.resolve("notes.tmp"), "not ours: no leading dot");
        Path leftover = AtomicFiles.temporaryFor(dir.resolve("b.json"));
        assertEquals(1, AtomicFiles.removeLeftovers(dir));
        assertTrue(Files.exists(kept) && Files.exists(other) && !Files.exists(leftover));
    }

    /** In a folder that is not the tool's alone (where --jsonl goes), only the named file's own temporary files go. */
    @Test
    void leftoversOfOneFileAreRemovedAndNoOtherHiddenFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("home"));
        Path target = dir.resolve("all.jsonl");
        Path leftover = AtomicFiles.temporaryFor(target);
        List<Path> others = List.of(AtomicFiles.temporaryFor(dir.resolve("other.jsonl")),
                Files.writeString(dir.resolve(".all.jsonl.notes.tmp"), "an editor's, say"),
                Files.writeString(dir.resolve(".all.jsonl.tmp"), "no random part"),
                Files.writeString(dir.resolve(".swap.tmp"), "someone else's"));
        assertEquals(1, AtomicFiles.removeLeftoversOf(target));
        assertFalse(Files.exists(leftover));
        others.forEach(f -> assertTrue(Files.exists(f), f.toString()));
    }
}
