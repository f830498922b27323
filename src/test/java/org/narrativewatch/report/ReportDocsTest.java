package org.narrativewatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples in docs/reports.md parse and have the shape of what the report really writes. */
class ReportDocsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOC = Path.of("docs/reports.md");

    @TempDir
    static Path out;
    static String doc;

    @BeforeAll
    static void report() throws IOException {
        doc = Files.readString(DOC);
        Path records = out.resolve("articles");
        ArticleFixtures.writeCorpus(records);
        new ReportJob(ReportJob.Options.DEFAULTS, new PrintStream(new ByteArrayOutputStream())).run(records, out);
    }

    private static List<String> blocks(String language) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The header of csv/TABLE.csv as written. */
    private static List<String> columns(Path out, String table) throws IOException {
        try (Reader in = Files.newBufferedReader(out.resolve("csv/" + table + ".csv"));
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return csv.getHeaderNames();
        }
    }

    @Test
    void reportJsonExampleHasTheRealTotalsTablesAndColumns() throws IOException {
        List<String> json = blocks("json");
        assertEquals(1, json.size());
        JsonNode example = JSON.readTree(json.get(0));
        JsonNode real = JSON.readTree(out.resolve("aggregates/report.json").toFile());
        assertEquals(keys(real), keys(example));
        assertEquals(real.path("schema_version"), example.path("schema_version"));
        assertEquals(keys(real.path("totals")), keys(example.path("totals")));
        assertEquals(keys(real.path("previous_run")), keys(example.path("previous_run")));
        assertEquals(keys(real.path("tables")), keys(example.path("tables")));
        for (String table : keys(real.path("tables"))) {
            JsonNode row = example.path("tables").path(table).get(0);
            assertEquals(columns(out, table), keys(row), table);
            assertTrue(doc.contains("| `" + table + "` | `" + String.join("`, `", keys(row)) + "` |"),
                    "the table reference lists the columns of " + table);
        }
    }

    @Test
    void csvExamplesHaveTheRealHeaders() throws IOException {
        Matcher m = Pattern.compile("Example `csv/(\\w+)\\.csv`:\\s*```csv\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        int seen = 0;
        while (m.find()) {
            seen++;
            try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(m.group(2)))) {
                assertEquals(columns(out, m.group(1)), csv.getHeaderNames());
                List<String> keys = csv.getRecords().stream().map(row -> row.get(0) + "\u0000" + row.get(1)).toList();
                assertFalse(keys.isEmpty());
                if (!List.of("top_evidence", "whats_new").contains(m.group(1))) {
                    // Sorted as the tool writes them: by the first columns, in code point order.
                    assertEquals(keys.stream().sorted().toList(), keys, m.group(1) + " example rows");
                }
            }
        }
        assertEquals(blocks("csv").size(), seen);
        assertTrue(seen >= 2);
    }

    @Test
    void bulkExampleIsActionDocumentPairsWithTheRealFields() throws IOException {
        List<String> ndjson = blocks("ndjson");
        assertEquals(1, ndjson.size());
        String[] lines = ndjson.get(0).split("\n");
        Map<String, List<String>> realFields = new TreeMap<>();
        List<String> bulk = Files.readAllLines(out.resolve("elasticsearch/bulk-0001.ndjson"));
        for (int i = 0; i < bulk.size(); i += 2) {
            realFields.putIfAbsent(JSON.readTree(bulk.get(i)).path("index").path("_index").asText(),
                    keys(JSON.readTree(bulk.get(i + 1))));
        }
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            JsonNode line = JSON.readTree(lines[i]);
            String kind = line.fieldNames().next();
            kinds.add(kind);
            if (kind.equals("delete")) {
                assertEquals(List.of("_index", "_id"), keys(line.path("delete")), "a delete has no document");
                continue;
            }
            JsonNode action = line.path("index");
            JsonNode example = JSON.readTree(lines[++i]);
            List<String> fields = keys(example);
            assertEquals(realFields.get(action.path("_index").asText()), fields, action.toString());
            for (String field : fields) {
                assertTrue(doc.contains("`" + field + "`"), "the field list names " + field);
            }
            if (example.has("narrative")) {
                assertTrue(action.path("_id").asText().startsWith(example.path("article_id").asText() + ":"
                        + example.path("narrative").asText() + ":"), "an evidence id names its narrative: " + action);
            }
        }
        assertEquals(List.of("index", "index", "delete"), kinds);
    }

    @Test
    void indexTemplateParsesAndMatchesTheDefaultIndexNames() throws IOException {
        JsonNode template = JSON.readTree(Path.of("docs/elasticsearch-index-template.json").toFile());
        String pattern = template.path("index_patterns").get(0).asText();
        assertEquals(ReportJob.Options.DEFAULTS.indexPrefix() + "-*", pattern);
        JsonNode properties = template.path("template").path("mappings").path("properties");
        assertTrue(properties.has("published"));
        // mapped before the first load, so a filter on them works even while every value is null or []
        for (String field : List.of("stance", "narratives_asserted", "narratives_reported", "narratives_disputed")) {
            assertEquals("keyword", properties.path(field).path("type").asText(), field);
        }
    }
}
