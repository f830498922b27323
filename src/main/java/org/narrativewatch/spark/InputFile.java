package org.narrativewatch.spark;

import java.io.Serializable;
import java.net.URI;
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

    /** Opening and reading it happens on an executor, through the job's Hadoop file systems. */
    Input asInput(HadoopConf conf) {
        return Input.file(name, relativePath, null, () -> {
            Path path = new Path(URI.create(uri));
            FileSystem fs = path.getFileSystem(conf.get());
            return fs.open(path);
        });
    }
}
