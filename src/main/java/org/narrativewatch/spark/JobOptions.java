package org.narrativewatch.spark;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import org.narrativewatch.ingest.ReadOptions;
import org.narrativewatch.pipeline.PipelineOptions;

/**
 * Everything an executor needs to read and analyse like the command line does, in a form Spark
 * can ship to executors ({@link ReadOptions} and {@link PipelineOptions} hold a Charset and Paths,
 * which are not serializable). Catalog paths must be readable on every executor: ship them with
 * {@code spark-submit --files} and name them by file name.
 *
 * @param partitions how many tasks the inputs are split into (0: four per core of the cluster)
 */
public record JobOptions(String encoding, long maxArticleBytes, Map<String, String> csvColumns,
                         String entities, String narratives, String boilerplate, boolean ner,
                         boolean tokens, int partitions) implements Serializable {

    public JobOptions {
        csvColumns = Map.copyOf(csvColumns);
    }

    public static JobOptions of(ReadOptions read, PipelineOptions pipeline, boolean tokens, int partitions) {
        return new JobOptions(read.charset().name(), read.maxArticleBytes(), read.csvColumns(),
                string(pipeline.entities()), string(pipeline.narratives()), string(pipeline.boilerplate()),
                pipeline.ner(), tokens, partitions);
    }

    public ReadOptions readOptions() {
        return new ReadOptions(Charset.forName(encoding), maxArticleBytes, csvColumns, "txt");
    }

    public PipelineOptions pipelineOptions() {
        return new PipelineOptions(path(entities), path(narratives), path(boilerplate), ner, true);
    }

    private static String string(Path p) {
        return p == null ? null : p.toString();
    }

    private static Path path(String s) {
        return s == null ? null : Path.of(s);
    }
}
