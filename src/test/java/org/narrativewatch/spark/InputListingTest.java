package org.narrativewatch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.TestData;
import org.narrativewatch.doc.Article;
import org.narrativewatch.ingest.ArticleSink;
import org.narrativewatch.ingest.Ingest;
import org.narrativewatch.ingest.InputError;
import org.narrativewatch.ingest.ReadOptions;

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

        InputListing.Listing listing = InputListing.list(List.of(in.toString()), new Configuration(), out.toString(),
                repeat -> { });
        assertEquals(List.of("a.txt"), listing.files().stream().map(InputFile::relativePath).toList());
        assertEquals(List.of(), listing.errors());

        InputListing.Listing named = InputListing.list(List.of(out.resolve("articles.jsonl").toString()),
                new Configuration(), out.toString(), repeat -> { });
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

        InputListing.Listing listing = InputListing.list(List.of(in.toString()), new Configuration(), null,
                repeat -> { });
        assertEquals(List.of("a.txt"), listing.files().stream().map(InputFile::relativePath).toList());
        assertEquals(List.of(), listing.errors());
        // Named itself, it is read, as a hidden file named itself is.
        InputListing.Listing named = InputListing.list(List.of(in.resolve("a-run1").toString()),
                new Configuration(), null, repeat -> { });
        assertEquals(List.of("articles/a.json", "summary.json"),
                named.files().stream().map(InputFile::relativePath).toList());
    }

    /**
     * A folder with what a real corpus folder may hold besides articles (audit 11a #1, #4, #5, #6):
     * a link to a parent folder, a FIFO, a broken link and a file with ':' in its name. Listed by
     * the job and read as its executors read, it gives exactly the articles and errors of analyze.
     */
    @Test
    void aFolderIsListedAndReadAsTheCommandLineReadsIt() throws Exception {
        Path odd = Files.createDirectories(tmp.resolve("odd/sub"));
        Files.copy(ptc().resolve("article111111112.txt"), odd.resolve("one.txt"));
        Files.copy(ptc().resolve("article111111113.txt"), odd.resolve("10:30 update.txt"));
        Files.createSymbolicLink(odd.resolve("up"), Path.of(".."));
        Files.createSymbolicLink(odd.resolve("broken.txt"), Path.of("nowhere.txt"));
        assertEquals(0, new ProcessBuilder("mkfifo", odd.resolve("pipe.txt").toString()).start().waitFor());
        String folder = tmp.resolve("odd").toString();

        Outcome cli = new Outcome();
        long cliFiles = new Ingest(ReadOptions.defaults(), TestData.shippedLayout()).readAll(List.of(folder), cli);
        InputListing.Listing listing = InputListing.list(List.of(folder), new Configuration(), null, repeat -> { });
        Outcome spark = new Outcome();
        listing.errors().forEach(spark::error);
        Ingest executor = new Ingest(ReadOptions.defaults(), TestData.shippedLayout());
        for (InputFile file : listing.files()) {
            executor.readOne(file.asInput(new HadoopConf(new Configuration())), spark);
        }

        assertEquals(List.of(folder + "/sub/10:30 update.txt", folder + "/sub/one.txt"), spark.articles.values().stream()
                .map(a -> a.origin().file()).sorted().toList());
        assertEquals(cli.articles, spark.articles);
        assertEquals(Set.of(folder + "/sub/broken.txt: broken symbolic link or symbolic link loop",
                folder + "/sub/pipe.txt: not a regular file (a FIFO, socket or device); name it on the command line to "
                        + "read it anyway",
                folder + "/sub/up: symbolic link loop: folder already visited as " + tmp.resolve("odd").toRealPath()),
                new HashSet<>(spark.errors));
        assertEquals(new HashSet<>(cli.errors), new HashSet<>(spark.errors));
        assertEquals(cliFiles, listing.files().size() + listing.errors().size(), "input_files as analyze counts them");
    }

    private static Path ptc() {
        return TestData.shared().resolve("ptc/articles");
    }

    /** Articles by id, and errors as printed. */
    private static final class Outcome implements ArticleSink {
        final Map<String, Article> articles = new TreeMap<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public void article(Article article) {
            articles.put(article.id(), article);
        }

        @Override
        public void error(InputError error) {
            errors.add(error.message());
        }
    }

    /**
     * As in analyze (audit 11a #3): an input inside a folder also named, or named twice, is listed
     * once, with the command line's message; the same file under two named folders is no repeat.
     */
    @Test
    void anInputReadInAnotherOneIsListedOnce() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.copy(ptc().resolve("article111111112.txt"), corpus.resolve("one.txt"));
        Files.copy(ptc().resolve("article111111113.txt"), corpus.resolve("two.txt"));
        Files.copy(ptc().resolve("article111111114.txt"), corpus.resolve("_one.txt")); // read only when named
        String c = corpus.toString();
        List<String> leftOut = new ArrayList<>();
        InputListing.Listing listing = InputListing.list(List.of(c, c + "/one.txt", c + "/", c + "/_one.txt"),
                new Configuration(), null, leftOut::add);
        assertEquals(List.of(c + "/one.txt", c + "/two.txt", c + "/_one.txt"),
                listing.files().stream().map(InputFile::name).toList());
        assertEquals(List.of(c + "/one.txt: inside the folder " + c + ", which is also an INPUT; read once",
                c + "/: the same as the INPUT " + c + " before it; read once"), leftOut);

        Path copy = Files.createDirectories(tmp.resolve("copy"));
        Files.copy(corpus.resolve("one.txt"), copy.resolve("one.txt"));
        InputListing.Listing two = InputListing.list(List.of(c, copy.toString()), new Configuration(), null,
                leftOut::add);
        assertEquals(3, two.files().size(), "another folder with the same file is read too");
        assertEquals(2, leftOut.size());
    }
}
