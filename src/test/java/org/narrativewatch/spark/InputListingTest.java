package org.narrativewatch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job lists its inputs as the command line reads them, and never its own output. */
class InputListingTest {
    @TempDir
    Path tmp;

    @Test
    void theOutputFolderInsideAnInputFolderIsNotListed() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "Title\n\nBody about Moscow.");
        Path out = in.resolve("run");
        // What a previous run into in/run left: datasets whose part files end in .txt
        Files.createDirectories(out.resolve("articles.jsonl"));
        Files.writeString(out.resolve("articles.jsonl/part-00000.txt"), "{\"id\":\"a\"}\n");
        Files.writeString(out.resolve("summary.json"), "{}");

        InputListing.Listing listing = InputListing.list(List.of(in.toString()), new Configuration(), out.toString());
        assertEquals(List.of("a.txt"), listing.files().stream().map(InputFile::relativePath).toList());
        assertEquals(List.of(), listing.errors());

        InputListing.Listing named = InputListing.list(List.of(out.resolve("articles.jsonl").toString()),
                new Configuration(), out.toString());
        assertEquals(List.of(), named.files());
        assertTrue(named.errors().get(0).reason().contains("output folder"), named.errors().toString());
    }

    /** As in the command line: a folder holding the lock file of a run is another run's output, not input. */
    @Test
    void aCommandLineRunsOutputInsideAnInputFolderIsNotListed() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "Title\n\nBody about Moscow.");
        Path earlier = Files.createDirectories(in.resolve("a-run1/articles"));
        Files.writeString(in.resolve("a-run1/.narrative-watch.lock"), "");
        Files.writeString(earlier.resolve("a.json"), "{\"id\":\"a\",\"text\":\"Body about Moscow.\"}");
        Files.writeString(in.resolve("a-run1/summary.json"), "{}");

        InputListing.Listing listing = InputListing.list(List.of(in.toString()), new Configuration(), null);
        assertEquals(List.of("a.txt"), listing.files().stream().map(InputFile::relativePath).toList());
        assertEquals(List.of(), listing.errors());
        // Named itself, it is read, as a hidden file named itself is.
        InputListing.Listing named = InputListing.list(List.of(in.resolve("a-run1").toString()), new Configuration(), null);
        assertEquals(List.of("articles/a.json", "summary.json"),
                named.files().stream().map(InputFile::relativePath).toList());
    }
}
