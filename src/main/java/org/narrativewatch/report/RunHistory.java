package org.narrativewatch.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.narrativewatch.output.AtomicFileSet;

/**
 * "What is new since the previous run": narratives and entities that appear, or whose article
 * count jumps, compared with the last run over different data.
 *
 * <p>The state file keeps the counts of the last two distinct runs: runs over different records
 * ({@link RunCounts#records}) or with different counts. Running the report again over the same
 * records compares with the run before them, not with itself, so a rerun writes the same "what is
 * new" (and the same bytes) as the first run; a run over other records with the same counts (a
 * daily window of the same size) is a new run.
 */
final class RunHistory {
    static final int SCHEMA_VERSION = 1;
    /** A count that at least doubles and grows by at least this many articles is a jump. */
    static final long MIN_JUMP = 3;
    static final double JUMP_FACTOR = 2.0;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The state file's content: the latest distinct run first. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record State(int schemaVersion, List<RunCounts> runs) {
    }

    /** The comparison: the run compared with (null on a first run), the rows, and the state to save. */
    record Comparison(RunCounts previous, Table table, State next) {
    }

    private RunHistory() {
    }

    /** Reads the state file; a missing or unreadable one means there is no previous run. */
    static State load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new State(SCHEMA_VERSION, List.of());
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<RunCounts> runs = new ArrayList<>();
            for (JsonNode run : root.path("runs")) {
                runs.add(JSON.treeToValue(run, RunCounts.class));
            }
            return new State(SCHEMA_VERSION, runs);
        } catch (JsonProcessingException e) {
            return new State(SCHEMA_VERSION, List.of());
        }
    }

    /** Writes the state file as a file of the set. */
    static void save(AtomicFileSet files, Path file, State state) throws IOException {
        files.write(file, (JSON.writeValueAsString(state) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static Comparison compare(State state, RunCounts current, Function<String, String> narrativeTitle,
                              Function<String, String> entityName) {
        List<RunCounts> runs = state.runs();
        RunCounts previous;
        State next;
        if (!runs.isEmpty() && runs.get(0).sameRun(current)) {
            previous = runs.size() > 1 ? runs.get(1) : null;
            // the run saved without its records gets them, so that the next run tells its records apart
            List<RunCounts> kept = new ArrayList<>(runs);
            kept.set(0, current);
            next = new State(SCHEMA_VERSION, kept);
        } else {
            previous = runs.isEmpty() ? null : runs.get(0);
            next = new State(SCHEMA_VERSION, previous == null ? List.of(current) : List.of(current, previous));
        }
        List<List<Object>> rows = new ArrayList<>();
        if (previous != null) {
            changes("narrative", previous.narratives(), current.narratives(), narrativeTitle, rows);
            changes("entity", previous.entities(), current.entities(), entityName, rows);
        }
        rows.sort(Comparator.<List<Object>, String>comparing(r -> (String) r.get(0))
                .thenComparing(r -> (String) r.get(3))
                .thenComparing(r -> -(Long) r.get(6))
                .thenComparing(r -> (String) r.get(1)));
        Table table = new Table("whats_new",
                List.of("kind", "key", "label", "status", "previous_articles", "articles", "change"), rows);
        return new Comparison(previous, table, next);
    }

    private static void changes(String kind, Map<String, Long> before, Map<String, Long> now,
                                Function<String, String> label, List<List<Object>> rows) {
        for (String key : new TreeSet<>(now.keySet())) {
            long was = before.getOrDefault(key, 0L);
            long is = now.get(key);
            String status = null;
            if (was == 0 && is > 0) {
                status = "new";
            } else if (is - was >= MIN_JUMP && is >= JUMP_FACTOR * was) {
                status = "rising";
            }
            if (status != null) {
                rows.add(Arrays.asList(kind, key, label.apply(key), status, was, is, is - was));
            }
        }
    }
}
