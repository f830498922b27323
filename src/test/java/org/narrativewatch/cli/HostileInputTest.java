package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.Printed;

/**
 * The bad-input corpus (src/test/resources/hostile plus what cannot be committed: huge files,
 * symbolic links, a FIFO, an unreadable file) through one real {@code analyze} run: every bad
 * input yields exactly one record in errors.jsonl naming its file and line, with a reason; every
 * good article is written; the exit code says that some inputs failed.
 */
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    static Path tmp;
    static Path corpus;
    static Path out;
    static int exitCode;
    static String stderr;
    /** Expected outcome by "file" or "file:line" (paths relative to the corpus): null = an article, else a phrase of the reason. */
    static final Map<String, String> EXPECTED = new TreeMap<>();

    @BeforeAll
    static void runOverCorpus() throws Exception {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        out = tmp.resolve("out");
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/hostile"))) {
            for (Path f : files.toList()) {
                Files.copy(f, corpus.resolve(f.getFileName().toString()));
            }
        }
        String good = Files.readString(Path.of("corpus/russia-abandons-its-allies.txt"));
        Files.writeString(corpus.resolve("russia-abandons-its-allies.txt"), good);
        expectArticle("russia-abandons-its-allies.txt");
        buildGeneratedInputs(good);

        expectError("empty.txt", "empty");
        expectError("whitespace-only.txt", "empty");
        expectError("pdf-saved-as-text.txt", "binary file (a PDF document)");
        expectError("brochure.pdf", "unsupported file type .pdf");
        expectError("photo.png", "unsupported file type .png");
        expectError("png-saved-as-page.html", "binary file (a PNG image)");
        expectError("invalid-utf8.txt", "not valid UTF-8");
        expectError("cyrillic-windows-1251.txt", "not valid UTF-8");
        expectArticle("utf16-with-bom.txt");
        expectArticle("utf16le-no-bom.txt");
        expectArticle("utf16be-no-bom.txt");
        expectArticle("malformed.html");
        expectArticle("scripts-and-styles.html");
        expectError("only-scripts.html", "no article text");
        for (int line : new int[] {1, 9, 10, 12}) {
            expectArticle("broken-lines.jsonl:" + line);
        }
        expectError("broken-lines.jsonl:2", "malformed JSON");
        expectError("broken-lines.jsonl:4", "no \"text\" field");
        expectError("broken-lines.jsonl:5", "\"text\" is a number, not a string");
        expectError("broken-lines.jsonl:6", "not a JSON object");
        expectError("broken-lines.jsonl:7", "malformed JSON");
        expectError("broken-lines.jsonl:8", "not valid UTF-8");
        expectError("broken-lines.jsonl:11", "malformed JSON");
        for (int line = 1; line <= 15; line++) {
            expectArticle("hostile-ids.jsonl:" + line);
        }
        expectArticle("ragged.csv:2");
        expectError("ragged.csv:3", "row has 2 cells but the header has 4");
        expectError("ragged.csv:4", "row has 5 cells but the header has 4");
        expectArticle("ragged.csv:5");
        expectError("ragged.csv:9", "no article text");
        expectArticle("ragged.csv:10");
        expectArticle("unclosed-quote.csv:2");
        expectError("unclosed-quote.csv:3", "EOF reached before encapsulated token finished");
        expectArticle("articles.json:1");
        expectError("articles.json:2", "no \"text\" field");
        expectError("articles.json:3", "not a JSON object");
        expectArticle("articles.json:4");
        expectError("truncated.json", "malformed JSON");

        long t0 = System.nanoTime();
        Printed run = Printed.run("analyze", corpus.toString(), "--out", out.toString(), "--threads", "2", "--quiet");
        double seconds = (System.nanoTime() - t0) / 1e9;
        exitCode = run.code();
        stderr = run.stderr();
        System.out.printf("hostile corpus: exit %d in %.1f s%n%s", exitCode, seconds, stderr);
    }

    /** The inputs that cannot be committed to git or would make the repository huge. */
    private static void buildGeneratedInputs(String good) throws IOException {
        Path huge = corpus.resolve("huge-200MB.txt");
        byte[] block = good.repeat(1 + (1 << 20) / good.length()).substring(0, 1 << 20).getBytes(StandardCharsets.UTF_8);
        try (OutputStream o = Files.newOutputStream(huge)) {
            for (int i = 0; i < 200; i++) {
                o.write(block);
            }
        }
        expectError("huge-200MB.txt", "larger than the maximum article size of 20971520 bytes");

        byte[] random = new byte[64 * 1024];
        new Random(6).nextBytes(random);
        Files.write(corpus.resolve("random-bytes.txt"), random);
        expectError("random-bytes.txt", "binary file");

        // 100,000 nested divs and 20,000 nested blockquotes (each a text block inside the last).
        String body = "<p>Moscow denied on Tuesday that it planned to close its embassy in Vilnius.</p>";
        Files.writeString(corpus.resolve("deeply-nested.html"), "<html><body>" + "<div>".repeat(100_000)
                + body + "</div>".repeat(100_000) + "<blockquote>Riga said nothing.".repeat(20_000) + "</body></html>");
        expectArticle("deeply-nested.html");
        Files.writeString(corpus.resolve("deeply-nested.json"), "[".repeat(5000) + "]".repeat(5000));
        expectError("deeply-nested.json:1", "nesting depth"); // in the array's first element

        Path names = Files.createDirectories(corpus.resolve("names"));
        for (String name : List.of("with spaces.txt", "статья-юникод.txt", "two..dots.txt", "evil..\\..\\name.txt")) {
            Files.writeString(names.resolve(name), good);
            expectArticle("names/" + name);
        }
        // A name and content meant to recolour the terminal the error is shown on.
        Files.write(names.resolve("red\u001b[31mALERT\u001b[0m.txt"), random);
        expectError("names/red\u001b[31mALERT\u001b[0m.txt", "binary file");
        Path folder = Files.createDirectories(corpus.resolve("folder-named.txt"));
        Files.writeString(folder.resolve("inner.txt"), good);
        expectArticle("folder-named.txt/inner.txt");

        Path links = Files.createDirectories(corpus.resolve("links"));
        Path loopDir = Files.createDirectories(links.resolve("loop"));
        Files.createSymbolicLink(loopDir.resolve("self"), Path.of("."));
        expectError("links/loop/self", "symbolic link loop");
        Files.createSymbolicLink(links.resolve("cycle-a.txt"), Path.of("cycle-b.txt"));
        Files.createSymbolicLink(links.resolve("cycle-b.txt"), Path.of("cycle-a.txt"));
        expectError("links/cycle-a.txt", "broken symbolic link or symbolic link loop");
        expectError("links/cycle-b.txt", "broken symbolic link or symbolic link loop");
        Files.createSymbolicLink(links.resolve("dangling.txt"), Path.of("gone.txt"));
        expectError("links/dangling.txt", "broken symbolic link or symbolic link loop");

        // Unreadable inputs that stay unreadable for root, who runs CI: a FIFO (opening it would
        // wait for a writer forever) and a file whose every read fails with an I/O error.
        Path special = Files.createDirectories(corpus.resolve("special"));
        Process mkfifo = new ProcessBuilder("mkfifo", special.resolve("fifo.txt").toString()).inheritIO().start();
        try {
            assertEquals(0, mkfifo.waitFor());
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        expectError("special/fifo.txt", "not a regular file");
        Files.createSymbolicLink(special.resolve("io-error.txt"), Path.of("/proc/self/mem"));
        expectError("special/io-error.txt", "cannot read: Input/output error");
        // Permission bits bind everyone but root; as root this file is just read.
        Path locked = special.resolve("no-permission.txt");
        Files.writeString(locked, good);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        if (ROOT) {
            expectArticle("special/no-permission.txt");
        } else {
            expectError("special/no-permission.txt", "permission denied");
        }
    }

    private static void expectArticle(String key) {
        EXPECTED.put(key, null);
    }

    private static void expectError(String key, String reason) {
        EXPECTED.put(key, reason);
    }

    private static String key(String file, long line) {
        String relative = corpus.relativize(Path.of(file)).toString();
        return line > 0 ? relative + ":" + line : relative;
    }

    @Test
    void exitCodeSaysSomeInputsFailed() {
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, exitCode, stderr);
    }

    @Test
    void everyBadInputHasExactlyOneRecordNamingFileLineAndReason() throws IOException {
        Map<String, List<String>> reasons = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve("errors.jsonl"))) {
            JsonNode e = JSON.readTree(line);
            reasons.computeIfAbsent(key(e.get("file").asText(), e.get("line").asLong()), k -> new ArrayList<>())
                    .add(e.get("reason").asText());
        }
        Map<String, String> expectedErrors = new TreeMap<>();
        EXPECTED.forEach((k, v) -> {
            if (v != null) {
                expectedErrors.put(k, v);
            }
        });
        assertEquals(expectedErrors.keySet(), reasons.keySet(), "inputs with error records");
        expectedErrors.forEach((k, phrase) -> {
            assertEquals(1, reasons.get(k).size(), k + ": " + reasons.get(k));
            assertTrue(reasons.get(k).get(0).contains(phrase), k + ": expected \"" + phrase + "\" in " + reasons.get(k));
        });
    }

    @Test
    void everyGoodArticleIsWritten() throws IOException {
        Map<String, JsonNode> articles = articlesByOrigin();
        List<String> expected = EXPECTED.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
        assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(articles.keySet()));
        for (String encoded : List.of("utf16-with-bom.txt", "utf16le-no-bom.txt", "utf16be-no-bom.txt")) {
            assertTrue(articles.get(encoded).get("text").asText().startsWith("Kremlin Denies Plan to Close Baltic Embassy\n"),
                    encoded);
            assertEquals("Kremlin Denies Plan to Close Baltic Embassy", articles.get(encoded).get("title").asText());
        }
        assertTrue(articles.get("deeply-nested.html").get("text").asText().contains("close its embassy in Vilnius"));
        assertTrue(articles.get("broken-lines.jsonl:10").get("text").asText().contains("it \uFFFD twice"),
                "a lone surrogate escape becomes U+FFFD, not a lost article");
        assertTrue(articles.get("ragged.csv:5").get("text").asText().contains("the claim was false.\n\nLithuanian"),
                "a quoted CSV cell keeps its line breaks");
    }

    @Test
    void scriptsAndStylesNeverBecomeArticleTextButEscapedMarkupInTheTextStaysText() throws IOException {
        JsonNode page = articlesByOrigin().get("scripts-and-styles.html");
        String text = page.get("text").asText();
        assertFalse(text.contains("SENTINEL"), text);
        assertTrue(text.contains("<script>alert(\"article text, shown as text\")</script>"), text);
        assertTrue(text.contains("Lithuanian officials said they had received no notice"), text);
    }

    @Test
    void hostileIdsStayInsideTheOutputFolderAndNoneOverwritesAnother() throws IOException {
        Map<String, JsonNode> articles = articlesByOrigin();
        List<String> ids = new ArrayList<>();
        for (int line = 1; line <= 15; line++) {
            ids.add(articles.get("hostile-ids.jsonl:" + line).get("id").asText());
        }
        assertEquals(15, ids.stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).distinct().count(), ids.toString());
        for (String id : ids) {
            assertTrue(id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,140}"), id);
            assertFalse(id.matches("(?i)(CON|PRN|AUX|NUL|COM\\d|LPT\\d)(\\..*)?"), id);
            assertTrue(Files.isRegularFile(out.resolve("articles").resolve(id + ".json")), id);
        }
        assertEquals("report", ids.get(9), "an id that needs no change is kept");
        try (Stream<Path> all = Files.walk(tmp)) {
            List<Path> strays = all.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(corpus) && !p.startsWith(out)).toList();
            assertEquals(List.of(), strays, "files written outside the output folder");
        }
    }

    @Test
    void errorsShownOnTheTerminalCannotCarryEscapeSequences() {
        assertTrue(stderr.contains("names/red\\u001b[31mALERT\\u001b[0m.txt"), stderr);
        assertFalse(stderr.contains("\u001b"), "raw escape character on stderr");
    }

    private static Map<String, JsonNode> articlesByOrigin() throws IOException {
        Map<String, JsonNode> byOrigin = new HashMap<>();
        try (Stream<Path> files = Files.list(out.resolve("articles"))) {
            for (Path f : files.toList()) {
                JsonNode a = JSON.readTree(f.toFile());
                JsonNode origin = a.get("origin");
                String k = key(origin.get("file").asText(), origin.get("line").asLong(0));
                assertEquals(null, byOrigin.put(k, a), "two articles from " + k);
            }
        }
        return byOrigin;
    }
}
