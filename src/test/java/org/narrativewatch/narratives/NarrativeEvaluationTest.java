package org.narrativewatch.narratives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.doc.NarrativeHit;
import org.narrativewatch.pipeline.Models;
import org.narrativewatch.pipeline.PipelineOptions;

/**
 * The catalog against the EUvsDisinfo claims: written from the 2015-2018 claims, scored on those
 * and on the 2019 claims it was not written from. Prints both reports.
 */
class NarrativeEvaluationTest {
    private static final Path CASES = Path.of(System.getProperty("nw.shared", "../shared"),
            "data/euvsdisinfo/cases-2015-2019.csv");
    /** Floors that catch regressions of the packaged catalog (see docs/narratives-evaluation.md for the figures). */
    private static final double MIN_MACRO_F1_2015_2018 = 0.455;
    private static final double MIN_MACRO_F1_2019 = 0.33;

    private static final java.util.function.Consumer<String> NO_PROBLEMS = problem -> {
        throw new AssertionError(problem);
    };

    private static Models models;

    @BeforeAll
    static void load() throws Exception {
        models = Models.load(new PipelineOptions(null, null, null, false, false));
    }

    private static ObjectNode evaluate(List<GoldSet.Item> items, List<List<NarrativeHit>> predictions) {
        return NarrativeEvaluation.score(models.narratives(), items, predictions,
                new NarrativeEvaluation.Options("euvsdisinfo", null, 0, 2));
    }

    @Test
    void macroF1OnBothSplits() throws Exception {
        List<String> problems = new ArrayList<>();
        List<GoldSet.Item> all = GoldSet.read(CASES, null, null, problems::add);
        assertEquals(7197, all.size());
        assertEquals(List.of(), problems);
        long t0 = System.nanoTime();
        List<List<NarrativeHit>> predictions = NarrativeEvaluation.predict(models.pipeline(), all, CASES.toString(),
                Runtime.getRuntime().availableProcessors());
        double seconds = (System.nanoTime() - t0) / 1e9;
        // The speed the issue asks for ("well under a minute") is measured by the command itself, as
        // docs/narratives-evaluation.md shows; a test on a shared CI machine would time the machine.
        System.out.printf("analysed %d titles in %.1f s%n", all.size(), seconds);

        LocalDate firstOf2019 = LocalDate.of(2019, 1, 1);
        List<GoldSet.Item> train = new ArrayList<>();
        List<List<NarrativeHit>> trainPredictions = new ArrayList<>();
        List<GoldSet.Item> test = new ArrayList<>();
        List<List<NarrativeHit>> testPredictions = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            boolean held = !all.get(i).date().isBefore(firstOf2019);
            (held ? test : train).add(all.get(i));
            (held ? testPredictions : trainPredictions).add(predictions.get(i));
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode trainReport = evaluate(train, trainPredictions);
        ObjectNode testReport = evaluate(test, testPredictions);
        System.out.println("2015-2018: " + json.writerWithDefaultPrettyPrinter().writeValueAsString(trainReport));
        System.out.println("2019: " + json.writerWithDefaultPrettyPrinter().writeValueAsString(testReport));

        assertEquals(CatalogTest.EUVSDISINFO_LABELS.size(), testReport.path("label_count").asInt());
        assertEquals(4577, trainReport.path("documents").asInt());
        assertEquals(2620, testReport.path("documents").asInt());
        double trainMacro = trainReport.path("macro_f1").asDouble();
        double testMacro = testReport.path("macro_f1").asDouble();
        assertTrue(trainMacro >= MIN_MACRO_F1_2015_2018, "2015-2018 macro-F1 " + trainMacro);
        assertTrue(testMacro >= MIN_MACRO_F1_2019, "2019 macro-F1 " + testMacro);
    }

    @Test
    void jsonlGoldWithDatesLabelsAndErrors(@TempDir Path dir) throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, String.join("\n",
                "{\"id\": \"a\", \"date\": \"2020-03-01\", \"text\": \"Ukraine is ruled by neo-Nazis.\", \"labels\": [\"Nazi/Fascist\"]}",
                "{\"id\": \"b\", \"date\": \"2020-03-02\", \"text\": \"There was a coup in Kyiv in 2014.\", \"labels\": [\"Nazi/Fascist\"]}",
                "{\"id\": \"c\", \"date\": \"2021-01-01\", \"text\": \"The EU is falling apart.\", \"labels\": []}",
                ""));
        List<GoldSet.Item> items = GoldSet.read(gold, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), NO_PROBLEMS);
        assertEquals(List.of("a", "b"), items.stream().map(GoldSet.Item::id).toList());
        List<List<NarrativeHit>> predictions = NarrativeEvaluation.predict(models.pipeline(), items, gold.toString(), 2);
        ObjectNode report = NarrativeEvaluation.score(models.narratives(), items, predictions,
                new NarrativeEvaluation.Options("euvsdisinfo", java.util.Set.of("Nazi/Fascist", "Coup"), 5, 2));
        assertEquals(1.0, report.path("labels").path("Nazi/Fascist").path("precision").asDouble());
        assertEquals(0.5, report.path("labels").path("Nazi/Fascist").path("recall").asDouble());
        assertEquals(2, report.path("labels").path("Nazi/Fascist").path("support").asInt());
        assertEquals("b", report.path("errors").path("Nazi/Fascist").path("false_negatives").get(0).path("id").asText());
        assertEquals("b", report.path("errors").path("Coup").path("false_positives").get(0).path("id").asText());
        assertEquals("maidan-coup", report.path("errors").path("Coup").path("false_positives").get(0)
                .path("fired").get(0).path("narrative").asText());
        assertEquals(2, report.path("label_count").asInt());
    }

    @Test
    void unusableLinesAreSkippedAndNamedAndOtherDateFormatsRead(@TempDir Path dir) throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, String.join("\n",
                "{\"id\": \"a\", \"date\": \"15.03.2020\", \"text\": \"Ukraine is ruled by neo-Nazis.\", \"labels\": [\"Nazi/Fascist\"]}",
                "{\"id\": \"b\", \"text\": \"cut off",
                "{\"id\": \"c\", \"date\": \"March 3, 2020\", \"labels\": [\"Coup\"]}",
                "{\"id\": \"d\", \"date\": \"sometime in spring\", \"text\": \"There was a coup in Kyiv.\", \"labels\": [\"Coup\"]}",
                "{\"id\": \"e\", \"date\": \"2 April 2020\", \"text\": \"The EU is falling apart.\", \"labels\": []}",
                ""));
        List<String> problems = new ArrayList<>();
        List<GoldSet.Item> all = GoldSet.read(gold, null, null, problems::add);
        assertEquals(List.of("a", "d", "e"), all.stream().map(GoldSet.Item::id).toList());
        assertEquals(LocalDate.of(2020, 3, 15), all.get(0).date());
        assertEquals(null, all.get(1).date());
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).endsWith("gold.jsonl:2: malformed JSON, line skipped"), problems.get(0));
        assertTrue(problems.get(1).endsWith("gold.jsonl:3: no \"text\" string, line skipped"), problems.get(1));
        assertTrue(problems.get(2).contains("gold.jsonl:4: date 'sometime in spring' unreadable"), problems.get(2));
        List<GoldSet.Item> spring = GoldSet.read(gold, LocalDate.of(2020, 3, 1), LocalDate.of(2020, 4, 30), p -> { });
        assertEquals(List.of("a", "e"), spring.stream().map(GoldSet.Item::id).toList());
    }

    /**
     * A text that is empty or only white space (a claim whose title was lost in a conversion) has nothing
     * to find, so scored its labels would all be false negatives: skipped and named, as a CSV row
     * without a title is.
     */
    @Test
    void aBlankTextIsSkippedAndNamedAsACsvRowWithoutATitleIs(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("gold.jsonl");
        Files.writeString(jsonl, String.join("\n",
                "{\"id\": \"a\", \"text\": \"NATO is preparing an attack on Russia.\", \"labels\": [\"Anti-Russian\"]}",
                "{\"id\": \"b\", \"text\": \"\", \"labels\": [\"Anti-Russian\"]}",
                "{\"id\": \"c\", \"text\": \"   \\n \", \"labels\": [\"Anti-Russian\"]}",
                "{\"id\": \"d\", \"title\": \" \", \"keywords\": \"Anti-Russian\"}",
                ""));
        List<String> problems = new ArrayList<>();
        assertEquals(List.of("a"), GoldSet.read(jsonl, null, null, problems::add).stream().map(GoldSet.Item::id).toList());
        assertEquals(List.of(jsonl + ":2: \"text\" is empty, line skipped",
                jsonl + ":3: \"text\" is only white space, line skipped",
                jsonl + ":4: \"title\" is only white space, line skipped"), problems);

        Path csv = dir.resolve("gold.csv");
        Files.writeString(csv, "date,id,title,keywords\n2018-03-01,a,NATO is preparing an attack on Russia.,Anti-Russian\n"
                + "2018-03-02,b,\"   \",Anti-Russian\n");
        problems.clear();
        assertEquals(List.of("a"), GoldSet.read(csv, null, null, problems::add).stream().map(GoldSet.Item::id).toList());
        assertEquals(List.of(csv + ":3: no title, row skipped"), problems);
    }

    /**
     * A gold file must be UTF-8: a line or CSV row saved as Latin-1 (the audit's claims-latin1.jsonl)
     * is skipped and named with file, line, the byte and what to do, as other unusable lines are,
     * and never stops the reading. Text that is UTF-8, non-ASCII and after a byte order mark, reads as before.
     */
    @Test
    void aLineOrRowThatIsNotUtf8IsSkippedAndNamed(@TempDir Path dir) throws Exception {
        Path jsonl = Files.write(dir.resolve("claims-latin1.jsonl"), ("{\"text\":\"Russia betrayed Armenia, caf\u00e9.\","
                + "\"labels\":[\"x\"]}\n{\"text\":\"Russia betrayed Armenia.\",\"labels\":[\"x\"]}\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        List<String> problems = new ArrayList<>();
        assertEquals(List.of("Russia betrayed Armenia."),
                GoldSet.read(jsonl, null, null, problems::add).stream().map(GoldSet.Item::text).toList());
        assertEquals(List.of(jsonl + ":1: byte 0xE9 (column 38) is not UTF-8; save the file as UTF-8, line skipped"),
                problems);

        Path csv = dir.resolve("cases.csv");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write("date,id,title,keywords\n2018-03-01,a,\"Russia betrayed Armenia, caf\u00e9.\",x\n"
                .getBytes(StandardCharsets.UTF_8));
        bytes.write("2018-03-02,b,\"Russia betrayed Armenia, caf\u00e9.\",x\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(csv, bytes.toByteArray());
        problems.clear();
        assertEquals(List.of("a: Russia betrayed Armenia, caf\u00e9."), GoldSet.read(csv, null, null, problems::add)
                .stream().map(item -> item.id() + ": " + item.text()).toList());
        assertEquals(List.of(csv + ":3: the title cell: byte 0xE9 (column 29) is not UTF-8; save the file as UTF-8, "
                + "row skipped"), problems);
    }

    /** Articles' published field reads a number as Unix time (docs/reports.md); a gold date is read the same way. */
    @Test
    void aNumericDateIsReadAsUnixTimeAsAnArticlesPublishedDateIs(@TempDir Path dir) throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, String.join("\n",
                "{\"id\": \"seconds\", \"date\": 1520000000, \"text\": \"NATO is preparing an attack.\", \"labels\": []}",
                "{\"id\": \"millis\", \"date\": 1577787330000, \"text\": \"The EU is falling apart.\", \"labels\": []}",
                "{\"id\": \"string\", \"date\": \"1520000000\", \"text\": \"Kyiv is ruled by Nazis.\", \"labels\": []}",
                "{\"id\": \"object\", \"date\": {\"day\": 1}, \"text\": \"There was a coup.\", \"labels\": []}",
                ""));
        List<String> problems = new ArrayList<>();
        List<GoldSet.Item> all = GoldSet.read(gold, null, null, problems::add);
        assertEquals(java.util.Arrays.asList(LocalDate.of(2018, 3, 2), LocalDate.of(2019, 12, 31),
                LocalDate.of(2018, 3, 2), null), all.stream().map(GoldSet.Item::date).toList());
        assertEquals(List.of(gold + ":4: date '{\"day\":1}' unreadable, the item counts as undated"), problems);
        List<GoldSet.Item> march = GoldSet.read(gold, LocalDate.of(2018, 3, 1), LocalDate.of(2018, 3, 31), p -> { });
        assertEquals(List.of("seconds", "string"), march.stream().map(GoldSet.Item::id).toList());
    }

    @Test
    void keywordsSeparatedByCommasOrSemicolonsAreTheSameLabels(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(CASES).subList(0, 200);
        Path respelt = dir.resolve("cases.csv");
        // Real rows; their keywords column holds no quotes or commas, so '+' can be replaced in place.
        Files.write(respelt, lines.stream().map(l -> l.replace("+", "; ")).toList());
        List<GoldSet.Item> original = GoldSet.read(CASES, null, null, NO_PROBLEMS).subList(0, 199);
        List<GoldSet.Item> read = GoldSet.read(respelt, null, null, NO_PROBLEMS);
        assertEquals(original.stream().map(GoldSet.Item::labels).toList(), read.stream().map(GoldSet.Item::labels).toList());
        assertTrue(read.stream().filter(i -> i.labels().size() > 1).count() > 100);

        // The same rows as JSONL with the CSV's field names, and as CSV with a byte order mark and a capitalised header.
        Path jsonl = dir.resolve("cases.jsonl");
        ObjectMapper json = new ObjectMapper();
        StringBuilder out = new StringBuilder();
        for (GoldSet.Item item : original) {
            out.append(json.writeValueAsString(java.util.Map.of("title", item.text(), "date", item.date().toString(),
                    "keywords", String.join("+", item.labels())))).append('\n');
        }
        Files.writeString(jsonl, out);
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, java.util.stream.Stream.concat(java.util.stream.Stream.of("\uFEFF" + lines.get(0).toUpperCase()),
                lines.subList(1, lines.size()).stream()).toList());
        for (Path variant : List.of(jsonl, bom)) {
            List<GoldSet.Item> again = GoldSet.read(variant, LocalDate.of(2015, 1, 1), LocalDate.of(2030, 1, 1), NO_PROBLEMS);
            assertEquals(original.stream().map(GoldSet.Item::labels).toList(), again.stream().map(GoldSet.Item::labels).toList());
            assertEquals(original.stream().map(GoldSet.Item::text).toList(), again.stream().map(GoldSet.Item::text).toList());
        }
    }

    @Test
    void labelsMatchWhateverTheirCaseAndSpacing() throws Exception {
        // Real claims of 2019 whose keywords are respelt the way other exports write them.
        List<GoldSet.Item> claims = GoldSet.read(CASES, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), NO_PROBLEMS);
        List<GoldSet.Item> respelt = claims.stream().map(c -> new GoldSet.Item(c.id(), c.date(), c.text(),
                new java.util.LinkedHashSet<>(c.labels().stream().map(l -> l.replace("/", " / ").toUpperCase()).toList()),
                c.line())).toList();
        List<List<NarrativeHit>> predictions = NarrativeEvaluation.predict(models.pipeline(), claims, CASES.toString(), 2);
        java.util.Set<String> only = java.util.Set.of("nazi / fascist", "SECRET ELITES/GLOBAL ELITES", "Election  meddling");
        ObjectNode asWritten = NarrativeEvaluation.score(models.narratives(), claims, predictions,
                new NarrativeEvaluation.Options("euvsdisinfo", only, 0, 2));
        ObjectNode asRespelt = NarrativeEvaluation.score(models.narratives(), respelt, predictions,
                new NarrativeEvaluation.Options("euvsdisinfo", only, 0, 2));
        assertEquals(3, asWritten.path("label_count").asInt());
        assertTrue(asWritten.path("labels").path("Nazi/Fascist").path("support").asInt() > 100);
        assertTrue(asWritten.path("labels").path("Nazi/Fascist").path("true_positives").asInt() > 50);
        assertEquals(asWritten.path("labels"), asRespelt.path("labels"));
    }
}
