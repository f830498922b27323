package org.narrativewatch.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.Origin;
import org.narrativewatch.ingest.ArticleIds;
import org.narrativewatch.ingest.ArticleSink;
import org.narrativewatch.ingest.Ingest;
import org.narrativewatch.ingest.InputError;
import org.narrativewatch.ingest.JsonReader;
import org.narrativewatch.job.ErrorRecord;
import org.narrativewatch.output.ArticleJson;
import org.narrativewatch.pipeline.Models;

/**
 * What the tasks of a job run over their partition, on the executors: read inputs with the
 * project's readers, give ids, analyse with the executor's one set of models, and render records
 * with the command line's writer. Rows stream through: a task holds the articles of one input file
 * at a time, and one analysed article.
 */
final class PartitionTasks implements Serializable {
    /** Pass one: every article's id, the id it gets on a clash, and its place in the reading order. */
    static final StructType IDS = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("clash_id", DataTypes.StringType, false)
            .add("file_index", DataTypes.LongType, false)
            .add("line", DataTypes.LongType, false);

    /** Pass two: a per-article record or an error record, with the article's place and status. */
    static final StructType OUTCOMES = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("file_index", DataTypes.LongType, false)
            .add("line", DataTypes.LongType, false)
            .add("id", DataTypes.StringType, true)
            .add("status", DataTypes.StringType, true)
            .add("record", DataTypes.StringType, false);

    static final String ARTICLE = "article";
    static final String ERROR = "error";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobOptions options;
    private final Broadcast<HadoopConf> conf;
    private final Broadcast<Map<String, InputFile>> parquetFiles;
    private final Broadcast<Map<String, String>> renamed;

    /**
     * @param parquetFiles Parquet inputs by {@link InputFile#fileKey}
     * @param renamed      the ids of articles whose id an earlier article already has, by {@link #placeKey place}
     */
    PartitionTasks(JobOptions options, Broadcast<HadoopConf> conf, Broadcast<Map<String, InputFile>> parquetFiles,
                   Broadcast<Map<String, String>> renamed) {
        this.options = options;
        this.conf = conf;
        this.parquetFiles = parquetFiles;
        this.renamed = renamed;
    }

    /** An article or an input error, as reading gave it, with the index of its input file. */
    private record Item(long fileIndex, Article article, InputError error) {
    }

    static String placeKey(long fileIndex, long line) {
        return fileIndex + ":" + line;
    }

    Iterator<Row> idsOfFiles(Iterator<InputFile> files) {
        return ids(readFiles(files));
    }

    Iterator<Row> idsOfParquetRows(Iterator<Row> rows) {
        return ids(readParquetRows(rows));
    }

    Iterator<Row> analyseFiles(Iterator<InputFile> files) {
        return analyse(readFiles(files));
    }

    Iterator<Row> analyseParquetRows(Iterator<Row> rows) {
        return analyse(readParquetRows(rows));
    }

    private Stream<Item> readFiles(Iterator<InputFile> files) {
        Ingest ingest = new Ingest(options.readOptions(), models().layout());
        HadoopConf hadoop = conf.value();
        return stream(files).flatMap(file -> {
            List<Item> items = new ArrayList<>();
            ingest.readOne(file.asInput(hadoop), collector(file.index(), items));
            return items.stream();
        });
    }

    /** Rows of (json, file_path, row_index): Parquet rows rendered as JSON, read like JSON records. */
    private Stream<Item> readParquetRows(Iterator<Row> rows) {
        Ingest ingest = new Ingest(options.readOptions(), models().layout());
        HadoopConf hadoop = conf.value();
        Map<String, InputFile> files = parquetFiles.value();
        return stream(rows).flatMap(row -> {
            InputFile file = files.get(InputFile.fileKey(row.getString(1)));
            List<Item> items = new ArrayList<>();
            Origin origin = new Origin(file.name(), row.getLong(2) + 1);
            try {
                JsonReader.emit(JSON.readTree(row.getString(0)), origin,
                        ingest.laidOut(file.asInput(hadoop), collector(file.index(), items)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("Spark rendered a row as malformed JSON", e);
            }
            return items.stream();
        });
    }

    private static ArticleSink collector(long fileIndex, List<Item> items) {
        return new ArticleSink() {
            @Override
            public void article(Article article) {
                items.add(new Item(fileIndex, article, null));
            }

            @Override
            public void error(InputError error) {
                items.add(new Item(fileIndex, null, error));
            }
        };
    }

    private static Iterator<Row> ids(Stream<Item> items) {
        return items.filter(item -> item.article() != null)
                .map(item -> RowFactory.create(item.article().id(), ArticleIds.clashId(item.article()),
                        item.fileIndex(), item.article().origin().line()))
                .iterator();
    }

    private Iterator<Row> analyse(Stream<Item> items) {
        Models models = models();
        ArticleJson writer = new ArticleJson(models.versions(), options.tokens());
        Map<String, String> clashes = renamed.value();
        return items.map(item -> {
            if (item.error() != null) {
                return error(item.fileIndex(), ErrorRecord.readFailed(item.error()));
            }
            Article article = item.article();
            long line = article.origin().line();
            String renamedId = clashes.get(placeKey(item.fileIndex(), line));
            if (renamedId != null) {
                article = article.withId(renamedId);
            }
            try {
                Doc doc = models.pipeline().process(article);
                byte[] record = writer.line(doc);
                return RowFactory.create(ARTICLE, item.fileIndex(), line, article.id(),
                        doc.skipped() ? "skipped" : "analyzed",
                        new String(record, 0, record.length - 1, StandardCharsets.UTF_8));
            } catch (RuntimeException | StackOverflowError e) {
                return error(item.fileIndex(), ErrorRecord.analysisFailed(article, e));
            }
        }).iterator();
    }

    static Row error(long fileIndex, ErrorRecord error) {
        try {
            return RowFactory.create(ERROR, fileIndex, error.line(), error.article(), null, JSON.writeValueAsString(error));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Models models() {
        return ExecutorModels.get(options.pipelineOptions());
    }

    private static <T> Stream<T> stream(Iterator<T> it) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
    }
}
