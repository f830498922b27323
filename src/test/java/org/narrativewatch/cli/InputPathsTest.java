package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.TestData;

/**
 * What the command line refuses about inputs before it touches the output folder.
 */
class InputPathsTest {

    @TempDir
    Path tmp;

    /** Exit code and what went to stderr. */
    private record Run(int exit, String stderr) {
    }

    private static Run analyze(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            String[] all = new String[args.length + 3];
            all[0] = "analyze";
            System.arraycopy(args, 0, all, 1, args.length);
            all[args.length + 1] = "--quiet";
            all[args.length + 2] = "--no-db";
            exit = Main.run(all);
        } finally {
            System.setErr(saved);
        }
        return new Run(exit, err.toString(StandardCharsets.UTF_8));
    }

    /** Two articles, one long enough for the layer cache. */
    private Path twoArticles(String name) throws IOException {
        Path in = Files.createDirectories(tmp.resolve(name));
        Files.copy(TestData.sampleArticle(), in.resolve("a.txt"));
        Files.writeString(in.resolve("b.txt"), "Moscow talks\n\nThe Kremlin said on Tuesday that it would join talks "
                + "in Istanbul.\n");
        return in;
    }

    @Test
    void aCsvColumnMappingForAnUnknownFieldIsAUsageErrorListingTheFields() throws IOException {
        Path in = twoArticles("in");
        Run run = analyze(in.toString(), "--csv-column", "bogus=x", "--out", tmp.resolve("out").toString());
        assertEquals(ExitCodes.USAGE, run.exit(), run.stderr());
        assertTrue(run.stderr().contains("unknown field \"bogus\"; the fields are id, title, text, url, source, "
                + "published, language"), run.stderr());
        assertFalse(Files.exists(tmp.resolve("out")));
    }
}
