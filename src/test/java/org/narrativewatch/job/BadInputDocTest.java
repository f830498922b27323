package org.narrativewatch.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.narrativewatch.ingest.PageLayout;
import org.narrativewatch.ingest.ReadOptions;

/** docs/bad-input.md is the contract of errors.jsonl and of the limits: its examples and defaults must hold. */
class BadInputDocTest {
    private static final Path DOC = Path.of("docs/bad-input.md");

    @Test
    void documentedErrorRecordsParseAsErrorRecords() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int open = lines.indexOf("```jsonl");
        List<String> examples = lines.subList(open + 1, lines.subList(open, lines.size()).indexOf("```") + open);
        assertEquals(7, examples.size(), examples.toString());
        ObjectMapper json = new ObjectMapper();
        for (String line : examples) {
            ErrorRecord e = json.readValue(line, ErrorRecord.class);
            assertTrue(e.line() >= 0 && !e.file().isBlank() && !e.reason().isBlank(), line);
            assertTrue(Set.of("read", "analyze").contains(e.stage()), line);
            assertEquals(line, json.writeValueAsString(e), "field order and names as written");
        }
    }

    @Test
    void documentedDefaultsAreTheDefaults() throws IOException {
        String doc = Files.readString(DOC);
        assertEquals(20L * 1024 * 1024, ReadOptions.DEFAULT_MAX_ARTICLE_BYTES);
        assertTrue(doc.contains("| 20 MiB | `--max-article-bytes BYTES`"));
        assertTrue(doc.contains("`--article-timeout SECONDS` (0: none; at most "
                + AnalyzeJob.MAX_ARTICLE_TIMEOUT_SECONDS + ", a day"));
        assertTrue(doc.contains("| unbroken run of characters without white space | " + PageLayout.DEFAULT_MAX_UNBROKEN_CHARS + " |"));
        assertTrue(Files.readString(Path.of("models/boilerplate.yaml"))
                .contains("unbroken_run_max_chars: " + PageLayout.DEFAULT_MAX_UNBROKEN_CHARS));
    }
}
