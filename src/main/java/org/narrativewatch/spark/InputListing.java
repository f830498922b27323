package org.narrativewatch.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.narrativewatch.doc.Article;
import org.narrativewatch.ingest.ArticleSink;
import org.narrativewatch.ingest.Ingest;
import org.narrativewatch.ingest.Input;
import org.narrativewatch.ingest.InputError;
import org.narrativewatch.ingest.RepeatedInputs;
import org.narrativewatch.output.OutputFolderLock;

/**
 * Lists the files of the inputs the user named, on any Hadoop file system, with the command
 * line's rules: each input read once ({@link RepeatedInputs}), folders searched recursively in name
 * order, hidden entries skipped, each file named as the folder the user gave joined with its path
 * below it, so that ids and origins come out the same as the command line's. Inputs on the local
 * file system ({@code file:}, or relative with a local default file system) are listed by the
 * command line's own walk ({@link Ingest#listFolder}): symbolic link loops, FIFOs, sockets and
 * devices are errors, and a broken link is a file whose reading fails, as in {@code analyze}.
 * One addition: entries starting with '_' are skipped too, as every Hadoop input format does, so
 * that a dataset folder a Spark job wrote (_SUCCESS, _temporary/) reads as its data files. The
 * job's own output folder is never an input, as in the command line, and neither is a folder in a
 * named one that holds the output of a command-line run.
 */
final class InputListing {
    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    /** The files in reading order, and the inputs that could not be listed. */
    record Listing(List<InputFile> files, List<InputError> errors) {
    }

    private final Configuration conf;
    /** The job's output folder, qualified; never listed. */
    private final Path out;
    private final List<InputFile> files = new ArrayList<>();
    private final List<InputError> errors = new ArrayList<>();

    private InputListing(Configuration conf, Path out) {
        this.conf = conf;
        this.out = out;
    }

    /**
     * The files of the inputs; nothing in {@code out} (the job's output folder, null for none) is
     * listed. An input read in another one is left out, and {@code leftOut} gets "INPUT: why; read once".
     */
    static Listing list(List<String> inputs, Configuration conf, String out, Consumer<String> leftOut)
            throws IOException {
        Path outPath = null;
        if (out != null) {
            outPath = new Path(out);
            outPath = outPath.getFileSystem(conf).makeQualified(outPath);
        }
        InputListing listing = new InputListing(conf, outPath);
        for (String input : RepeatedInputs.withoutRepeats(inputs, listing::localPath, InputListing::isHadoopMarker,
                leftOut)) {
            listing.add(input);
        }
        return new Listing(List.copyOf(listing.files), List.copyOf(listing.errors));
    }

    /** Names Hadoop's input formats pass over: job markers such as _SUCCESS and _temporary/. */
    private static boolean isHadoopMarker(String name) {
        return name.startsWith("_");
    }

    /**
     * The file or folder an input names on the local file system, as the command line would open
     * it; null for standard input and for an input on another file system.
     */
    private java.nio.file.Path localPath(String input) {
        if (Input.STDIN.equals(input)) {
            return null;
        }
        try {
            Path path = new Path(input);
            FileSystem fs = path.getFileSystem(conf);
            if (!"file".equals(fs.getScheme())) {
                return null;
            }
            return path.toUri().getScheme() == null ? java.nio.file.Path.of(input)
                    : java.nio.file.Path.of(fs.makeQualified(path).toUri());
        } catch (IOException | IllegalArgumentException e) {
            return null; // reported when it is listed
        }
    }

    private void add(String input) throws IOException {
        if (Input.STDIN.equals(input)) {
            errors.add(new InputError(input, 0, "standard input cannot be read by a Spark job; name files or folders"));
            return;
        }
        java.nio.file.Path local = localPath(input);
        if (local != null) {
            addLocal(input, local);
            return;
        }
        Path path = new Path(input);
        FileSystem fs = path.getFileSystem(conf);
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            errors.add(new InputError(input, 0, "no such file or directory"));
            return;
        }
        if (isInOut(status.getPath())) {
            errors.add(outputAsInput(input));
        } else if (status.isDirectory()) {
            walk(fs, input, status.getPath(), "");
        } else {
            files.add(new InputFile(files.size(), input, status.getPath().getName(),
                    status.getPath().toUri().toString()));
        }
    }

    /** An input on the local file system, listed as the command line lists it ({@link Ingest#readAll}). */
    private void addLocal(String input, java.nio.file.Path path) {
        java.nio.file.Path localOut = out == null || !"file".equals(out.toUri().getScheme()) ? null
                : java.nio.file.Path.of(out.toUri());
        if (!Files.exists(path)) {
            errors.add(InputError.unread(input, 0, Files.isSymbolicLink(path)
                    ? "broken symbolic link" : "no such file or directory"));
        } else if (localOut != null && Ingest.realPath(path).startsWith(Ingest.realPath(localOut))) {
            errors.add(outputAsInput(input));
        } else if (Files.isDirectory(path)) {
            Ingest.listFolder(path, InputListing::isHadoopMarker, localOut == null ? List.of() : List.of(localOut),
                    file -> {
                        String relative = relative(path, file);
                        files.add(localFile(shownName(input, relative), relative, file));
                    }, new ArticleSink() {
                        @Override
                        public void article(Article article) {
                            throw new IllegalStateException("a listing reads no articles");
                        }

                        @Override
                        public void error(InputError e) {
                            String name = shownName(input, relative(path, java.nio.file.Path.of(e.file())));
                            errors.add(new InputError(name, e.line(), e.reason(), e.unread()));
                        }
                    });
        } else {
            files.add(localFile(input, path.getFileName().toString(), path));
        }
    }

    private InputFile localFile(String name, String relativePath, java.nio.file.Path file) {
        return new InputFile(files.size(), name, relativePath, file.toAbsolutePath().toUri().toString());
    }

    private static String relative(java.nio.file.Path root, java.nio.file.Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private InputError outputAsInput(String input) {
        return new InputError(input, 0, "is the job's output folder or inside it; output is never read as input");
    }

    /** An input on another Hadoop file system (HDFS, S3, ...), which has no links, FIFOs or devices. */
    private void walk(FileSystem fs, String root, Path dir, String relativeDir) {
        FileStatus[] children;
        try {
            children = fs.listStatus(dir);
        } catch (IOException e) {
            errors.add(new InputError(shownName(root, relativeDir), 0, "cannot list folder: " + e.getMessage()));
            return;
        }
        if (!relativeDir.isEmpty() && Arrays.stream(children)
                .anyMatch(c -> c.getPath().getName().equals(OutputFolderLock.FILE))) {
            return; // the output of a command-line run, as Ingest.isRunOutput
        }
        Arrays.sort(children, Comparator.comparing(c -> c.getPath().getName()));
        for (FileStatus child : children) {
            String name = child.getPath().getName();
            if (Ingest.isHidden(name) || isHadoopMarker(name) || (child.isDirectory() && isInOut(child.getPath()))) {
                continue;
            }
            String relative = relativeDir.isEmpty() ? name : relativeDir + "/" + name;
            if (child.isDirectory()) {
                walk(fs, root, child.getPath(), relative);
            } else {
                files.add(new InputFile(files.size(), shownName(root, relative), relative,
                        child.getPath().toUri().toString()));
            }
        }
    }

    private boolean isInOut(Path path) {
        for (Path p = path; out != null && p != null; p = p.getParent()) {
            if (p.equals(out)) {
                return true;
            }
        }
        return false;
    }

    /** What the command line shows for a file below a folder: the folder as typed, joined with the path. */
    static String shownName(String root, String relative) {
        if (relative.isEmpty()) {
            return root;
        }
        if (URI_SCHEME.matcher(root).matches()) {
            return root.replaceAll("/+$", "") + "/" + relative;
        }
        return java.nio.file.Path.of(root).resolve(relative).toString();
    }
}
