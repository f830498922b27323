package org.narrativewatch.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.narrativewatch.ingest.ArticleIds;
import org.narrativewatch.ingest.InputError;
import org.narrativewatch.job.SummaryHeader;
import org.narrativewatch.job.ErrorRecord;
import org.narrativewatch.output.OutputFolderLock;
import scala.Tuple2;

/**
 * The analyze job on a Spark cluster: the same readers, ids, pipeline and record writer as the
 * command line, run per partition, with the models loaded once per executor JVM.
 *
 * <p>Output in OUT (any Hadoop path): {@code articles.jsonl/} (one record per line, the same
 * bytes as the command line's {@code --jsonl}), {@code articles.parquet/} (the same records as
 * typed columns), {@code errors.jsonl/} (one line per input, line or article that failed, as in
 * the command line's errors.jsonl) and {@code summary.json}. A bad input never fails the job.
 *
 * <p>Ids are made unique the way the command line makes them: a first pass reads every input
 * (cheap next to the analysis) and finds ids that an earlier article in reading order already
 * has; those articles get {@link org.narrativewatch.ingest.ArticleIds#clashId} ids, numbered when
 * two get the same one. (A Spark run has no previous run whose ids it keeps.)
 */
public final class SparkAnalyzeJob {
    public static final String ARTICLES_JSONL = "articles.jsonl";
    public static final String ARTICLES_PARQUET = "articles.parquet";
    public static final String ERRORS_JSONL = "errors.jsonl";
    public static final String SUMMARY_FILE = "summary.json";
    public static final String REPORT_DIR = "report";

    /** The record fields a Parquet input may carry; others are ignored. */
    private static final List<String> PARQUET_FIELDS =
            List.of("id", "title", "text", "url", "source", "published", "language");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SparkSession spark;
    private final JobOptions options;

    public SparkAnalyzeJob(SparkSession spark, JobOptions options) {
        this.spark = spark;
        this.options = options;
    }

    /** What a run did, as written to summary.json. */
    public record Summary(long inputFiles, long articlesRead, long analyzed, long skipped, long errors,
                          long renamedIds, int partitions, double wallSeconds) {
    }

    public Summary run(List<String> inputs, String out) throws IOException {
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        InputListing.Listing listing = InputListing.list(inputs, hadoop, out,
                repeat -> System.err.println("narrative-watch-spark: " + repeat));
        markAsRunOutput(new Path(out), hadoop);
        int partitions = options.partitions() > 0 ? options.partitions() : 4 * jsc.defaultParallelism();

        Map<Boolean, List<InputFile>> byKind = listing.files().stream()
                .collect(Collectors.partitioningBy(f -> "parquet".equals(f.extension())));
        List<InputFile> files = byKind.get(false);
        Broadcast<HadoopConf> conf = jsc.broadcast(new HadoopConf(hadoop));
        Map<Long, String> unreadable = unreadableParquet(jsc, byKind.get(true), conf, partitions);
        List<InputFile> parquet = byKind.get(true).stream().filter(f -> !unreadable.containsKey(f.index())).toList();
        List<InputError> inputErrors = new ArrayList<>(listing.errors());
        byKind.get(true).stream().filter(f -> unreadable.containsKey(f.index()))
                .forEach(f -> inputErrors.add(new InputError(f.name(), 0, unreadable.get(f.index()))));

        JavaRDD<InputFile> fileRdd = jsc.parallelize(files, Math.max(1, Math.min(partitions, files.size())));
        Dataset<Row> parquetRows = parquet.isEmpty() ? null : parquetRows(parquet, partitions);
        Broadcast<Map<String, InputFile>> parquetByKey = jsc.broadcast(parquet.stream()
                .collect(Collectors.toMap(InputFile::fileKey, Function.identity())));

        PartitionTasks idPass = new PartitionTasks(options, conf, parquetByKey, jsc.broadcast(Map.of()));
        JavaRDD<Row> ids = fileRdd.mapPartitions(idPass::idsOfFiles);
        if (parquetRows != null) {
            ids = ids.union(parquetRows.javaRDD().mapPartitions(idPass::idsOfParquetRows));
        }
        Map<String, String> renamed = laterArticlesWithTakenIds(spark.createDataFrame(ids, PartitionTasks.IDS));

        PartitionTasks analysis = new PartitionTasks(options, conf, parquetByKey, jsc.broadcast(renamed));
        JavaRDD<Row> outcomes = fileRdd.mapPartitions(analysis::analyseFiles);
        if (parquetRows != null) {
            outcomes = outcomes.union(parquetRows.javaRDD().mapPartitions(analysis::analyseParquetRows));
        }
        outcomes = outcomes.union(jsc.parallelize(inputErrors.stream()
                .map(e -> PartitionTasks.error(-1, ErrorRecord.readFailed(e))).toList(), 1));

        Dataset<Row> results = spark.createDataFrame(outcomes, PartitionTasks.OUTCOMES)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, Long> counts = countByKindAndStatus(results);
            // In record file name order, the order the reports are built in (as from the command line's folder).
            Dataset<Row> records = results.where(col("kind").equalTo(PartitionTasks.ARTICLE))
                    .orderBy(concat(col("id"), lit(".json"))).select("record");
            write(records, out + "/" + ARTICLES_JSONL);
            records.select(from_json(col("record"), ArticleTable.SCHEMA, Map.of("mode", "FAILFAST")).as("r"))
                    .select("r.*")
                    .write().mode(SaveMode.Overwrite).parquet(out + "/" + ARTICLES_PARQUET);
            write(results.where(col("kind").equalTo(PartitionTasks.ERROR)).select("record"), out + "/" + ERRORS_JSONL);

            long analyzed = counts.getOrDefault("article/analyzed", 0L);
            long skipped = counts.getOrDefault("article/skipped", 0L);
            Summary summary = new Summary(listing.files().size() + listing.errors().size(), analyzed + skipped,
                    analyzed, skipped, counts.getOrDefault("error/", 0L), renamed.size(),
                    fileRdd.getNumPartitions() + (parquetRows == null ? 0 : parquetRows.rdd().getNumPartitions()),
                    (System.nanoTime() - t0) / 1e9);
            ReportFromJsonl.write(new Path(out, ARTICLES_JSONL), new Path(out, REPORT_DIR), hadoop);
            writeSummary(new Path(out, SUMMARY_FILE), inputs, summary, started, hadoop);
            return summary;
        } finally {
            results.unpersist();
        }
    }

    /** Parquet inputs as (json, file_path, row_index) rows, split into at least {@code partitions} tasks. */
    private Dataset<Row> parquetRows(List<InputFile> files, int partitions) {
        // Footers were checked (unreadableParquet); a file corrupt past its footer loses its remaining rows, not the job.
        Dataset<Row> table = spark.read().option("mergeSchema", "true").option("ignoreCorruptFiles", "true")
                .parquet(files.stream().map(InputFile::hadoopPath).toArray(String[]::new));
        Set<String> columns = new HashSet<>(Arrays.asList(table.columns()));
        Column[] fields = PARQUET_FIELDS.stream().filter(columns::contains).map(c -> col("`" + c + "`"))
                .toArray(Column[]::new);
        Dataset<Row> rows = table.select(to_json(struct(fields)).as("json"),
                col("_metadata.file_path").as("file_path"), col("_metadata.row_index").as("row_index"));
        return rows.rdd().getNumPartitions() < partitions ? rows.repartition(partitions) : rows;
    }

    /**
     * The Parquet inputs whose footer cannot be read, and why, checked on the executors: Spark's
     * reader would fail the whole job on them, so they are reported as errors and left out.
     */
    private static Map<Long, String> unreadableParquet(JavaSparkContext jsc, List<InputFile> parquet,
                                                       Broadcast<HadoopConf> conf, int partitions) {
        if (parquet.isEmpty()) {
            return Map.of();
        }
        return jsc.parallelize(parquet, Math.min(partitions, parquet.size())).flatMapToPair(file -> {
            Path path = new Path(URI.create(file.uri()));
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(path, conf.value().get()))) {
                return Collections.emptyIterator();
            } catch (IOException | RuntimeException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage().lines().findFirst().orElse("");
                return List.of(new Tuple2<>(file.index(), "cannot read Parquet: " + reason)).iterator();
            }
        }).collectAsMap();
    }

    /**
     * The new ids, by place, of the articles whose id (ignoring case) an article earlier in reading
     * order already has; as in the command line on a first run, the first keeps the id and the later
     * ones get their clash id, numbered ({@link ArticleIds#numbered}) when several get the same one.
     */
    private static Map<String, String> laterArticlesWithTakenIds(Dataset<Row> ids) {
        return ids.withColumn("n", row_number().over(Window.partitionBy(lower(col("id"))).orderBy("file_index", "line")))
                .where(col("n").gt(1))
                .withColumn("m", row_number().over(Window.partitionBy(lower(col("clash_id")))
                        .orderBy("file_index", "line")))
                .collectAsList().stream()
                .collect(Collectors.toUnmodifiableMap(
                        r -> PartitionTasks.placeKey(r.getLong(r.fieldIndex("file_index")), r.getLong(r.fieldIndex("line"))),
                        r -> ArticleIds.numbered(r.getString(r.fieldIndex("clash_id")), r.getInt(r.fieldIndex("m")))));
    }

    private static Map<String, Long> countByKindAndStatus(Dataset<Row> results) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row r : results.groupBy("kind", "status").count().collectAsList()) {
            counts.put(r.getString(0) + "/" + (r.isNullAt(1) ? "" : r.getString(1)), r.getLong(2));
        }
        return counts;
    }

    /**
     * Leaves the command line's lock file, empty, in OUT before anything else is written: a later
     * run, of either kind, that finds OUT inside a folder it reads passes it over as a run's output,
     * as {@link org.narrativewatch.ingest.Ingest#isRunOutput}. Its part files end in .txt and would
     * otherwise be read back as articles. It is a marker, not a lock: Hadoop file systems have none.
     */
    private static void markAsRunOutput(Path out, Configuration hadoop) throws IOException {
        FileSystem fs = out.getFileSystem(hadoop);
        fs.mkdirs(out);
        fs.create(new Path(out, OutputFolderLock.FILE), true).close();
    }

    private static void write(Dataset<Row> lines, String path) {
        lines.write().mode(SaveMode.Overwrite).option("compression", "none").text(path);
    }

    private void writeSummary(Path path, List<String> inputs, Summary s, Instant started, Configuration hadoop)
            throws IOException {
        ObjectNode root = SummaryHeader.of(JSON, started, inputs);
        root.put("spark_master", spark.sparkContext().master());
        root.put("partitions", s.partitions());
        ObjectNode counts = SummaryHeader.counts(root, s.inputFiles(), s.articlesRead(), s.analyzed(), s.skipped(),
                s.errors());
        counts.put("ids_renamed", s.renamedIds());
        ObjectNode timings = root.putObject("timings");
        timings.put("wall_seconds", Math.round(s.wallSeconds() * 1000) / 1000.0);
        timings.put("articles_per_second", Math.round(s.articlesRead() / Math.max(s.wallSeconds(), 1e-9) * 1000) / 1000.0);
        FileSystem fs = path.getFileSystem(hadoop);
        try (OutputStream o = fs.create(path, true)) {
            o.write((JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
