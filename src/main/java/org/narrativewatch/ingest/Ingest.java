package org.narrativewatch.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.narrativewatch.doc.Article;

/**
 * Walks the inputs the user named (files, folders searched recursively in name order, "-" for
 * stdin), reads each with the reader for its format, gives every article its id and page layout,
 * and passes articles and errors to the sink in a deterministic order. One bad input never stops
 * the others.
 */
public final class Ingest {
    public static final List<String> FORMATS = List.of("txt", "html", "json", "jsonl", "csv");

    private final Map<String, ArticleReader> readers;
    private final PageLayout layout;
    private final String stdinFormat;

    public Ingest(ReadOptions options, PageLayout layout) {
        TextDecoder decoder = new TextDecoder(options.charset(), options.maxArticleBytes());
        TextReader text = new TextReader(decoder);
        HtmlReader html = new HtmlReader(decoder);
        JsonReader jsonl = new JsonReader(decoder, true);
        this.readers = Map.of("txt", text, "text", text, "", text,
                "html", html, "htm", html, "json", new JsonReader(decoder, false),
                "jsonl", jsonl, "ndjson", jsonl, "csv", new CsvReader(decoder, options.csvColumns()));
        this.layout = layout;
        this.stdinFormat = options.stdinFormat();
    }

    /** Reads every input; returns the number of input files seen. */
    public long readAll(List<String> inputs, ArticleSink sink) {
        long files = 0;
        for (String name : inputs) {
            if (Input.STDIN.equals(name)) {
                files++;
                readOne(Input.stdin(stdinFormat), sink);
                continue;
            }
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                files += walk(path, path, new HashSet<>(), sink);
            } else if (Files.exists(path)) {
                files++;
                readOne(fileInput(path, path.getParent() == null ? Path.of("") : path.getParent(), name), sink);
            } else {
                files++;
                sink.error(InputError.unread(name, 0, Files.isSymbolicLink(path)
                        ? "broken symbolic link" : "no such file or directory"));
            }
        }
        return files;
    }

    private long walk(Path root, Path dir, Set<Path> visited, ArticleSink sink) {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            sink.error(InputError.unread(dir.toString(), 0, "cannot open folder: " + describe(e)));
            return 1;
        }
        if (!visited.add(real)) {
            sink.error(new InputError(dir.toString(), 0, "symbolic link loop: folder already visited as " + real));
            return 1;
        }
        List<Path> children = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> !isHidden(p)).forEach(children::add);
        } catch (IOException e) {
            sink.error(InputError.unread(dir.toString(), 0, "cannot list folder: " + describe(e)));
            return 1;
        }
        children.sort(null);
        long files = 0;
        for (Path child : children) {
            if (Files.isDirectory(child)) {
                files += walk(root, child, visited, sink);
            } else if (Files.exists(child) && !Files.isRegularFile(child)) {
                // Opening a FIFO would wait for a writer forever; a device may never end.
                files++;
                sink.error(new InputError(child.toString(), 0, "not a regular file (a FIFO, socket or device); "
                        + "name it on the command line to read it anyway"));
            } else {
                files++;
                readOne(fileInput(child, root, child.toString()), sink);
            }
        }
        visited.remove(real);
        return files;
    }

    /**
     * Hidden files and folders (.git, .DS_Store, editors' swap files) are not inputs, as in Hadoop
     * and so in the Spark job, which must read the same articles.
     */
    private static boolean isHidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static Input fileInput(Path file, Path root, String shownName) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        return Input.file(shownName, relative, file, () -> Files.newInputStream(file));
    }

    /**
     * Reads one input with the reader for its format; its articles get their id and page layout.
     * Errors, including an unsupported format, go to the sink.
     */
    public void readOne(Input input, ArticleSink sink) {
        ArticleReader reader = readers.get(input.extension());
        if (reader == null) {
            sink.error(new InputError(input.name(), 0, "unsupported file type ." + input.extension()
                    + " (supported: .txt, .html, .htm, .json, .jsonl, .csv)"));
            return;
        }
        if (input.path() != null && !Files.isReadable(input.path())) {
            sink.error(InputError.unread(input.name(), 0, Files.exists(input.path())
                    ? "permission denied: the file is not readable"
                    : Files.isSymbolicLink(input.path()) ? "broken symbolic link or symbolic link loop"
                    : "no such file"));
            return;
        }
        long[] produced = {0}; // articles and errors: an input that yields neither is reported as empty
        ArticleSink counted = new ArticleSink() {
            @Override
            public void article(Article article) {
                produced[0]++;
                sink.article(article);
            }

            @Override
            public void error(InputError error) {
                produced[0]++;
                sink.error(error);
            }
        };
        try {
            reader.read(input, laidOut(input, counted));
            if (produced[0] == 0) {
                sink.error(new InputError(input.name(), 0, "empty: no articles in the file"));
            }
        } catch (BadInputException e) {
            sink.error(new InputError(input.name(), e.line(), e.getMessage(), e.stoppedPartWay()));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            sink.error(InputError.unread(input.name(), 0, "cannot read: " + describe(e)));
        }
    }

    /** Passes the input's articles on with their id and page layout, as every reader's are. */
    public ArticleSink laidOut(Input input, ArticleSink sink) {
        return new ArticleSink() {
            @Override
            public void article(Article article) {
                Article withId = article.withId(ArticleIds.of(article, input));
                sink.article(layout.apply(withId));
            }

            @Override
            public void error(InputError error) {
                sink.error(error);
            }
        };
    }

    static String describe(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
