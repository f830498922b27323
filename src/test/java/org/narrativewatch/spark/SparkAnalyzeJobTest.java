package org.narrativewatch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.Printed;
import org.narrativewatch.TestData;
import org.narrativewatch.cli.ExitCodes;
import org.narrativewatch.cli.Main;
import org.narrativewatch.ingest.ArticleIds;
import org.narrativewatch.ingest.ReadOptions;
import org.narrativewatch.pipeline.PipelineOptions;
import org.narrativewatch.report.BulkLoad;

/**
 * The Spark job in local[2] mode against the command line on the same inputs: 58 PTC articles as
 * text files, two more as JSON lines that share an id, and inputs that must fail (a binary file,
 * a malformed line, a line without text). Every record must be byte-identical to the command
 * line's, the errors the same, and the Parquet copy equal to the JSON lines.
 */
class SparkAnalyzeJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PTC_FILES = 58;

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path input;
    private static Path cliOut;
    private static Path sparkOut;
    private static int cliExit;
    private static SparkAnalyzeJob.Summary summary;

    @BeforeAll
    static void runBoth() throws IOException {
        input = tmp.resolve("in");
        Files.createDirectories(input.resolve("ptc"));
        List<Path> ptc;
        try (Stream<Path> files = Files.list(TestData.shared().resolve("ptc/articles"))) {
            ptc = files.sorted().limit(PTC_FILES + 2).toList();
        }
        for (Path p : ptc.subList(0, PTC_FILES)) {
            Files.copy(p, input.resolve("ptc").resolve(p.getFileName()));
        }
        List<String> feed = new ArrayList<>();
        for (Path p : ptc.subList(PTC_FILES, PTC_FILES + 2)) {
            String[] titleAndBody = TestData.read(p).split("\n", 2);
            ObjectNode line = JSON.createObjectNode().put("id", "shared-id").put("title", titleAndBody[0])
                    .put("text", titleAndBody[1]).put("source", "ptc");
            feed.add(JSON.writeValueAsString(line));
        }
        feed.add(1, "{\"title\": \"no closing brace\"");
        feed.add("{\"title\": \"a line without text\"}");
        Files.write(input.resolve("feed.jsonl"), feed);
        Files.write(input.resolve("scan.txt"), new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '4', 0, 1, 2});
        Files.writeString(input.resolve(".hidden.txt"), "A hidden file that neither run reads.");

        cliOut = tmp.resolve("cli");
        cliExit = Main.run("analyze", input.toString(), "--out", cliOut.toString(),
                "--jsonl", tmp.resolve("cli.jsonl").toString(), "--threads", "2", "--quiet");

        spark = SparkSession.builder().master("local[2]").appName("narrative-watch-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        sparkOut = tmp.resolve("spark");
        JobOptions options = JobOptions.of(ReadOptions.defaults(), PipelineOptions.defaults(), false, 0);
        summary = new SparkAnalyzeJob(spark, options).run(List.of(input.toString()), sparkOut.toString());
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** Every line of the part files of a dataset folder the job wrote. */
    private static List<String> lines(Path dataset) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(dataset)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private static Map<String, String> byId(List<String> records) throws IOException {
        Map<String, String> byId = new TreeMap<>();
        for (String r : records) {
            assertEquals(null, byId.put(JSON.readTree(r).get("id").asText(), r), "ids are unique");
        }
        return byId;
    }

    @Test
    void everyRecordIsByteIdenticalToTheCommandLines() throws IOException {
        Map<String, String> cli = byId(Files.readAllLines(tmp.resolve("cli.jsonl"), StandardCharsets.UTF_8));
        Map<String, String> fromSpark = byId(lines(sparkOut.resolve(SparkAnalyzeJob.ARTICLES_JSONL)));
        assertEquals(PTC_FILES + 2, cli.size());
        assertEquals(cli.keySet(), fromSpark.keySet());
        int identical = 0;
        for (Map.Entry<String, String> e : cli.entrySet()) {
            assertEquals(e.getValue(), fromSpark.get(e.getKey()), "record " + e.getKey());
            identical++;
        }
        System.out.printf("spark vs cli: %d of %d records byte-identical (%d sentences, %d tokens, %d entity mentions,"
                        + " %d narrative hits)%n", identical, cli.size(), sum(cli.values(), "sentences"),
                sum(cli.values(), "tokens"), sum(cli.values(), "entities"), sum(cli.values(), "narratives"));
    }

    /**
     * A Spark output folder that ends up inside a folder a later run reads (copied beside the
     * corpus, or this morning's job folder under yesterday's) is no input: its part files end in .txt
     * and would come back as articles. The job leaves the command line's marker file in OUT.
     */
    @Test
    void aLaterCommandLineRunPassesOverTheJobsOutputFolder() throws IOException {
        Path later = Files.createDirectories(tmp.resolve("later"));
        Files.writeString(later.resolve("a.txt"), "Moscow and Yerevan\n\nArmenia said on Monday that it would "
                + "review its membership of the CSTO.\n");
        Files.createSymbolicLink(later.resolve("spark-run"), sparkOut);
        Path out = tmp.resolve("later-out");
        Printed run = Printed.run("analyze", later.toString(), "--out", out.toString(), "--no-article-pages");
        assertEquals(ExitCodes.OK, run.code(), run.stderr());
        assertTrue(run.stderr().contains(later.resolve("spark-run") + ": the output folder of a narrative-watch run"),
                run.stderr());
        JsonNode counts = JSON.readTree(out.resolve("summary.json").toFile()).get("counts");
        assertEquals(1, counts.get("articles_read").asInt());
        assertEquals(0, counts.get("errors").asInt());
    }

    private static long sum(Iterable<String> records, String count) {
        long sum = 0;
        for (String r : records) {
            sum += readTree(r).get("counts").get(count).asLong();
        }
        return sum;
    }

    @Test
    void anIdTakenByAnEarlierArticleIsRenamedAsTheCommandLineDoes() throws IOException {
        Map<String, String> fromSpark = byId(lines(sparkOut.resolve(SparkAnalyzeJob.ARTICLES_JSONL)));
        assertTrue(fromSpark.containsKey("shared-id"));
        assertTrue(fromSpark.keySet().stream().anyMatch(id -> id.matches("shared-id-[0-9a-f]{10}")), fromSpark.keySet().toString());
        assertEquals(1, summary.renamedIds());
    }

    /**
     * The same file below three named folders: the second gets the clash id of its path, which the
     * third shares, so the third numbers it; the job gives the ids the command line gives.
     */
    @Test
    void aClashIdThatTwoArticlesShareIsNumberedAsTheCommandLineNumbersIt() throws IOException {
        List<String> folders = new ArrayList<>();
        for (String name : List.of("monday", "tuesday", "wednesday")) {
            Path folder = Files.createDirectories(tmp.resolve("days").resolve(name));
            Files.writeString(folder.resolve("story.txt"), "Kremlin denies meddling\n\nMoscow said on " + name
                    + " that the accusations of election meddling were a hoax invented by Western media.\n");
            folders.add(folder.toString());
        }
        List<String> args = new ArrayList<>(List.of("analyze"));
        args.addAll(folders);
        args.addAll(List.of("--out", tmp.resolve("days-cli").toString(), "--jsonl", tmp.resolve("days.jsonl").toString(),
                "--quiet"));
        assertEquals(ExitCodes.OK, Main.run(args.toArray(String[]::new)));
        Path out = tmp.resolve("days-spark");
        JobOptions options = JobOptions.of(ReadOptions.defaults(), PipelineOptions.defaults(), false, 0);
        new SparkAnalyzeJob(spark, options).run(folders, out.toString());

        Map<String, String> cli = byId(Files.readAllLines(tmp.resolve("days.jsonl"), StandardCharsets.UTF_8));
        String clashId = "story-" + ArticleIds.shortHash("story.txt");
        assertEquals(Set.of("story", clashId, clashId + "-2"), cli.keySet());
        assertEquals(cli, byId(lines(out.resolve(SparkAnalyzeJob.ARTICLES_JSONL))));
    }

    @Test
    void badInputsGoToTheErrorsDatasetAsInTheCommandLine() throws IOException {
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, cliExit);
        List<String> cliErrors = Files.readAllLines(cliOut.resolve("errors.jsonl"), StandardCharsets.UTF_8);
        List<String> sparkErrors = lines(sparkOut.resolve(SparkAnalyzeJob.ERRORS_JSONL));
        assertEquals(3, cliErrors.size(), cliErrors.toString());
        assertEquals(cliErrors.stream().sorted().toList(), sparkErrors.stream().sorted().toList());
        assertEquals(cliErrors.size(), summary.errors());
        assertTrue(sparkErrors.stream().anyMatch(e -> e.contains("scan.txt") && e.contains("binary file")), sparkErrors.toString());
    }

    @Test
    void summaryCountsEqualTheCommandLines() throws IOException {
        JsonNode cli = JSON.readTree(cliOut.resolve("summary.json").toFile()).get("counts");
        JsonNode fromSpark = JSON.readTree(sparkOut.resolve(SparkAnalyzeJob.SUMMARY_FILE).toFile()).get("counts");
        for (String count : List.of("articles_read", "articles_analyzed", "articles_skipped", "errors")) {
            assertEquals(cli.get(count), fromSpark.get(count), count);
        }
    }

    @Test
    void theParquetDatasetHoldsTheSameRecordsAsTypedColumns() throws IOException {
        Map<String, String> jsonl = byId(lines(sparkOut.resolve(SparkAnalyzeJob.ARTICLES_JSONL)));
        List<Row> rows = spark.read().parquet(sparkOut.resolve(SparkAnalyzeJob.ARTICLES_PARQUET).toString())
                .toJSON().toJavaRDD().map(s -> org.apache.spark.sql.RowFactory.create(s)).collect();
        Map<String, JsonNode> parquet = new HashMap<>();
        for (Row r : rows) {
            JsonNode record = withoutNulls(JSON.readTree(r.getString(0)));
            parquet.put(record.get("id").asText(), record);
        }
        assertEquals(jsonl.keySet(), parquet.keySet());
        for (Map.Entry<String, String> e : jsonl.entrySet()) {
            assertEquals(withoutNulls(JSON.readTree(e.getValue())), parquet.get(e.getKey()), "record " + e.getKey());
        }
        assertFalse(spark.read().parquet(sparkOut.resolve(SparkAnalyzeJob.ARTICLES_PARQUET).toString())
                .schema().apply("entities").dataType().simpleString().contains("string>>,"), "typed columns");
    }

    @Test
    void parquetRowsAreReadLikeJsonLinesWithTheRowAsOriginAndACorruptFileIsAnError() throws IOException {
        Path feedLines = tmp.resolve("feed-articles.jsonl");
        Files.write(feedLines, Files.readAllLines(input.resolve("feed.jsonl")).stream()
                .filter(line -> line.contains("\"text\"")).toList());
        Path table = tmp.resolve("parquet-in/feed");
        spark.read().json(feedLines.toString()).coalesce(1).write().parquet(table.toString());
        // A name that is no URI and no glob as it stands (audit 11a #2): read as the file it names.
        try (Stream<Path> parts = Files.list(table)) {
            Path part = parts.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
            Files.move(part, table.resolve("my feed #1 [50%] {a,b}.parquet"));
        }
        Files.write(table.resolveSibling("broken.parquet"), "PAR1 not really".getBytes(StandardCharsets.UTF_8));
        Path out = tmp.resolve("spark-parquet");
        SparkAnalyzeJob.Summary s = new SparkAnalyzeJob(spark,
                JobOptions.of(ReadOptions.defaults(), PipelineOptions.defaults(), false, 0))
                .run(List.of(table.getParent().toString()), out.toString());

        List<String> errors = lines(out.resolve(SparkAnalyzeJob.ERRORS_JSONL));
        assertEquals(1, errors.size(), "the corrupt file, and not the job's _SUCCESS marker: " + errors);
        assertEquals(1, s.errors());
        JsonNode error = JSON.readTree(errors.get(0));
        assertEquals(table.resolveSibling("broken.parquet").toString(), error.get("file").asText());
        assertTrue(error.get("reason").asText().startsWith("cannot read Parquet: "), error.toString());
        Map<String, JsonNode> fromJsonl = new HashMap<>();
        for (String r : lines(sparkOut.resolve(SparkAnalyzeJob.ARTICLES_JSONL))) {
            JsonNode record = JSON.readTree(r);
            if (record.get("origin").get("file").asText().endsWith("feed.jsonl")) {
                fromJsonl.put(record.get("content_hash").asText(), record);
            }
        }
        List<String> records = lines(out.resolve(SparkAnalyzeJob.ARTICLES_JSONL));
        assertEquals(2, records.size());
        assertEquals(fromJsonl.size(), records.size());
        for (String r : records) {
            ObjectNode fromParquet = (ObjectNode) JSON.readTree(r);
            ObjectNode same = ((ObjectNode) fromJsonl.get(fromParquet.get("content_hash").asText())).deepCopy();
            assertEquals(table.resolve("my feed #1 [50%] {a,b}.parquet").toString(),
                    fromParquet.get("origin").get("file").asText());
            int row = same.get("origin").get("line").asInt() == 1 ? 1 : 2; // lines 1 and 3 of feed.jsonl
            assertEquals(row, fromParquet.get("origin").get("line").asInt());
            assertEquals(same.get("id").asText().equals("shared-id"), fromParquet.get("id").asText().equals("shared-id"));
            for (ObjectNode record : List.of(fromParquet, same)) {
                record.remove(List.of("origin", "id"));
            }
            assertEquals(same, fromParquet);
        }
    }

    /**
     * The job carries the previous run's bulk files over as the command line keeps them: a second run
     * into the same OUT deletes the article it no longer has, and loading both runs' files leaves what
     * the second describes.
     */
    @Test
    void aSecondRunsBulkFilesDeleteWhatItNoLongerHas() throws IOException {
        List<String> articles = new ArrayList<>();
        for (String line : Files.readAllLines(input.resolve("feed.jsonl"))) {
            if (line.contains("\"text\"")) {
                articles.add(line.replace("\"shared-id\"", "\"feed-" + articles.size() + "\""));
            }
        }
        Path in = Files.createDirectories(tmp.resolve("daily-in"));
        Path out = tmp.resolve("daily-out");
        Path reports = out.resolve(SparkAnalyzeJob.REPORT_DIR);
        JobOptions options = JobOptions.of(ReadOptions.defaults(), PipelineOptions.defaults(), false, 0);
        BulkLoad indices = new BulkLoad();

        Files.write(in.resolve("feed.jsonl"), articles);
        new SparkAnalyzeJob(spark, options).run(List.of(in.toString()), out.toString());
        assertTrue(indices.load(reports).docs().containsKey("narrative-watch-articles/feed-1"));
        Files.write(in.resolve("feed.jsonl"), articles.subList(0, 1));
        new SparkAnalyzeJob(spark, options).run(List.of(in.toString()), out.toString());
        assertTrue(Files.readString(reports.resolve("elasticsearch/bulk-0001.ndjson"))
                .contains("{\"delete\":{\"_index\":\"narrative-watch-articles\",\"_id\":\"feed-1\"}}"));
        assertEquals(new BulkLoad().load(reports).docs(), indices.load(reports).docs());
        assertFalse(indices.docs().keySet().stream().anyMatch(k -> k.contains("feed-1")), indices.docs().keySet().toString());
    }

    @Test
    void theReportsAreTheCommandLinesByteForByte() throws IOException {
        Path report = sparkOut.resolve(SparkAnalyzeJob.REPORT_DIR);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(report)) {
            files = walk.filter(Files::isRegularFile).map(report::relativize)
                    .filter(f -> !f.equals(Path.of("aggregates/run-info.json")) && !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        assertTrue(files.contains(Path.of("aggregates/report.json")), files.toString());
        assertTrue(files.stream().filter(f -> f.startsWith("csv")).count() > 3, files.toString());
        int identical = 0;
        for (Path f : files) {
            assertEquals(Files.readString(cliOut.resolve(f)), Files.readString(report.resolve(f)), f.toString());
            identical++;
        }
        JsonNode totals = JSON.readTree(report.resolve("aggregates/report.json").toFile()).get("totals");
        System.out.printf("spark vs cli reports: %d of %d files byte-identical (aggregates/report.json, %d CSV tables, ...);"
                + " totals %s%n", identical, files.size(), files.stream().filter(f -> f.startsWith("csv")).count(), totals);
    }

    @Test
    void theDocumentedSummaryHasExactlyTheFieldsTheJobWrites() throws IOException {
        Matcher example = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("docs/spark-output.md")));
        assertTrue(example.find(), "docs/spark-output.md has a json example");
        JsonNode written = JSON.readTree(sparkOut.resolve(SparkAnalyzeJob.SUMMARY_FILE).toFile());
        assertEquals(fieldPaths(written, ""), fieldPaths(JSON.readTree(example.group(1)), ""));
    }

    private static Set<String> fieldPaths(JsonNode node, String prefix) {
        Set<String> paths = new TreeSet<>();
        node.fields().forEachRemaining(f -> {
            paths.add(prefix + f.getKey());
            paths.addAll(fieldPaths(f.getValue(), prefix + f.getKey() + "."));
        });
        return paths;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Spark's JSON writer leaves out null fields; the record writer writes them. */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(f -> {
                if (!f.getValue().isNull()) {
                    copy.set(f.getKey(), withoutNulls(f.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(withoutNulls(n)));
            return copy;
        }
        return node;
    }
}
