package org.narrativewatch.spark;

import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.narrativewatch.ingest.Input;

/**
 * One file to read, as the driver listed it.
 *
 * @param index        its position in the command line's reading order: inputs in the order
 *                     named, folders in name order, depth first
 * @param name         the name the command line would show and record as the origin: the folder
 *                     as the user named it, joined with the path below it
 * @param relativePath the path below the folder the user named ('/'-separated), which gives the id
 * @param uri          the fully qualified file as an encoded URI, for opening it on an executor
 */
record InputFile(long index, String name, String relativePath, String uri) implements Serializable {
    /** What Hadoop's glob patterns (and so Spark's readers) take as special: {@code {}[]*?\}. */
    private static final Pattern HADOOP_GLOB_CHARACTER = Pattern.compile("[{}\\[\\]*?\\\\]");

    /** The format, by extension, as {@link Input#file} decides it. */
    String extension() {
        return Input.file(name, relativePath, null, null).extension();
    }

    /** The key under which Spark's Parquet reader names this file ({@code _metadata.file_path}). */
    String fileKey() {
        return fileKey(uri);
    }

    static String fileKey(String uri) {
        URI u = URI.create(uri);
        return u.getScheme() + "://" + (u.getAuthority() == null ? "" : u.getAuthority()) + u.getPath();
    }

    /**
     * The file as a Hadoop path string, as Spark's readers take it: not encoded (a space is a
     * space), and with the characters of Hadoop's glob patterns escaped, so that it names this
     * one file whatever its name holds.
     */
    String hadoopPath() {
        return HADOOP_GLOB_CHARACTER.matcher(new Path(URI.create(uri)).toString()).replaceAll("\\\\$0");
    }

    /**
     * Opening and reading it happens on an executor. A local file is opened as the command line
     * opens it (with its path, so that a broken link or an unreadable file gets the command line's
     * error), not through Hadoop's checksummed local file system, which cannot open a file whose
     * name it cannot turn into the name of its checksum file (one with a ':'). Others are opened
     * through the job's Hadoop file systems.
     */
    Input asInput(HadoopConf conf) {
        URI location = URI.create(uri);
        if ("file".equals(location.getScheme())) {
            java.nio.file.Path file = java.nio.file.Path.of(location);
            return Input.file(name, relativePath, file, () -> Files.newInputStream(file));
        }
        return Input.file(name, relativePath, null, () -> {
            Path path = new Path(location);
            FileSystem fs = path.getFileSystem(conf.get());
            return fs.open(path);
        });
    }
}
