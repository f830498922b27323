package org.narrativewatch.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Origin;
import org.narrativewatch.output.OutputFolderLock;
import org.narrativewatch.patterns.InterruptibleText;

/**
 * Walks the inputs the user named (files, folders searched recursively in name order, "-" for
 * stdin), reads each with the reader for its format, gives every article its id and page layout,
 * and passes articles and errors to the sink in a deterministic order. One bad input never stops
 * the others. Folders and files it is told to exclude (the output of the run) are never read, nor
 * is a folder inside a named one that holds the output of another run.
 */
public final class Ingest {
    public static final List<String> FORMATS = List.of("txt", "html", "json", "jsonl", "csv");

    private final Map<String, ArticleReader> readers;
    private final PageLayout layout;
    private final String stdinFormat;
    /** Folders and files never read as input, not even when they lie in a folder named as input. */
    private final List<Path> excluded;
    /**
     * The most time the page layout's patterns (analysts' regular expressions, run here on the
     * reader thread, outside any worker's budget) may take on one article; zero is no limit.
     */
    private final Duration patternBudget;

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
        this.excluded = List.of();
        this.patternBudget = Duration.ZERO;
    }

    private Ingest(Ingest base, List<Path> excluded, Duration patternBudget) {
        this.readers = base.readers;
        this.layout = base.layout;
        this.stdinFormat = base.stdinFormat;
        this.excluded = List.copyOf(excluded);
        this.patternBudget = patternBudget;
    }

    /**
     * The same reading, but never of these folders (and anything under them) and files: a run's
     * output folder lies inside the folder it reads when the user runs {@code analyze .}, and its
     * records, reports and JSONL stream must not come back as articles.
     */
    public Ingest excluding(Collection<Path> paths) {
        List<Path> all = new ArrayList<>(excluded);
        all.addAll(paths);
        return new Ingest(this, all, patternBudget);
    }

    /**
     * The same reading, but the page layout's patterns may take at most {@code budget} on one
     * article (the per-article time budget; zero is no limit). An article whose layout runs over
     * it becomes an error naming the pattern, and reading goes on with the next.
     */
    public Ingest withPatternBudget(Duration budget) {
        return new Ingest(this, excluded, budget);
    }

    /** The excluded paths as they are now on disk: real paths where they exist. */
    private List<Path> realExclusions() {
        List<Path> real = new ArrayList<>();
        for (Path p : excluded) {
            real.add(realPath(p));
        }
        return real;
    }

    private static boolean isExcluded(Path real, List<Path> exclusions) {
        for (Path e : exclusions) {
            if (real.startsWith(e)) {
                return true;
            }
        }
        return false;
    }

    /** True for an excluded file reached in a folder; only files named like one are looked at closely. */
    private static boolean isExcludedFile(Path file, List<Path> exclusions) {
        for (Path e : exclusions) {
            if (e.getFileName() != null && e.getFileName().equals(file.getFileName())) {
                try {
                    if (file.toRealPath().equals(e)) {
                        return true;
                    }
                } catch (IOException notThere) {
                    // reported when it is read
                }
            }
        }
        return false;
    }

    /**
     * Reads every input; returns the number of input files seen. A file named here that is not a
     * regular file (a FIFO such as {@code <(zcat a.jsonl)}, which is {@code /dev/fd/63}) and has no
     * known extension is read in the standard input's format.
     */
    public long readAll(List<String> inputs, ArticleSink sink) {
        long files = 0;
        List<Path> exclusions = realExclusions();
        for (String name : inputs) {
            if (Input.STDIN.equals(name)) {
                files++;
                readOne(Input.stdin(stdinFormat), sink);
                continue;
            }
            Path path = Path.of(name);
            if (!exclusions.isEmpty() && Files.exists(path) && isExcluded(realPath(path), exclusions)) {
                files++;
                sink.error(InputError.unread(name, 0, "is this run's output folder or inside it; output is never read "
                        + "as input"));
            } else if (Files.isDirectory(path)) {
                files += walk(path, path, new HashSet<>(), Ingest::isHidden, exclusions,
                        file -> readOne(fileInput(file, path, file.toString()), sink), sink);
            } else if (Files.exists(path)) {
                files++;
                Input input = fileInput(path, path.getParent() == null ? Path.of("") : path.getParent(), name);
                if (!Files.isRegularFile(path) && !hasKnownExtension(input)) {
                    input = new Input(input.name(), input.relativePath(), input.path(), stdinFormat, input.opener());
                }
                readOne(input, sink);
            } else {
                files++;
                sink.error(InputError.unread(name, 0, Files.isSymbolicLink(path)
                        ? "broken symbolic link" : "no such file or directory"));
            }
        }
        return files;
    }

    /** One of the extensions that name a format (.txt, .jsonl, ...); a name without one is read as text. */
    private boolean hasKnownExtension(Input input) {
        return !input.extension().isEmpty() && readers.containsKey(input.extension());
    }

    /** A path as it is on disk (links resolved) where it exists, else absolute and normalised. */
    public static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /**
     * Lists a folder as {@link #readAll} reads it, for a reader elsewhere (the Spark job): each
     * regular file in reading order goes to {@code file}; what cannot be read (a folder that cannot be
     * listed, a symbolic link loop, a FIFO, socket or device) is an error to {@code problems}, and a
     * run's output folder is passed over. A broken symbolic link is listed as a file: reading it gives
     * its error. Returns the number of input files seen, as {@link #readAll} counts them.
     *
     * @param skipped  entry names passed over besides the hidden ones
     * @param excluded folders and files never listed (a run's output)
     */
    public static long listFolder(Path folder, Predicate<String> skipped, Collection<Path> excluded,
                                  Consumer<Path> file, ArticleSink problems) {
        List<Path> exclusions = excluded.stream().map(Ingest::realPath).toList();
        return walk(folder, folder, new HashSet<>(), name -> isHidden(name) || skipped.test(name), exclusions, file,
                problems);
    }

    private static long walk(Path root, Path dir, Set<Path> visited, Predicate<String> skipped, List<Path> exclusions,
                             Consumer<Path> file, ArticleSink sink) {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            sink.error(InputError.unread(dir.toString(), 0, "cannot open folder: " + describe(e)));
            return 1;
        }
        if (isExcluded(real, exclusions)) {
            return 0; // the run's own output: never an input
        }
        if (!dir.equals(root) && isRunOutput(dir)) {
            sink.passedOver(dir.toString(), "the output folder of a narrative-watch run (it holds "
                    + OutputFolderLock.FILE + "); output is never read as input");
            return 0;
        }
        if (!visited.add(real)) {
            sink.error(new InputError(dir.toString(), 0, "symbolic link loop: folder already visited as " + real));
            return 1;
        }
        List<Path> children = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> !skipped.test(p.getFileName().toString())).forEach(children::add);
        } catch (IOException e) {
            sink.error(InputError.unread(dir.toString(), 0, "cannot list folder: " + describe(e)));
            return 1;
        }
        children.sort(null);
        long files = 0;
        for (Path child : children) {
            if (Files.isDirectory(child)) {
                files += walk(root, child, visited, skipped, exclusions, file, sink);
            } else if (!exclusions.isEmpty() && isExcludedFile(child, exclusions)) {
                continue; // the run's own output (its --jsonl file): never an input
            } else if (Files.exists(child) && !Files.isRegularFile(child)) {
                // Opening a FIFO would wait for a writer forever; a device may never end.
                files++;
                sink.error(new InputError(child.toString(), 0, "not a regular file (a FIFO, socket or device); "
                        + "name it on the command line to read it anyway"));
            } else {
                files++;
                file.accept(child);
            }
        }
        visited.remove(real);
        return files;
    }

    /**
     * Whether a folder holds the output of a narrative-watch run: every command that writes one
     * leaves its lock file there. Found in a named folder, it is not read (yesterday's reports
     * beside today's): its records, pages, bulk lines and tables would come back as articles, and
     * take the plain ids from the real ones.
     */
    public static boolean isRunOutput(Path folder) {
        return Files.exists(folder.resolve(OutputFolderLock.FILE));
    }

    /**
     * Hidden files and folders (.git, .DS_Store, editors' swap files) are not inputs, as in Hadoop
     * and so in the Spark job, which must read the same articles.
     */
    public static boolean isHidden(String name) {
        return name.startsWith(".");
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

    /** Passes the input's articles on with their path in the input, id and page layout, as every reader's are. */
    public ArticleSink laidOut(Input input, ArticleSink sink) {
        return new ArticleSink() {
            @Override
            public void article(Article article) {
                Origin origin = article.origin();
                Article placed = article.withOrigin(new Origin(origin.file(), origin.line(), input.relativePath()));
                Article laidOut;
                try {
                    Article identified = placed.withId(ArticleIds.of(placed, input));
                    laidOut = InterruptibleText.within(patternBudget, () -> layout.apply(identified));
                } catch (InterruptibleText.MatchInterruptedException e) {
                    sink.error(new InputError(input.name(), origin.line(), "page-layout rules: " + e.getMessage()
                            + "; article skipped (rewrite the pattern, or raise the budget with --article-timeout)"));
                    return;
                }
                sink.article(laidOut);
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
