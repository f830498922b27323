package org.narrativewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.narratives.Catalog;

/**
 * docs/store.md (and the README, once it shows queries) cannot drift from what the code does: every
 * SQL example is one of the tested files in docs/queries/, the documented columns of each table
 * are exactly the columns the migrations create, and the narrative ids the examples name are the
 * packaged catalog's.
 */
class StoreDocsTest {
    static final Path STORE_DOC = Path.of("docs", "store.md");
    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TABLE_HEADING = Pattern.compile("^#### `(\\w+)`$");
    private static final Pattern COLUMN_ROW = Pattern.compile("^\\| `(\\w+)` \\|");
    /**
     * A narrative id in a query ({@code 'russophobia' AS narrative_id}, {@code narrative_id = 'russophobia'})
     * or a narrative hit of a record ({@code {"id": "russia-abandons-allies", "title": ..., "score": ...}}).
     */
    private static final Pattern NARRATIVE_ID = Pattern.compile("'([\\w-]+)' AS narrative_id"
            + "|narrative_id\\s*=\\s*'([\\w-]+)'"
            + "|\\{\\s*\"id\":\\s*\"([\\w-]+)\",\\s*\"title\":\\s*\"[^\"]*\",\\s*\"score\"");

    @TempDir
    Path tmp;

    @Test
    void everySqlExampleIsATestedQueryFile() throws Exception {
        Set<String> tested = new LinkedHashSet<>();
        for (String name : DocumentedQueries.names()) {
            tested.add(DocumentedQueries.read(name).strip());
        }
        List<String> shown = new ArrayList<>(sqlBlocks(STORE_DOC));
        assertTrue(shown.size() >= 3, "docs/store.md shows the analysts' queries");
        Path readme = Path.of("README.md");
        if (Files.exists(readme)) {
            shown.addAll(sqlBlocks(readme));
        }
        for (String sql : shown) {
            assertTrue(tested.contains(sql.strip()), "not a file in docs/queries/ (so not tested):\n" + sql);
        }
    }

    @Test
    void documentedColumnsAreTheSchemasColumns() throws Exception {
        Map<String, List<String>> documented = documentedColumns();
        assertFalse(documented.isEmpty());
        try (Store store = Store.open(Store.embeddedUrl(tmp))) {
            Map<String, List<String>> actual = new LinkedHashMap<>();
            for (String table : documented.keySet()) {
                actual.put(table, columns(store, table));
            }
            assertEquals(actual, documented);
            assertEquals(Set.of("runs", "articles", "entity_mentions", "narrative_hits", "evidence",
                    "evidence_entities", "schema_version"), documented.keySet());
        }
    }

    /** An example that names a narrative the catalog does not have returns nothing for an analyst who runs it. */
    @Test
    void everyNarrativeIdTheExamplesNameIsInThePackagedCatalog() throws Exception {
        Set<String> catalog = new LinkedHashSet<>();
        Catalog.load(null).narratives().forEach(n -> catalog.add(n.id()));
        List<Path> examples = new ArrayList<>();
        for (String name : DocumentedQueries.names()) {
            examples.add(DocumentedQueries.FOLDER.resolve(name + ".sql"));
        }
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(examples::add);
        }
        examples.add(Path.of("README.md"));
        Map<String, Set<String>> unknown = new LinkedHashMap<>();
        int named = 0;
        for (Path example : examples) {
            Matcher m = NARRATIVE_ID.matcher(Files.readString(example, StandardCharsets.UTF_8));
            while (m.find()) {
                String id = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                named++;
                if (!catalog.contains(id)) {
                    unknown.computeIfAbsent(example.toString(), k -> new LinkedHashSet<>()).add(id);
                }
            }
        }
        assertTrue(named >= 4, "the queries and the record examples name narratives: " + named);
        assertEquals(Map.of(), unknown, "narrative ids not in the packaged catalog " + catalog);
    }

    private static List<String> sqlBlocks(Path markdown) throws Exception {
        List<String> blocks = new ArrayList<>();
        Matcher m = SQL_BLOCK.matcher(Files.readString(markdown, StandardCharsets.UTF_8));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** Tables are headed "#### `name`" and list columns as rows starting "| `column` |". */
    private static Map<String, List<String>> documentedColumns() throws Exception {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : Files.readAllLines(STORE_DOC, StandardCharsets.UTF_8)) {
            Matcher heading = TABLE_HEADING.matcher(line);
            Matcher column = COLUMN_ROW.matcher(line);
            if (heading.matches()) {
                current = new ArrayList<>();
                tables.put(heading.group(1), current);
            } else if (line.startsWith("#")) {
                current = null;
            } else if (current != null && column.find()) {
                current.add(column.group(1));
            }
        }
        return tables;
    }

    private static List<String> columns(Store store, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement st = store.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + table + " LIMIT 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnName(i));
            }
        }
        return columns;
    }
}
