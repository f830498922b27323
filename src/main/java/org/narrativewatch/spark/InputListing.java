package org.narrativewatch.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.narrativewatch.ingest.Ingest;
import org.narrativewatch.ingest.Input;
import org.narrativewatch.ingest.InputError;

/**
 * Lists the files of the inputs the user named, on any Hadoop file system, with the command
 * line's rules ({@link Ingest#readAll}): folders searched recursively in name order, hidden
 * entries skipped, each file named as the folder the user gave joined with its path below it, so
 * that ids and origins come out the same as the command line's. One addition: entries starting
 * with '_' are skipped too, as every Hadoop input format does, so that a dataset folder a Spark
 * job wrote (_SUCCESS, _temporary/) reads as its data files.
 */
final class InputListing {
    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    /** The files in reading order, and the inputs that could not be listed. */
    record Listing(List<InputFile> files, List<InputError> errors) {
    }

    private final Configuration conf;
    private final List<InputFile> files = new ArrayList<>();
    private final List<InputError> errors = new ArrayList<>();

    private InputListing(Configuration conf) {
        this.conf = conf;
    }

    static Listing list(List<String> inputs, Configuration conf) throws IOException {
        InputListing listing = new InputListing(conf);
        for (String input : inputs) {
            listing.add(input);
        }
        return new Listing(List.copyOf(listing.files), List.copyOf(listing.errors));
    }

    private void add(String input) throws IOException {
        if (Input.STDIN.equals(input)) {
            errors.add(new InputError(input, 0, "standard input cannot be read by a Spark job; name files or folders"));
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
        if (status.isDirectory()) {
            walk(fs, input, status.getPath(), "");
        } else {
            files.add(new InputFile(files.size(), input, status.getPath().getName(),
                    status.getPath().toUri().toString()));
        }
    }

    private void walk(FileSystem fs, String root, Path dir, String relativeDir) {
        FileStatus[] children;
        try {
            children = fs.listStatus(dir);
        } catch (IOException e) {
            errors.add(new InputError(shownName(root, relativeDir), 0, "cannot list folder: " + e.getMessage()));
            return;
        }
        Arrays.sort(children, Comparator.comparing(c -> c.getPath().getName()));
        for (FileStatus child : children) {
            String name = child.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_")) {
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
